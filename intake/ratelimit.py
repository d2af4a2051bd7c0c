"""Rate limits (Flask-Limiter) keyed so that no IP address is ever stored.

The limiter needs *some* key per client. We use an HMAC of the address under a random salt of
the day: the same client maps to the same key for a day, and tomorrow's keys share nothing with
today's. The salt is made by whichever process needs it first, kept only in Redis (every web
process shares it) with a time to live of two days, or in this process's memory when there is
no Redis or it is down; it is never written to disk nor derived from the configuration, so
neither a copy of the rate-limit store nor the secret key turns a key back into an address once
the day's salt has expired. The address itself is read from the request and forgotten; it
never reaches storage or logs.

Public pages that take input (submit, receipt lookup, the staff sign-in steps) use
`public_rate_limit`: only POSTs count, so reading a page is never refused. When a limit is hit,
`errors.py` answers 429 in the visitor's language and, on the report form, keeps everything typed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Callable

import redis
from flask import current_app, request
from flask_limiter import Limiter

from .timeutil import utcnow

log = logging.getLogger(__name__)


SALT_TTL_SECONDS = 2 * 86400  # today's salt outlives today by a day, then Redis forgets it
SALT_RETRY_SECONDS = 30  # Redis was down: ask it again after this long


class DailySalt:
    """The random salt of the day (see the module's docstring), shared through Redis."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._shared: dict[str, bytes] = {}  # day -> salt that Redis holds
        self._local: dict[str, bytes] = {}  # day -> this process's own, while Redis is away
        self._retry_at = 0.0

    def today(self, redis_url: str | None) -> bytes:
        day = utcnow().strftime("%Y-%m-%d")
        with self._lock:
            if day in self._shared:
                return self._shared[day]
            if redis_url and time.monotonic() >= self._retry_at:
                try:
                    salt = self._from_redis(redis_url, day)
                except redis.RedisError:
                    log.warning("rate-limit salt: Redis unreachable; this process uses its own")
                    self._retry_at = time.monotonic() + SALT_RETRY_SECONDS
                else:
                    self._shared = {day: salt}
                    return salt
            if day not in self._local:
                self._local = {day: secrets.token_bytes(32)}
            return self._local[day]

    @staticmethod
    def _from_redis(redis_url: str, day: str) -> bytes:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1)
        try:
            key = f"intake:ratelimit-salt:{day}"
            # The first process to ask makes it; the others read the same one.
            client.set(key, secrets.token_bytes(32), nx=True, ex=SALT_TTL_SECONDS)
            salt = client.get(key)
        finally:
            client.close()
        if not salt:
            raise redis.RedisError("the salt expired between set and get")
        return salt


daily_salt = DailySalt()


def anonymous_client_key() -> str:
    salt = daily_salt.today(current_app.config.get("REDIS_URL"))
    address = request.remote_addr or ""  # used only as HMAC input, never stored
    return hmac.new(salt, address.encode(), hashlib.sha256).hexdigest()[:32]


limiter = Limiter(key_func=anonymous_client_key, default_limits=[], headers_enabled=False)


def public_rate_limit(config_key: str, exempt_when: Callable[[], bool] | None = None) -> Callable:
    """Decorator for a public view: limit its POSTs by `config_key` (e.g. RATELIMIT_SUBMIT,
    RATELIMIT_LOOKUP), read at request time so tests and deployments can change it. POSTs
    for which `exempt_when()` is true (ones that store nothing) are not counted.

    Each view gets its own counter (its endpoint is part of the key), keyed without any address.
    """

    def limit_value() -> str:
        return current_app.config[config_key]  # defaults: intake/config.py, Settings

    return limiter.limit(
        limit_value, methods=["POST"], key_func=anonymous_client_key, exempt_when=exempt_when
    )
