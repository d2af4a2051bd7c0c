from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import login_required, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from ..extensions import db, login_manager
from ..models import StaffUser
from . import bp

# Verified when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY = StaffUser(password_hash="")
_DUMMY.set_password("not-a-real-account")


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    return db.session.get(StaffUser, int(user_id)) if user_id.isdigit() else None


def find_user(email: str) -> StaffUser | None:
    return db.session.scalar(
        select(StaffUser).where(func.lower(StaffUser.email) == email.strip().lower())
    )


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.email.data)
        if user is None:
            _DUMMY.check_password(form.password.data)
        elif user.active and user.check_password(form.password.data):
            db.session.commit()  # check_password may have upgraded the hash
            login_user(user)
            target = request.args.get("next", "")
            # Only local paths: an open redirect would hand staff to a look-alike site.
            if not target.startswith("/") or target.startswith("//"):
                target = url_for("staff.queue")
            return redirect(target)
        flash(_l("Wrong email or password."), "error")
    return render_template("staff/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    logout_user()
    return redirect(url_for("auth.login"))
