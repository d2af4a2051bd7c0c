"""Slowing down password and code guessing without letting anyone keep the owner out.

An account is never locked: a lock let anyone who knew a staff email keep that person out with
one wrong password every half hour. Instead, failed sign-in steps (a wrong password or a wrong
code) count against two limits, both in the rate-limit store and keyed without any address or
email in clear:

- per account and client (RATELIMIT_LOGIN_FAILURES, 5 per 15 minutes, 20 per day): one client
  guessing at one account waits; the owner on another connection is not affected;
- per account across every client (RATELIMIT_ACCOUNT_FAILURES, 50 per day), so many clients
  together cannot guess fast either; a browser that has signed in to the account before carries
  a signed device cookie and is exempt, so the owner still gets in while strangers wait.

Only failures count (Flask-Limiter's deduct_when), so the right password and code are refused
only to a client that has itself failed too often, and the page then says plainly how long to
wait. The per-client limit of every sign-in POST (RATELIMIT_LOGIN) stays on top.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from typing import Any

from flask import Response, after_this_request, current_app, g, request, session
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..ratelimit import anonymous_client_key, daily_salt, limiter

SCOPE = "staff-sign-in-failures"  # shared by the password and code steps
DEVICE_COOKIE = "staff_device"
DEVICE_DAYS = 180
DEVICE_ACCOUNTS = 5  # accounts one browser is remembered for
PENDING_EMAIL = "auth_pending_email"  # session key: the account the sign-in steps are about

CLIENT_MESSAGE = _l(
    "Too many wrong tries for this account from this connection. "
    "Please wait %(minutes)s minutes and try again."
)
ACCOUNT_MESSAGE = _l(
    "This account has had too many wrong tries today, so sign-in from new devices waits "
    "%(minutes)s minutes. A device you have signed in from before can sign in now."
)


def failed() -> None:
    """The current sign-in step failed: it counts against both limits."""
    g.sign_in_failed = True


def _deduct(response: Response) -> bool:
    return bool(g.get("sign_in_failed"))


def _account_email() -> str:
    if request.endpoint == "auth.login":
        return (request.form.get("email") or "").strip().lower()[:254]
    return session.get(PENDING_EMAIL, "")


def _account_key() -> str:
    salt = daily_salt.today(current_app.config.get("REDIS_URL"))
    return hmac.new(salt, b"account|" + _account_email().encode(), hashlib.sha256).hexdigest()[:32]


def _client_and_account_key() -> str:
    return f"{anonymous_client_key()}:{_account_key()}"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="staff-device")


def _device_accounts() -> list[str]:
    cookie = request.cookies.get(DEVICE_COOKIE)
    if not cookie:
        return []
    try:
        accounts = _serializer().loads(cookie, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return []
    return [a for a in accounts if isinstance(a, str)] if isinstance(accounts, list) else []


def known_device() -> bool:
    """This browser has signed in to the account of this sign-in attempt before."""
    email = _account_email()
    return bool(email) and email in _device_accounts()


def remember_device(email: str) -> None:
    """After a full sign-in: this browser is one the account has used (set on the response)."""
    accounts = [email, *(a for a in _device_accounts() if a != email)][:DEVICE_ACCOUNTS]
    value = _serializer().dumps(accounts)

    @after_this_request
    def set_cookie(response: Response) -> Response:
        response.set_cookie(
            DEVICE_COOKIE,
            value,
            max_age=DEVICE_DAYS * 86400,
            path="/staff/login",
            secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
            httponly=True,
            samesite="Strict",
        )
        return response


def _limit_value(config_key: str) -> Callable[[], str]:
    def value() -> str:
        return current_app.config[config_key]  # defaults: intake/config.py, Settings

    return value


def sign_in_failure_limits(view: Callable[..., Any]) -> Callable[..., Any]:
    """Both failure limits, on a sign-in step's POSTs."""
    per_client = limiter.limit(
        _limit_value("RATELIMIT_LOGIN_FAILURES"),
        key_func=_client_and_account_key,
        scope=SCOPE + ":client",
        methods=["POST"],
        deduct_when=_deduct,
        error_message=lambda: str(CLIENT_MESSAGE),
    )
    per_account = limiter.limit(
        _limit_value("RATELIMIT_ACCOUNT_FAILURES"),
        key_func=_account_key,
        scope=SCOPE + ":account",
        methods=["POST"],
        deduct_when=_deduct,
        exempt_when=known_device,
        error_message=lambda: str(ACCOUNT_MESSAGE),
    )
    return per_account(per_client(view))


def wait_message(description: str) -> str | None:
    """The 429 page's text for a sign-in step refused by one of these limits, with the wait in
    minutes; None for any other limit."""
    for message in (CLIENT_MESSAGE, ACCOUNT_MESSAGE):
        if description == str(message):
            current = limiter.current_limit
            seconds = max(0, current.reset_at - time.time()) if current else 900
            return message % {"minutes": max(1, -(-int(seconds) // 60))}
    return None
