"""Staff login in two steps: password, then a TOTP code (set up at first login).

Only after both steps is the account signed in (a session row, sessions.py), so `current_user`
is never a half-authenticated account. Failed attempts slow the client down (throttle.py), never
the owner elsewhere; sessions end after inactivity, at logout and when the account changes.
Every login and failure is audit-logged, never with an address.
"""

from __future__ import annotations

import re
import time

from flask import (
    Response,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
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
from .sessions import TOKEN, end_session, session_user, start_session
from .throttle import PENDING_EMAIL, failed, remember_device, sign_in_failure_limits
from .twofactor import new_secret, provisioning_uri, qr_svg, verify_totp

# Verified when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY = StaffUser(password_hash="")
_DUMMY.set_password("not-a-real-account")

PENDING = "auth_pending"  # session key: password accepted, second factor not yet
PENDING_SECONDS = 300
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
    return session_user(user_id)


def find_user(email: str) -> StaffUser | None:
    return db.session.scalar(
        select(StaffUser).where(func.lower(StaffUser.email) == email.strip().lower())
    )


def home_for(user: StaffUser) -> str:
    """Where an account lands after login: the queue, or a volunteer's own entries."""
    if user.can(VIEW_REPORTS) or not user.can(ENTER_REPORTS):
        return url_for("staff.queue")
    return url_for("volunteer.mine")


# A path of our own staff area and nothing else: no scheme, host, backslash, control or
# space character (browsers drop tabs and newlines, so "/\t/evil" is "//evil"), no "//".
_PATH_CHARS = "A-Za-z0-9._~!$&'()*+,;=:@%-"
_STAFF_PATH = re.compile(rf"/staff(/[{_PATH_CHARS}]*)*(\?[{_PATH_CHARS}/?]*)?")


def safe_next(target: str | None) -> str | None:
    """Where to go after sign-in: `target` if it is a path of the staff area, else None (the
    account's home); an open redirect would hand staff to a look-alike site."""
    if target and _STAFF_PATH.fullmatch(target) and "//" not in target:
        return target
    return None


@bp.before_app_request
def expire_idle_sessions() -> Response | None:
    """A cookie whose session ended (idle for STAFF_IDLE_MINUTES, older than 12 hours, logged
    out, or ended by an account change) is cleared, and the staff pages say so."""
    if TOKEN not in session or current_user.is_authenticated:
        return None
    session.clear()
    if request.path.startswith("/staff"):
        flash(_l("Your session has ended. Please log in again."))
        return redirect(url_for("auth.login", next=request.path))
    return None


def _after_password(user: StaffUser) -> str:
    """The next step for an account whose password was right."""
    if user.must_change_password:
        return url_for("auth.new_password")
    if user.two_factor_ready:
        return url_for("auth.two_factor")
    return url_for("auth.setup_two_factor")


@bp.route("/login", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
@sign_in_failure_limits
def login() -> Response | str:
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.email.data)
        if user is None:
            _DUMMY.check_password(form.password.data)
            audit("login.failure", actor_email=form.email.data.strip().lower()[:254])
            failed()
        elif not user.active:
            _DUMMY.check_password(form.password.data)  # same cost as a real check
            audit("login.refused", actor=user, active=user.active)
            failed()
        elif user.check_password(form.password.data):
            session.pop(PENDING, None)
            session[PENDING] = {
                "user": user.id,
                "at": int(time.time()),
                "next": safe_next(request.args.get("next")),
            }
            session[PENDING_EMAIL] = user.email.lower()
            db.session.commit()  # check_password may have upgraded the hash
            return redirect(_after_password(user))
        else:
            user.failed_logins = (user.failed_logins or 0) + 1
            audit("login.failure", actor=user, step="password")
            failed()
        db.session.commit()
        flash(WRONG, "error")
    return render_template("staff/login.html", form=form)


def pending_user() -> StaffUser | None:
    """The account whose password was accepted in this browser in the last few minutes."""
    pending = session.get(PENDING)
    if not pending or int(time.time()) - pending.get("at", 0) > PENDING_SECONDS:
        session.pop(PENDING, None)
        return None
    user = db.session.get(StaffUser, pending["user"])
    if user is None or not user.active:
        return None
    return user


def _finish_login(user: StaffUser, method: str) -> str:
    target = session.pop(PENDING, {}).get("next") or home_for(user)
    session.pop(PENDING_EMAIL, None)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    audit("login.success", actor=user, method=method)
    remember_device(user.email.lower())
    start_session(user)  # commits
    return target


@bp.route("/login/two-factor", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
@sign_in_failure_limits
def two_factor() -> Response | str:
    user = pending_user()
    if user is None or not user.two_factor_ready or user.must_change_password:
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        code = form.code.data.strip()
        if verify_totp(user, code):
            return redirect(_finish_login(user, "totp"))
        if any(ch.isalpha() for ch in code) and user.use_recovery_code(code):
            flash(_l("You used a recovery code. %(n)s are left.", n=len(user.recovery_hashes)))
            return redirect(_finish_login(user, "recovery_code"))
        user.failed_logins = (user.failed_logins or 0) + 1
        failed()
        audit("login.failure", actor=user, step="second_factor")
        db.session.commit()
        flash(_l("That code is not valid (each code works only once)."), "error")
    return render_template("staff/two_factor.html", form=form)


@bp.route("/login/setup", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
@sign_in_failure_limits
def setup_two_factor() -> Response | str:
    """First login: scan the QR code (drawn here, not by a service), confirm with a code."""
    user = pending_user()
    if user is None or user.two_factor_ready or user.must_change_password:
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
        failed()
        db.session.commit()
        flash(_l("That code is not valid. Check the time on your phone and try again."), "error")
    uri = provisioning_uri(user)
    return render_template(
        "staff/setup_two_factor.html", form=form, qr=qr_svg(uri), secret=user.totp_secret
    )


@bp.post("/logout")
@requires_login
def logout() -> Response:
    end_session()
    return redirect(url_for("auth.login"))
