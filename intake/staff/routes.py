"""The queue, a report's page, and what staff do to a report (status, assignment, labels,
notes, questions to the reporter, reveal)."""

from __future__ import annotations

from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import defer

from ..auth.permissions import (
    ADD_NOTES,
    ASSIGN,
    CHANGE_STATUS,
    MANAGE_RULES,
    MESSAGE_REPORTER,
    REVEAL_ORIGINAL,
    VIEW_REPORTS,
    requires,
)
from ..extensions import db
from ..models import Agency, AuditEvent, Report, ReportMessage, ReportNote, StaffUser, StatusChange
from ..models.audit import audit
from ..untrusted import whole_number
from ..vocabulary import AFFECTED_ROLES, CATEGORIES, CONTACT_METHODS, URGENT_SIGNALS
from . import bp
from .queue import (
    PRIORITIES,
    TEXT_COUNT_CAP,
    QueueFilters,
    deadline_badge,
    queue_counts,
    queue_page,
    text_total,
)
from .related import related_reports
from .rules import rules_state
from .workflow import (
    STATUSES,
    TRANSITIONS,
    Conflict,
    NotAllowed,
    change_status,
    claim_version,
    mark_first_response,
)

PAGE_SIZE = 50
MAX_TEXT = 5000
MAX_LABELS = 10


def visible_report(report_id: int) -> Report:
    """The report if this account may see it; 404 otherwise (not 403: nothing leaks)."""
    report = db.session.get(Report, report_id)
    if report is None or not current_user.sees_queue(report.queue):
        abort(404)
    return report


def _seen_version() -> int:
    version = whole_number(request.form.get("version"))
    if version is None:
        abort(400)
    return version


def _text(name: str) -> str:
    return (request.form.get(name) or "").strip()[:MAX_TEXT]


@bp.get("/")
@requires(VIEW_REPORTS)
def queue() -> str:
    """Processed reports by priority then deadline, filtered; and those still in the pipeline."""
    filters = QueueFilters.from_args(request.args)
    counts = queue_counts(filters, current_user)
    # The total comes from the per-queue counts: one scan of the filtered reports, not two.
    total = sum(n for q, n in counts if not filters.queue or q == filters.queue)
    # A free-text search counts no further than TEXT_COUNT_CAP (intake/staff/queue.py).
    capped = bool(filters.text) and sum(n for _, n in counts) > TEXT_COUNT_CAP
    if capped and filters.queue:
        total = text_total(filters, current_user)
    capped_total = bool(filters.text) and total > TEXT_COUNT_CAP
    reports = queue_page(filters, current_user, PAGE_SIZE)
    pending = db.session.scalars(
        select(Report)
        .where(Report.pipeline_state != "processed")
        .order_by(Report.created_at)
        .limit(PAGE_SIZE)
    ).all()
    agencies = db.session.execute(
        select(Agency.id, Agency.name, Agency.state).order_by(Agency.state, Agency.name)
    ).all()
    rules = rules_state() if current_user.can(MANAGE_RULES) else None
    return render_template(
        "staff/queue.html",
        rules_error=rules.error if rules else None,
        rules_in_force=rules.rules if rules else None,
        reports=reports,
        total=total,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        more_pages=capped_total and len(reports) == PAGE_SIZE,
        capped=capped,
        capped_total=capped_total,
        count_cap=TEXT_COUNT_CAP,
        filters=filters,
        counts=counts,
        pending=[r for r in pending if current_user.sees_queue(r.queue)],
        categories=CATEGORIES,
        statuses=STATUSES,
        priorities=PRIORITIES,
        agencies=agencies,
        badge=deadline_badge,
    )


def render_report(report: Report, status: int = 200, **extra: object) -> Response:
    notes = db.session.scalars(
        select(ReportNote).where(ReportNote.report_id == report.id).order_by(ReportNote.id)
    ).all()
    messages = db.session.scalars(
        select(ReportMessage)
        .where(ReportMessage.report_id == report.id)
        .order_by(ReportMessage.id)
        # Reporters' originals are not shown here, so not read or decrypted either; a staff
        # message's own text loads when the template asks for it.
        .options(defer(ReportMessage.body))
    ).all()
    history = db.session.scalars(
        select(StatusChange).where(StatusChange.report_id == report.id).order_by(StatusChange.id)
    ).all()
    reveals = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.report_id == report.id, AuditEvent.action == "report.reveal")
        .order_by(AuditEvent.id)
    ).all()
    staff = (
        db.session.scalars(
            select(StaffUser).where(StaffUser.active.is_(True)).order_by(StaffUser.email)
        ).all()
        if current_user.can(ASSIGN)
        else []
    )
    page = render_template(
        "staff/report.html",
        report=report,
        notes=notes,
        messages=messages,
        history=history,
        reveals=reveals,
        staff=staff,
        related=related_reports(report, current_user)
        if report.pipeline_state == "processed"
        else [],
        next_statuses=TRANSITIONS.get(report.status, ()),
        statuses=STATUSES,
        badge=deadline_badge(report),
        categories=CATEGORIES,
        urgent_signals=URGENT_SIGNALS,
        roles=AFFECTED_ROLES,
        **extra,
    )
    return make_response(page, status)


@bp.get("/reports/<int:report_id>")
@requires(VIEW_REPORTS)
def report(report_id: int) -> Response:
    return render_report(visible_report(report_id))


def _conflict(report_id: int) -> Response:
    db.session.rollback()
    report = visible_report(report_id)
    message = _l(
        "Someone else changed this report after you opened it, so your change was not saved. "
        "Their change is shown below; make yours again if it still applies."
    )
    return render_report(report, 409, conflict=message)


@bp.post("/reports/<int:report_id>/status")
@requires(CHANGE_STATUS)
def set_status(report_id: int) -> Response:
    report = visible_report(report_id)
    try:
        change_status(report, request.form.get("status", ""), current_user, _seen_version())
    except Conflict:
        return _conflict(report_id)
    except NotAllowed:
        abort(400)
    db.session.commit()
    flash(_l("Status changed to %(status)s.", status=STATUSES[report.status]))
    return redirect(url_for("staff.report", report_id=report.id))


@bp.post("/reports/<int:report_id>/assign")
@requires(ASSIGN)
def assign(report_id: int) -> Response:
    report = visible_report(report_id)
    value = request.form.get("assignee", "")
    assignee = None
    if value:
        number = whole_number(value)
        assignee = db.session.get(StaffUser, number) if number is not None else None
        if assignee is None or not assignee.active:
            abort(400)
    try:
        claim_version(report, _seen_version())
    except Conflict:
        return _conflict(report_id)
    audit(
        "report.assign",
        actor=current_user,
        report_id=report.id,
        target_user_id=assignee.id if assignee else None,
        frm=report.assigned_to_id,
    )
    report.assigned_to_id = assignee.id if assignee else None
    db.session.commit()
    flash(_l("Assignment saved."))
    return redirect(url_for("staff.report", report_id=report.id))


@bp.post("/reports/<int:report_id>/labels")
@requires(CHANGE_STATUS)
def set_labels(report_id: int) -> Response:
    report = visible_report(report_id)
    labels = []
    for raw in _text("labels").split(","):
        label = " ".join(raw.split())[:40]
        if label and label not in labels:
            labels.append(label)
    try:
        claim_version(report, _seen_version())
    except Conflict:
        return _conflict(report_id)
    report.labels = labels[:MAX_LABELS]
    db.session.commit()
    flash(_l("Labels saved."))
    return redirect(url_for("staff.report", report_id=report.id))


@bp.post("/reports/<int:report_id>/notes")
@requires(ADD_NOTES)
def add_note(report_id: int) -> Response:
    # Notes are only ever added, so two people writing at once cannot overwrite each other.
    report = visible_report(report_id)
    body = _text("body")
    if not body:
        flash(_l("The note is empty."), "error")
    else:
        db.session.add(ReportNote(report_id=report.id, author_id=current_user.id, body=body))
        db.session.commit()
    return redirect(url_for("staff.report", report_id=report.id) + "#notes")


@bp.post("/reports/<int:report_id>/messages")
@requires(MESSAGE_REPORTER)
def send_message(report_id: int) -> Response:
    """A question for the reporter, shown on their follow-up page (they have only the
    receipt: no email or text message is sent)."""
    report = visible_report(report_id)
    body = _text("body")
    if not body:
        flash(_l("The message is empty."), "error")
    else:
        db.session.add(
            ReportMessage(report_id=report.id, sender="staff", author_id=current_user.id, body=body)
        )
        mark_first_response(report)
        audit("message.sent", actor=current_user, report_id=report.id)
        db.session.commit()
        flash(_l("Message saved. The reporter sees it when they open their receipt."))
    return redirect(url_for("staff.report", report_id=report.id) + "#follow-up")


@bp.post("/reports/<int:report_id>/reveal")
@requires(REVEAL_ORIGINAL)
def reveal(report_id: int) -> Response:
    """The original narrative, contact details and the reporter's replies, once, for a stated
    reason (audit-logged).

    Shown in this response only: never cached, never stored anywhere else.
    """
    report = visible_report(report_id)
    reason = _text("reason")
    if len(reason) < 10:
        return render_report(
            report, 400, reveal_error=_l("Say why you need the original (at least 10 characters).")
        )
    audit("report.reveal", actor=current_user, report_id=report.id, reason=reason)
    db.session.commit()
    replies = db.session.scalars(
        select(ReportMessage)
        .where(ReportMessage.report_id == report.id, ReportMessage.sender == "reporter")
        .order_by(ReportMessage.id)
    ).all()
    response = make_response(
        render_template(
            "staff/reveal.html",
            report=report,
            reason=reason,
            replies=replies,
            contact_methods=CONTACT_METHODS,
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response
