"""Rate limits (Flask-Limiter) keyed so that no IP address is ever stored.

The limiter needs *some* key per client. We use an HMAC of the address under the app's secret
and the current day: the same client maps to the same key for a day, the key cannot be turned
back into an address without the secret, and tomorrow's keys share nothing with today's. The
address itself is read from the request and forgotten; it never reaches storage or logs.

Public pages that take input (submit, receipt lookup, the staff sign-in steps) use
`public_rate_limit`: only POSTs count, so reading a page is never refused. When a limit is hit,
`errors.py` answers 429 in the visitor's language and, on the report form, keeps everything typed.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

from flask import current_app, request
from flask_limiter import Limiter

from .timeutil import utcnow

# Used when the config does not name a limit (Flask-Limiter's syntax: "N per period;...").
DEFAULT_LIMITS = {
    "RATELIMIT_SUBMIT": "10 per hour;30 per day",
    # Receipt codes carry 78 bits, so guessing is hopeless anyway; this keeps it that way.
    "RATELIMIT_LOOKUP": "20 per hour;50 per day",
    # Staff sign-in steps (password, then code), per client: accounts also slow down and lock
    # on their own, but that alone lets one client try a password on every account in turn.
    "RATELIMIT_LOGIN": "30 per hour;100 per day",
}


def anonymous_client_key() -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    day = utcnow().strftime("%Y-%m-%d")
    address = request.remote_addr or ""  # used only as HMAC input, never stored
    digest = hmac.new(secret, f"{day}|{address}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]


limiter = Limiter(key_func=anonymous_client_key, default_limits=[], headers_enabled=False)


def public_rate_limit(config_key: str, exempt_when: Callable[[], bool] | None = None) -> Callable:
    """Decorator for a public view: limit its POSTs by `config_key` (e.g. RATELIMIT_SUBMIT,
    RATELIMIT_LOOKUP), read at request time so tests and deployments can change it. POSTs
    for which `exempt_when()` is true (ones that store nothing) are not counted.

    Each view gets its own counter (its endpoint is part of the key), keyed without any address.
    """

    def limit_value() -> str:
        return current_app.config.get(config_key) or DEFAULT_LIMITS.get(config_key, "10 per hour")

    return limiter.limit(
        limit_value, methods=["POST"], key_func=anonymous_client_key, exempt_when=exempt_when
    )
