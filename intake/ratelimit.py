"""Rate limits (Flask-Limiter) keyed so that no IP address is ever stored.

The limiter needs *some* key per client. We use an HMAC of the address under the app's secret
and the current day: the same client maps to the same key for a day, the key cannot be turned
back into an address without the secret, and tomorrow's keys share nothing with today's. The
address itself is read from the request and forgotten; it never reaches storage or logs.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request
from flask_limiter import Limiter

from .timeutil import utcnow


def anonymous_client_key() -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    day = utcnow().strftime("%Y-%m-%d")
    address = request.remote_addr or ""  # used only as HMAC input, never stored
    digest = hmac.new(secret, f"{day}|{address}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]


limiter = Limiter(key_func=anonymous_client_key, default_limits=[], headers_enabled=False)
