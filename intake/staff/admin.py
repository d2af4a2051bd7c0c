"""Administration: staff accounts and roles, the audit log (the routing rules: rules.py)."""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from workers.states import Role

from ..auth.permissions import MANAGE_USERS, ROLE_PERMISSIONS, VIEW_AUDIT, requires, requires_login
from ..extensions import db
from ..labels import ROLE_LABELS
from ..models import AuditEvent, RedactionCorrection, StaffUser
from ..untrusted import whole_number
from . import bp, operations
from .accounts import ROLE_DESCRIPTIONS
from .audit_text import describe
from .choices import known_queues, language_name
from .forms import LanguageForm, NewAccountForm, QueuesForm, RoleForm
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


def _saved() -> Response:
    db.session.commit()
    flash(_l("Saved."))
    return redirect(url_for("staff.users"))


def _account(user_id: int) -> StaffUser:
    user = db.session.get(StaffUser, user_id)
    if user is None:
        abort(404)
    return user


@bp.post("/users")
@requires(MANAGE_USERS)
def create_user() -> Response | str:
    form = NewAccountForm(known=known_queues())
    if not form.validate():
        return _refuse(form.first_error())
    email = form.email.data
    if db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email)):
        return _refuse(_l("An account for this email exists already."))
    user, password = operations.create_account(
        current_user, email, form.role.data or DEFAULT_ROLE, form.queues.data, form.language.data
    )
    db.session.commit()
    return render_template("staff/user_created.html", user=user, password=password)


@bp.post("/users/<int:user_id>/role")
@requires(MANAGE_USERS)
def set_role(user_id: int) -> Response:
    user, form = _account(user_id), RoleForm()
    if not form.validate():
        abort(400)
    try:
        operations.set_role(current_user, user, form.role.data)
    except operations.OwnAdminRole:
        return _refuse(_l("You cannot remove your own administrator role."))
    return _saved()


@bp.post("/users/<int:user_id>/queues")
@requires(MANAGE_USERS)
def set_queues(user_id: int) -> Response:
    user, form = _account(user_id), QueuesForm(known=known_queues())
    if not form.validate():
        return _refuse(form.first_error())
    operations.set_queues(current_user, user, form.queues.data)
    return _saved()


@bp.post("/users/<int:user_id>/language")
@requires(MANAGE_USERS)
def set_language(user_id: int) -> Response:
    user, form = _account(user_id), LanguageForm()
    if not form.validate():
        abort(400)
    operations.set_language(current_user, user, form.language.data)
    return _saved()


@bp.post("/users/<int:user_id>/deactivate")
@requires(MANAGE_USERS)
def deactivate_user(user_id: int) -> Response:
    try:
        operations.deactivate(current_user, _account(user_id))
    except operations.OwnAccount:
        abort(400)
    return _saved()


@bp.post("/users/<int:user_id>/activate")
@requires(MANAGE_USERS)
def activate_user(user_id: int) -> Response:
    try:
        operations.activate(current_user, _account(user_id))
    except operations.OwnAccount:
        abort(400)
    return _saved()


@bp.post("/users/<int:user_id>/two-factor/reset")
@requires(MANAGE_USERS)
def reset_two_factor(user_id: int) -> Response:
    operations.reset_two_factor(current_user, _account(user_id))
    return _saved()


@bp.post("/settings/language")
@requires_login
def set_own_language() -> Response:
    """The signed-in member's own language for the staff pages."""
    form = LanguageForm()
    if not form.validate():
        abort(400)
    operations.set_language(current_user, current_user, form.language.data)
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
