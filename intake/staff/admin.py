"""Administration: staff accounts and roles, the audit log (the routing rules: rules.py)."""

from __future__ import annotations

import secrets

from email_validator import EmailNotValidError, validate_email
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from ..auth.permissions import MANAGE_USERS, ROLE_PERMISSIONS, VIEW_AUDIT, requires
from ..auth.sessions import end_all_sessions
from ..extensions import db
from ..models import AuditEvent, StaffUser
from ..models.audit import audit
from ..models.staff import ROLES
from ..untrusted import whole_number
from . import bp

AUDIT_PAGE = 100


def _queues(value: str) -> list[str]:
    return sorted({q.strip()[:40] for q in value.split(",") if q.strip()})


@bp.get("/users")
@requires(MANAGE_USERS)
def users() -> str:
    accounts = db.session.scalars(select(StaffUser).order_by(StaffUser.email)).all()
    return render_template(
        "staff/users.html", accounts=accounts, roles=ROLES, permissions=ROLE_PERMISSIONS
    )


@bp.post("/users")
@requires(MANAGE_USERS)
def create_user() -> Response | str:
    role = request.form.get("role", "")
    try:
        email = validate_email(
            request.form.get("email", ""), check_deliverability=False
        ).normalized.lower()
    except EmailNotValidError:
        flash(_l("That email address is not valid."), "error")
        return redirect(url_for("staff.users"))
    if role not in ROLES:
        abort(400)
    if db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email)):
        flash(_l("An account for this email exists already."), "error")
        return redirect(url_for("staff.users"))
    password = secrets.token_urlsafe(12)
    user = StaffUser(email=email, role=role, queues=_queues(request.form.get("queues", "")))
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit("user.created", actor=current_user, target_user_id=user.id, role=role)
    db.session.commit()
    response = render_template("staff/user_created.html", user=user, password=password)
    return response


@bp.post("/users/<int:user_id>")
@requires(MANAGE_USERS)
def update_user(user_id: int) -> Response:
    user = db.session.get(StaffUser, user_id)
    if user is None:
        abort(404)
    action = request.form.get("action", "")
    if action == "role":
        role = request.form.get("role", "")
        if role not in ROLES:
            abort(400)
        if user.id == current_user.id and role != "admin":
            flash(_l("You cannot remove your own administrator role."), "error")
            return redirect(url_for("staff.users"))
        audit("user.role", actor=current_user, target_user_id=user.id, frm=user.role, to=role)
        user.role = role
    elif action == "queues":
        queues = _queues(request.form.get("queues", ""))
        audit("user.queues", actor=current_user, target_user_id=user.id, frm=user.queues, to=queues)
        user.queues = queues
    elif action in ("deactivate", "activate"):
        if user.id == current_user.id:
            abort(400)
        user.active = action == "activate"
        end_all_sessions(user)
        audit(f"user.{action}", actor=current_user, target_user_id=user.id)
    elif action == "unlock":
        user.failed_logins = 0
        user.locked_until = None
        audit("user.unlock", actor=current_user, target_user_id=user.id)
    elif action == "reset_two_factor":
        # The account sets up a new authenticator at its next login.
        user.totp_secret = None
        user.totp_enabled_at = None
        user.totp_last_step = None
        user.recovery_hashes = []
        end_all_sessions(user)
        audit("user.reset_two_factor", actor=current_user, target_user_id=user.id)
    else:
        abort(400)
    db.session.commit()
    flash(_l("Saved."))
    return redirect(url_for("staff.users"))


@bp.get("/audit")
@requires(VIEW_AUDIT)
def audit_log() -> str:
    query = select(AuditEvent)
    action = (request.args.get("action") or "").strip()[:40]
    if action:
        query = query.where(AuditEvent.action.startswith(action))
    report_id = request.args.get("report", "")
    if whole_number(report_id) is not None:
        query = query.where(AuditEvent.report_id == int(report_id))
    page_number = min(whole_number(request.args.get("page")) or 1, 10_000)
    events = db.session.scalars(
        query.order_by(AuditEvent.id.desc())
        .limit(AUDIT_PAGE)
        .offset((page_number - 1) * AUDIT_PAGE)
    ).all()
    return render_template(
        "staff/audit.html",
        events=events,
        action=action,
        report=report_id if whole_number(report_id) is not None else "",
        page=page_number,
        more=len(events) == AUDIT_PAGE,
    )
