"""Administration: staff accounts and roles, the audit log (the routing rules: rules.py)."""

from __future__ import annotations

import secrets

from email_validator import EmailNotValidError
from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from workers.states import Role

from ..auth.permissions import MANAGE_USERS, ROLE_PERMISSIONS, VIEW_AUDIT, requires, requires_login
from ..auth.sessions import end_all_sessions
from ..extensions import db
from ..labels import ROLE_LABELS
from ..models import AuditEvent, RedactionCorrection, StaffUser
from ..models.audit import audit
from ..untrusted import whole_number
from . import bp
from .accounts import ROLE_DESCRIPTIONS, UnknownQueues, chosen_queues, staff_email
from .audit_text import describe
from .choices import known_queues, language_name
from .redaction import LABELS as REDACTION_LABELS

AUDIT_PAGE = 100
DEFAULT_ROLE = Role.REVIEWER
# The audit filter's choices: a prefix of the action names.
AUDIT_KINDS = [
    ("report.reveal", _l("Reveals of originals")),
    ("report.", _l("Changes to reports")),
    ("redaction.", _l("Redaction corrections")),
    ("contact.", _l("Contacts logged")),
    ("report.export", _l("Exports")),
    ("login.", _l("Logins")),
    ("user.", _l("Account changes")),
    ("digest.", _l("Digest settings")),
    ("retention.", _l("Retention")),
]


@bp.get("/users")
@requires(MANAGE_USERS)
def users() -> str:
    accounts = db.session.scalars(select(StaffUser).order_by(StaffUser.email)).all()
    return render_template(
        "staff/users.html",
        accounts=accounts,
        roles=Role.values(),
        default_role=DEFAULT_ROLE,
        descriptions=ROLE_DESCRIPTIONS,
        role_names=ROLE_LABELS,
        permissions=ROLE_PERMISSIONS,
        queues=known_queues(),
        languages=[(c, language_name(c)) for c in current_app.config["LANGUAGES"]],
    )


def _refuse(message: object) -> Response:
    flash(message, "error")
    return redirect(url_for("staff.users"))


@bp.post("/users")
@requires(MANAGE_USERS)
def create_user() -> Response | str:
    role = request.form.get("role") or DEFAULT_ROLE
    try:
        email = staff_email(request.form.get("email", ""))
    except EmailNotValidError:
        return _refuse(_l("That email address is not valid."))
    if role not in Role.values():
        abort(400)
    try:
        queues = chosen_queues(request.form.getlist("queues"), known_queues())
    except UnknownQueues as unknown:
        return _refuse(_l("There is no queue called %(names)s.", names=", ".join(unknown.names)))
    if db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email)):
        return _refuse(_l("An account for this email exists already."))
    language = request.form.get("language", "en")
    if language not in current_app.config["LANGUAGES"]:
        language = "en"
    password = secrets.token_urlsafe(12)
    user = StaffUser(email=email, role=role, queues=queues, language=language)
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
        if role not in Role.values():
            abort(400)
        if user.id == current_user.id and role != Role.ADMIN:
            flash(_l("You cannot remove your own administrator role."), "error")
            return redirect(url_for("staff.users"))
        audit("user.role", actor=current_user, target_user_id=user.id, frm=user.role, to=role)
        user.role = role
    elif action == "queues":
        try:
            queues = chosen_queues(request.form.getlist("queues"), known_queues())
        except UnknownQueues as unknown:
            return _refuse(
                _l("There is no queue called %(names)s.", names=", ".join(unknown.names))
            )
        audit("user.queues", actor=current_user, target_user_id=user.id, frm=user.queues, to=queues)
        user.queues = queues
    elif action == "language":
        language = request.form.get("language", "")
        if language not in current_app.config["LANGUAGES"]:
            abort(400)
        audit("user.language", actor=current_user, target_user_id=user.id, to=language)
        user.language = language
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


@bp.post("/settings/language")
@requires_login
def set_own_language() -> Response:
    """The signed-in member's own language for the staff pages."""
    language = request.form.get("language", "")
    if language not in current_app.config["LANGUAGES"]:
        abort(400)
    audit("user.language", actor=current_user, target_user_id=current_user.id, to=language)
    current_user.language = language
    db.session.commit()
    return redirect(url_for("digest.digest_settings"))


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
    targets = {e.target_user_id for e in events if e.target_user_id}
    emails = dict(
        db.session.execute(select(StaffUser.id, StaffUser.email).where(StaffUser.id.in_(targets)))
        .tuples()
        .all()
    )
    return render_template(
        "staff/audit.html",
        kinds=AUDIT_KINDS,
        events=[(e, describe(e, emails)) for e in events],
        action=action,
        report=report_id if whole_number(report_id) is not None else "",
        page=page_number,
        more=len(events) == AUDIT_PAGE,
    )


@bp.get("/redaction")
@requires(VIEW_AUDIT)
def redaction_corrections() -> str:
    """How often staff corrected the anonymizer, per label: its real misses on real reports."""
    rows = db.session.execute(
        select(
            RedactionCorrection.label,
            RedactionCorrection.kind,
            func.count(),
            func.coalesce(func.sum(RedactionCorrection.occurrences), 0),
            func.count(func.distinct(RedactionCorrection.report_id)),
        )
        .group_by(RedactionCorrection.label, RedactionCorrection.kind)
        .order_by(func.count().desc())
    ).all()
    return render_template("staff/redaction.html", rows=rows, labels=REDACTION_LABELS)
