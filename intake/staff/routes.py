"""The queue, a report's page, and what staff do to a report (the actions form, notes,
messages to the reporter, the contact log, referrals, redaction corrections, reveal)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import defer

from workers.states import PipelineState, Sender, Status

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
from ..labels import PRIORITY_LABELS, STATUS_LABELS
from ..models import (
    AuditEvent,
    ContactLogEntry,
    RedactionCorrection,
    Referral,
    Report,
    ReportMessage,
    ReportNote,
    StaffUser,
    StatusChange,
)
from ..models.audit import audit
from ..timeutil import utcnow
from ..vocabulary import AFFECTED_ROLES, CATEGORIES, CONTACT_METHODS, URGENT_SIGNALS
from . import bp, operations
from .actions import save_actions
from .casework import (
    CONTACT_METHODS as CONTACT_WAYS,
)
from .casework import (
    CONTACT_OUTCOMES,
    REFERRAL_DESTINATIONS,
    record_contact,
    record_referral,
)
from .choices import active_staff, configured_queues, display_name, filter_choices
from .clock import deadline_of, local, organisation_zone
from .forms import (
    ContactForm,
    CorrectionForm,
    NoteForm,
    RedactionCheckedForm,
    ReferralForm,
    ReportActionsForm,
    ReporterMessageForm,
    RevealForm,
)
from .queue import (
    TEXT_COUNT_CAP,
    VIEW_COUNT_CAP,
    VIEWS,
    QueueFilters,
    queue_counts,
    queue_page,
    text_total,
    view_counts,
)
from .redaction import LABELS as REDACTION_LABELS
from .redaction import CorrectionRefused, correct_message, correct_narrative, correction_from
from .related import related_reports
from .rules import rules_state
from .workflow import TRANSITIONS, Conflict, NotAllowed

PAGE_SIZE = 50


def visible_report(report_id: int) -> Report:
    """The report if this account may see it; 404 otherwise (not 403: nothing leaks)."""
    report = db.session.get(Report, report_id)
    if report is None or not current_user.sees_queue(report.queue):
        abort(404)
    return report


@dataclass(frozen=True)
class QueueTotal:
    """How many reports the filters match, and whether a free-text search stopped counting."""

    total: int
    capped: bool  # some queue's count stopped at TEXT_COUNT_CAP
    capped_total: bool  # the total shown is the cap, not the count


def _visible_queues(counts: list[tuple[str | None, int]]) -> list[str]:
    """The configured queues and those holding reports, as far as this account sees them."""
    queues = sorted(set(configured_queues()) | {q for q, _ in counts if q})
    if current_user.queues:
        queues = [q for q in queues if q in current_user.queues]
    return queues


def _queue_total(filters: QueueFilters, counts: list[tuple[str | None, int]]) -> QueueTotal:
    # The total comes from the per-queue counts: one scan of the filtered reports, not two.
    total = sum(n for q, n in counts if not filters.queue or q == filters.queue)
    # A free-text search counts no further than TEXT_COUNT_CAP (intake/staff/queue.py).
    capped = bool(filters.text) and sum(n for _, n in counts) > TEXT_COUNT_CAP
    if capped and filters.queue:
        total = text_total(filters, current_user)
    return QueueTotal(total, capped, bool(filters.text) and total > TEXT_COUNT_CAP)


def _pending() -> list[Report]:
    """Reports still in the pipeline, oldest first, that this account may see."""
    pending = db.session.scalars(
        select(Report)
        .where(Report.pipeline_state != PipelineState.PROCESSED)
        .order_by(Report.created_at)
        .limit(PAGE_SIZE)
    ).all()
    return [r for r in pending if current_user.sees_queue(r.queue)]


def _rules_shown() -> dict[str, object]:
    """The routing rules' state, for an account that manages them (else nothing)."""
    rules = rules_state() if current_user.can(MANAGE_RULES) else None
    return {
        "rules_error": rules.error if rules else None,
        "rules_in_force": rules.rules if rules else None,
    }


@bp.get("/")
@requires(VIEW_REPORTS)
def queue() -> str:
    """Processed reports by priority then deadline, filtered; and those still in the pipeline."""
    filters = QueueFilters.from_args(request.args)
    # Counted without the queue filter, so they also say which queues hold reports: with the
    # configured ones, the queues that exist (no DISTINCT over every report).
    counts = queue_counts(filters, current_user)
    queues = _visible_queues(counts)
    filters.check_queue(queues)
    counted = _queue_total(filters, counts)
    reports = queue_page(filters, current_user, PAGE_SIZE)
    return render_template(
        "staff/queue.html",
        **_rules_shown(),
        reports=reports,
        total=counted.total,
        pages=max((counted.total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        more_pages=counted.capped_total and len(reports) == PAGE_SIZE,
        capped=counted.capped,
        capped_total=counted.capped_total,
        count_cap=TEXT_COUNT_CAP,
        filters=filters,
        counts=counts,
        views=VIEWS,
        view_counts=view_counts(current_user),
        view_cap=VIEW_COUNT_CAP,
        pending=_pending(),
        deadline_of=deadline_of,
        choices=filter_choices(current_user, queues),
        # Translated once for the page, not once per row.
        priority_labels={k: str(v) for k, v in PRIORITY_LABELS.items()},
        statuses={k: str(v) for k, v in STATUS_LABELS.items()},
        categories={k: str(v) for k, v in CATEGORIES.items()},
        name=display_name,
    )


def render_report(report: Report, status: int = 200, **extra: object) -> Response:
    def rows(model, order, *options):  # noqa: ANN001, ANN202
        query = select(model).where(model.report_id == report.id).order_by(order)
        return db.session.scalars(query.options(*options)).all()

    messages = rows(
        ReportMessage,
        ReportMessage.id,
        # Reporters' originals are not shown here, so not read or decrypted either; a staff
        # message's own text loads when the template asks for it.
        defer(ReportMessage.body),
    )
    reveals = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.report_id == report.id, AuditEvent.action == "report.reveal")
        .order_by(AuditEvent.id)
    ).all()
    checked_by = (
        db.session.get(StaffUser, report.redaction_checked_by_id)
        if report.redaction_checked_by_id
        else None
    )
    now_local = local(utcnow())
    page = render_template(
        "staff/report.html",
        report=report,
        notes=rows(ReportNote, ReportNote.id),
        messages=messages,
        history=rows(StatusChange, StatusChange.id),
        contacts=rows(ContactLogEntry, ContactLogEntry.at),
        referrals=rows(Referral, Referral.id),
        corrections=rows(RedactionCorrection, RedactionCorrection.id),
        reveals=reveals,
        checked_by=checked_by,
        staff=active_staff() if current_user.can(ASSIGN) else [],
        related=related_reports(report, current_user)
        if report.pipeline_state == PipelineState.PROCESSED
        else [],
        can_refer=Status.REFERRED in TRANSITIONS.get(report.status, ()),
        next_statuses=[s for s in TRANSITIONS.get(report.status, ()) if s != Status.REFERRED],
        statuses=STATUS_LABELS,
        priority_labels=PRIORITY_LABELS,
        deadline=deadline_of(report),
        categories=CATEGORIES,
        urgent_signals=URGENT_SIGNALS,
        roles=AFFECTED_ROLES,
        contact_ways=CONTACT_WAYS,
        contact_outcomes=CONTACT_OUTCOMES,
        destinations=REFERRAL_DESTINATIONS,
        redaction_labels=REDACTION_LABELS,
        name=display_name,
        now_local=now_local.strftime("%Y-%m-%dT%H:%M"),
        today_local=now_local.date().isoformat(),
        zone=organisation_zone().key,
        **extra,
    )
    return make_response(page, status)


@bp.get("/reports/<int:report_id>")
@requires(VIEW_REPORTS)
def report(report_id: int) -> Response:
    return render_report(visible_report(report_id))


def _back(report: Report, anchor: str = "") -> Response:
    return redirect(url_for("staff.report", report_id=report.id) + anchor)


FIELD_NAMES = {"status": _l("status"), "assignee": _l("assignee"), "labels": _l("labels")}


def _refuse_unless_allowed(changing: set[str], assignee: int | None) -> None:
    """403 for a change this account may not make; 400 for an assignee who cannot take it."""
    if "assignee" in changing and not current_user.can(ASSIGN):
        abort(403)
    if changing & {"status", "labels"} and not current_user.can(CHANGE_STATUS):
        abort(403)
    if "assignee" in changing and assignee is not None:
        person = db.session.get(StaffUser, assignee)
        if person is None or not person.active:
            abort(400)


def _conflict_page(report_id: int, fields: tuple[str, ...], others_saved: bool) -> Response:
    """The report as it is now (409), saying which fields someone else changed meanwhile."""
    message = _l(
        "Someone else changed the %(fields)s of this report after you opened it, so your "
        "change to it was not saved. What they chose is shown; change it again if yours "
        "still applies.",
        fields=", ".join(str(FIELD_NAMES[f]) for f in fields),
    )
    if others_saved:
        flash(_l("Your other changes were saved."))
    db.session.expire_all()
    return render_report(visible_report(report_id), 409, conflict=message)


@bp.post("/reports/<int:report_id>/actions")
@requires(VIEW_REPORTS)
def save_report_actions(report_id: int) -> Response:
    """Status, assignee and labels in one form; only the fields changed on the page are saved,
    and a conflict is only someone else having changed the same field meanwhile."""
    report, form = visible_report(report_id), ReportActionsForm()
    if not form.validate():
        abort(400)
    wanted, loaded = form.wanted_and_loaded()
    changing = {f for f in wanted if wanted[f] != loaded.get(f)}
    _refuse_unless_allowed(changing, wanted.get("assignee"))
    try:
        outcome = save_actions(report, current_user, wanted, loaded)
    except NotAllowed:
        abort(400)
    except Conflict:
        outcome = None
    db.session.commit()
    if outcome is None:
        return _conflict_page(report_id, tuple(changing), others_saved=False)
    if outcome.conflicts:
        return _conflict_page(report_id, outcome.conflicts, bool(outcome.saved))
    flash(_l("Saved.") if outcome.saved else _l("Nothing to save: nothing was changed."))
    return _back(report)


@bp.post("/reports/<int:report_id>/contacts")
@requires(MESSAGE_REPORTER)
def log_contact(report_id: int) -> Response:
    """A call or other contact with the reporter: when, how, and what came of it."""
    report, form = visible_report(report_id), ContactForm()
    if not form.validate():
        return render_report(report, 400, contact_error=form.first_error())
    record_contact(
        report,
        current_user,
        form.at.data,
        form.method.data,
        form.outcome.data,
        form.note.data or None,
    )
    db.session.commit()
    flash(_l("Contact logged."))
    return _back(report, "#contacts")


@bp.post("/reports/<int:report_id>/referrals")
@requires(CHANGE_STATUS)
def add_referral(report_id: int) -> Response:
    """To whom, when, their reference number, and whether the reporter consented."""
    report, form = visible_report(report_id), ReferralForm()
    if not form.validate():
        return render_report(report, 400, referral_error=form.first_error())
    record_referral(
        report,
        current_user,
        destination=form.destination.data,
        destination_other=form.destination_other.data,
        referred_on=form.referred_on.data,
        reference=form.reference.data,
        consented=form.consented.data == "yes",
    )
    db.session.commit()
    flash(_l("Referral recorded."))
    return _back(report, "#referrals")


@bp.post("/reports/<int:report_id>/redaction")
@requires(REVEAL_ORIGINAL)
def correct_redaction(report_id: int) -> Response:
    """Redact more, or restore a word the anonymizer removed by mistake (audit-logged)."""
    report, form = visible_report(report_id), CorrectionForm()
    form.validate()
    try:
        correction = correction_from(
            form.kind.data or "",
            form.text.data or "",
            form.label.data or "",
            form.word.data or "",
            form.why.data,
        )
        if form.of_narrative:
            count = correct_narrative(report, correction, current_user)
        else:
            message_id = form.message_id
            message = db.session.get(ReportMessage, message_id) if message_id else None
            if (
                message is None
                or message.report_id != report.id
                or message.sender != Sender.REPORTER
            ):
                abort(400)
            count = correct_message(report, message, correction, current_user)
    except CorrectionRefused as refused:
        db.session.rollback()
        return render_report(report, 400, redaction_error=refused.args[0])
    db.session.commit()
    flash(_l("Redaction corrected (%(num)s places).", num=count))
    return _back(report, "#narrative")


@bp.post("/reports/<int:report_id>/redaction-checked")
@requires(REVEAL_ORIGINAL)
def mark_redaction_checked(report_id: int) -> Response:
    report, form = visible_report(report_id), RedactionCheckedForm()
    form.validate()
    checked = form.is_checked
    operations.mark_redaction_checked(current_user, report, checked)
    db.session.commit()
    flash(_l("Marked as checked.") if checked else _l("Mark removed."))
    return _back(report, "#narrative")


@bp.post("/reports/<int:report_id>/notes")
@requires(ADD_NOTES)
def add_note(report_id: int) -> Response:
    report, form = visible_report(report_id), NoteForm()
    if not form.validate() or not form.body.data:
        flash(_l("The note is empty."), "error")
    else:
        operations.add_note(current_user, report, form.body.data)
        db.session.commit()
    return redirect(url_for("staff.report", report_id=report.id) + "#notes")


@bp.post("/reports/<int:report_id>/messages")
@requires(MESSAGE_REPORTER)
def send_message(report_id: int) -> Response:
    """A question for the reporter, shown on their follow-up page (they have only the
    receipt: no email or text message is sent)."""
    report, form = visible_report(report_id), ReporterMessageForm()
    if not form.validate() or not form.body.data:
        flash(_l("The message is empty."), "error")
    else:
        operations.send_message(current_user, report, form.body.data)
        db.session.commit()
        flash(_l("Message saved. The reporter sees it when they open their receipt."))
    return redirect(url_for("staff.report", report_id=report.id) + "#follow-up")


@bp.post("/reports/<int:report_id>/reveal")
@requires(REVEAL_ORIGINAL)
def reveal(report_id: int) -> Response:
    """The original narrative, contact details and the reporter's messages, once, for a stated
    reason (audit-logged).

    Shown in this response only: never cached, never stored anywhere else.
    """
    report, form = visible_report(report_id), RevealForm()
    if not form.validate():
        return render_report(report, 400, reveal_error=form.first_error())
    audit("report.reveal", actor=current_user, report_id=report.id, reason=form.reason.data)
    db.session.commit()
    messages = db.session.scalars(
        select(ReportMessage)
        .where(ReportMessage.report_id == report.id, ReportMessage.sender == Sender.REPORTER)
        .order_by(ReportMessage.id)
    ).all()
    response = make_response(
        render_template(
            "staff/reveal.html",
            report=report,
            reason=form.reason.data,
            messages=messages,
            contact_methods=CONTACT_METHODS,
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response
