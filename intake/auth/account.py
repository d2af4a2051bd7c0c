"""Changing a password (the signed-in member of staff), and an administrator's reset, which
forces a new password and a new two-factor setup at the next sign-in. Each ends every session
of the account (sessions.py); a change keeps the browser that made it signed in."""

from __future__ import annotations

import secrets

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from ..extensions import db
from ..models import StaffUser
from ..models.audit import audit
from ..ratelimit import public_rate_limit
from . import bp
from .permissions import MANAGE_USERS, open_to_anyone, requires, requires_login
from .routes import pending_user
from .sessions import end_all_sessions, start_session

PASSWORD_MIN = 12


class NewPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("The new password again"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two do not match."))],
        render_kw={"autocomplete": "new-password"},
    )


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )


def set_new_password(user: StaffUser, password: str) -> None:
    """A new password; every session of the account ends (the caller commits)."""
    user.set_password(password)
    user.must_change_password = False
    end_all_sessions(user)


def reset_account(user: StaffUser) -> str:
    """An administrator's reset: a temporary password (returned, shown once), to be replaced at
    the next sign-in, then a new two-factor setup; every session ends (the caller commits)."""
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.must_change_password = True
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    user.recovery_hashes = []
    end_all_sessions(user)
    return password


@bp.route("/account/password", methods=["GET", "POST"])
@requires_login
def change_password() -> Response | str:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if not user.check_password(form.current.data):
            form.current.errors.append(_l("That is not your current password."))
            audit("password.change_refused", actor=user)
            db.session.commit()
        else:
            set_new_password(user, form.password.data)
            audit("password.changed", actor=user)
            start_session(user)  # commits: this browser stays signed in, every other one not
            flash(_l("Your password is changed. Every other session of your account has ended."))
            return redirect(url_for("staff.queue"))
    return render_template("staff/change_password.html", form=form)


@bp.route("/login/new-password", methods=["GET", "POST"])
@open_to_anyone
@public_rate_limit("RATELIMIT_LOGIN")
def new_password() -> Response | str:
    """After an administrator's reset: the temporary password was right; choose your own."""
    user = pending_user()
    if user is None or not user.must_change_password:
        return redirect(url_for("auth.login"))
    form = NewPasswordForm()
    if form.validate_on_submit():
        if user.check_password(form.password.data):
            form.password.errors.append(_l("Choose a password other than the temporary one."))
        else:
            set_new_password(user, form.password.data)
            audit("password.changed", actor=user, after="reset")
            db.session.commit()
            return redirect(url_for("auth.setup_two_factor"))
    return render_template("staff/new_password.html", form=form)


@bp.post("/users/<int:user_id>/reset")
@requires(MANAGE_USERS)
def reset_user(user_id: int) -> str:
    user = db.session.get(StaffUser, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        abort(400)  # your own: change your password instead
    password = reset_account(user)
    audit("user.reset", actor=current_user, target_user_id=user.id)
    db.session.commit()
    return render_template("staff/user_reset.html", user=user, password=password)
