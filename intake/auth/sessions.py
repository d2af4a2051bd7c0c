"""Staff sessions held on the server (StaffSession): started after both sign-in steps, checked
on every request, ended by logout, and all of an account's ended by a password change, a
two-factor reset or disabling it.

The signed cookie carries Flask-Login's user id and a random token; a request is signed in only
if a session row with that token's hash belongs to that user and has not been idle longer than
STAFF_IDLE_MINUTES (nor lived longer than STAFF_SESSION_HOURS). A copied cookie therefore stops
working the moment its row is deleted, and the secret key alone forges nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, session
from flask_login import login_user, logout_user
from sqlalchemy import delete, select

from ..extensions import db
from ..models import StaffSession, StaffUser
from ..timeutil import utcnow

TOKEN = "staff_session"  # noqa: S105 (the session key under which the token is kept)
TOUCH_EVERY = timedelta(seconds=60)  # last_seen_at is written at most this often


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: StaffUser) -> None:
    """Sign `user` in: a new session row and a cookie that names it (the caller has checked
    both factors). Commits."""
    token = secrets.token_urlsafe(32)
    db.session.add(StaffSession(user_id=user.id, token_hash=_hash(token)))
    db.session.commit()
    # (A signed cookie holds no server-side id to fix in advance; what identifies the session
    # is the new token, so the language and messages of the sign-in pages may stay.)
    login_user(user)
    session[TOKEN] = token


def _limits() -> tuple[timedelta, timedelta]:
    config = current_app.config
    return (
        timedelta(minutes=config["STAFF_IDLE_MINUTES"]),
        timedelta(hours=config["STAFF_SESSION_HOURS"]),
    )


def session_user(user_id: str) -> StaffUser | None:
    """The account this request's cookie signs in, if its session row is alive (the user
    loader). An idle or too old row is deleted."""
    token = session.get(TOKEN)
    if not token or not user_id.isdigit():
        return None
    row = db.session.scalar(select(StaffSession).where(StaffSession.token_hash == _hash(token)))
    if row is None or row.user_id != int(user_id):
        return None
    idle, longest = _limits()
    now = utcnow()
    if now - row.last_seen_at > idle or now - row.created_at > longest:
        db.session.delete(row)
        db.session.commit()
        return None
    user = db.session.get(StaffUser, row.user_id)
    if user is None or not user.active:
        return None
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
        db.session.commit()
    return user


def end_session() -> None:
    """Log out: this session's row goes, so a copy of the cookie opens nothing either."""
    token = session.get(TOKEN)
    if token:
        db.session.execute(delete(StaffSession).where(StaffSession.token_hash == _hash(token)))
        db.session.commit()
    logout_user()
    session.clear()


def end_all_sessions(user: StaffUser) -> None:
    """Every session of `user`, on every device, ends (not committed: part of the caller's
    change, which commits)."""
    db.session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
