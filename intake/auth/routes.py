"""Staff login in two steps: password, then a TOTP code (set up at first login).

Only after both steps is the account signed in with Flask-Login, so `current_user` is never a
half-authenticated account. Failed attempts slow down and then lock the account; sessions end
after inactivity. Every login, failure and lock is audit-logged, never with an address.
"""

from __future__ import annotations

import time
from datetime import timedelta

from flask import (
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..extensions import db, login_manager
from ..models import StaffUser
from ..models.audit import audit
from ..ratelimit import public_rate_limit
from ..timeutil import utcnow
from . import bp
from .permissions import ENTER_REPORTS, VIEW_REPORTS, open_to_anyone, requires_login
from .twofactor import new_secret, provisioning_uri, qr_svg, verify_totp

# Verified when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY = StaffUser(password_hash="")
_DUMMY.set_password("not-a-real-account")

PENDING = "auth_pending"  # session key: password accepted, second factor not yet
PENDING_SECONDS = 300
SLOWDOWN_AFTER = 3  # failures before each further attempt must wait (1 s, 2 s, 4 s ... 60 s)
LOCK_AFTER = 10  # failures before the account locks
LOCK_MINUTES = 30
WRONG = _l("Wrong email or password.")


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=20)],
        description=_l("The 6 digits your authenticator app shows, or one of your recovery codes."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    return db.session.get(StaffUser, int(user_id)) if user_id.isdigit() else None


def find_user(email: str) -> StaffUser | None:
    return db.session.scalar(
        select(StaffUser).where(func.lower(StaffUser.email) == email.strip().lower())
    )


def home_for(user: StaffUser) -> str:
    """Where an account lands after login: the queue, or a volunteer's own entries."""
    if user.can(VIEW_REPORTS) or not user.can(ENTER_REPORTS):
        return url_for("staff.queue")
    return url_for("volunteer.mine")


def _safe_next(target: str | None) -> str | None:
    # Only local paths: an open redirect would hand staff to a look-alike site.
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def record_failure(user: StaffUser) -> None:
    """One more failed attempt: wait longer before the next one, lock after LOCK_AFTER."""
    now = utcnow()
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins >= LOCK_AFTER:
        user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        audit("login.locked", actor=user, failures=user.failed_logins)
    elif user.failed_logins >= SLOWDOWN_AFTER:
        wait = min(2 ** (user.failed_logins - SLOWDOWN_AFTER), 60)
        user.locked_until = now + timedelta(seconds=wait)


def is_locked(user: StaffUser) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


@bp.before_app_request
def expire_idle_sessions() -> Response | None:
    """End a staff session after STAFF_IDLE_MINUTES without a request (and after 12 hours)."""
    if not current_user.is_authenticated:
        return None
    now = int(time.time())
    idle = int(current_app.config.get("STAFF_IDLE_MINUTES", 30)) * 60
    longest = int(current_app.config.get("STAFF_SESSION_HOURS", 12)) * 3600
    seen, since = session.get("seen", 0), session.get("since", 0)
    if now - seen > idle or now - since > longest:
        logout_user()
        session.clear()
        if request.path.startswith("/staff"):
            flash(_l("Your session ended after a period of inactivity. Please log in again."))
            return redirect(url_for("auth.login", next=request.path))
        return None
    session["seen"] = now
    return None


@bp.route("/login", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
def login() -> Response | str:
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.email.data)
        if user is None:
            _DUMMY.check_password(form.password.data)
            audit("login.failure", actor_email=form.email.data.strip().lower()[:254])
        elif not user.active or is_locked(user):
            _DUMMY.check_password(form.password.data)  # same cost as a real check
            audit("login.refused", actor=user, locked=is_locked(user), active=user.active)
        elif user.check_password(form.password.data):
            session.pop(PENDING, None)
            session[PENDING] = {
                "user": user.id,
                "at": int(time.time()),
                "next": _safe_next(request.args.get("next")),
            }
            db.session.commit()  # check_password may have upgraded the hash
            if user.two_factor_ready:
                return redirect(url_for("auth.two_factor"))
            return redirect(url_for("auth.setup_two_factor"))
        else:
            record_failure(user)
            audit("login.failure", actor=user, step="password")
        db.session.commit()
        flash(WRONG, "error")
    return render_template("staff/login.html", form=form)


def _pending_user() -> StaffUser | None:
    pending = session.get(PENDING)
    if not pending or int(time.time()) - pending.get("at", 0) > PENDING_SECONDS:
        session.pop(PENDING, None)
        return None
    user = db.session.get(StaffUser, pending["user"])
    if user is None or not user.active or is_locked(user):
        return None
    return user


def _finish_login(user: StaffUser, method: str) -> str:
    target = session.pop(PENDING, {}).get("next") or home_for(user)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    audit("login.success", actor=user, method=method)
    db.session.commit()
    login_user(user)
    now = int(time.time())
    session["seen"] = session["since"] = now
    return target


@bp.route("/login/two-factor", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
def two_factor() -> Response | str:
    user = _pending_user()
    if user is None or not user.two_factor_ready:
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        code = form.code.data.strip()
        if verify_totp(user, code):
            return redirect(_finish_login(user, "totp"))
        if any(ch.isalpha() for ch in code) and user.use_recovery_code(code):
            flash(_l("You used a recovery code. %(n)s are left.", n=len(user.recovery_hashes)))
            return redirect(_finish_login(user, "recovery_code"))
        record_failure(user)
        audit("login.failure", actor=user, step="second_factor")
        db.session.commit()
        flash(_l("That code is not valid (each code works only once)."), "error")
    return render_template("staff/two_factor.html", form=form)


@bp.route("/login/setup", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
def setup_two_factor() -> Response | str:
    """First login: scan the QR code (drawn here, not by a service), confirm with a code."""
    user = _pending_user()
    if user is None or user.two_factor_ready:
        return redirect(url_for("auth.login"))
    if not user.totp_secret:
        user.totp_secret = new_secret()
        db.session.commit()
    form = CodeForm()
    if form.validate_on_submit():
        if verify_totp(user, form.code.data):
            user.totp_enabled_at = utcnow()
            codes = user.new_recovery_codes()
            audit("totp.enabled", actor=user)
            target = _finish_login(user, "totp_setup")
            return render_template("staff/recovery_codes.html", codes=codes, next=target)
        db.session.commit()
        flash(_l("That code is not valid. Check the time on your phone and try again."), "error")
    uri = provisioning_uri(user)
    return render_template(
        "staff/setup_two_factor.html", form=form, qr=qr_svg(uri), secret=user.totp_secret
    )


@bp.post("/logout")
@requires_login
def logout() -> Response:
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))
