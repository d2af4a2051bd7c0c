"""The follow-up page. The receipt code travels only in POST bodies, never in a URL (URLs end up
in history, logs and referrers), and every page is sent with no-store.

A wrong code, a malformed one and an unknown one get the same answer through the same steps
(one indexed lookup of the code's hash), and lookups are rate limited, so the page tells nothing
about which codes exist beyond the one the reporter holds.
"""

from __future__ import annotations

from flask import Response, make_response, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import HiddenField, MultipleFileField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workers.states import Sender, Status

from ..dispatch import enqueue_attachments, enqueue_message_redaction, stamp_enqueued
from ..evidence.sealed import FileReceipt, seal_uploads
from ..evidence.uploads import accepts_evidence, received_files
from ..extensions import db
from ..language import switch_language
from ..models import Attachment, Report, ReportMessage, StatusChange
from ..public.receipts import receipt_hash
from ..ratelimit import public_rate_limit
from ..staff.workflow import REPORTER_STATUS
from ..timeutil import utcnow
from . import bp

MAX_REPLY = 5000


class LookupForm(FlaskForm):
    code = StringField(
        _l("Receipt code"),
        validators=[DataRequired(), Length(max=40)],
        description=_l(
            "The code you received when you sent your report, like ABCD-EFGH-JKMN-PQRS."
        ),
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )


class MessageForm(FlaskForm):
    code = HiddenField(validators=[DataRequired(), Length(max=40)])
    body = TextAreaField(
        _l("Your message or new information"),
        validators=[Optional(), Length(max=MAX_REPLY)],
        description=_l("Do not write your immigration status, A-number or date of birth."),
    )
    files = MultipleFileField(_l("Add photos, videos, voice notes or documents (optional)"))


def _no_store(page: str, status: int = 200) -> Response:
    response = make_response(page, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def find_report(code: str) -> Report | None:
    """The report this receipt code belongs to, or None; the same work either way."""
    return db.session.scalar(select(Report).where(Report.receipt_hash == receipt_hash(code)))


def _status_page(
    report: Report,
    code: str,
    sent: bool = False,
    typed: str = "",
    received: list[FileReceipt] | None = None,
) -> Response:
    """The report's status and conversation; `typed` goes back into the message box (a
    language switch sends what was typed along, without sending it to staff); `received`
    says what became of the files just sent."""
    messages = db.session.scalars(
        select(ReportMessage).where(ReportMessage.report_id == report.id).order_by(ReportMessage.id)
    ).all()
    attachments = db.session.scalars(
        select(Attachment).where(Attachment.report_id == report.id).order_by(Attachment.position)
    ).all()
    form = MessageForm(formdata=None, code=code, body=typed)
    return _no_store(
        render_template(
            "followup/status.html",
            report=report,
            status_text=REPORTER_STATUS.get(report.status, ""),
            messages=messages,
            form=form,
            sent=sent,
            attachments=attachments,
            files=[f for f in received or [] if f.refused],
            # The language buttons belong to the message form: the code and the text stay.
            language_form="message-form",
        )
    )


@bp.get("/follow-up")
def lookup() -> Response:
    return _no_store(render_template("followup/lookup.html", form=LookupForm()))


@bp.post("/follow-up")
@accepts_evidence
@public_rate_limit("RATELIMIT_LOOKUP")
def status() -> Response:
    """Open the status page with the receipt code; or, with a message, add it first. A
    language button shows the page again in that language, the message not sent yet. It still
    counts as a lookup: it opens a report by its code."""
    switching = switch_language()
    sent = MessageForm()
    code = (sent.code.data or "").strip()[:40]
    report = find_report(code) if code else None
    if report is None or not sent.validate():
        form = LookupForm(formdata=None)
        if report is None:
            message = _l(
                "We could not open a report with this code. Check it and try again, "
                "or send a new report."
            )
            return _no_store(render_template("followup/lookup.html", form=form, error=message))
        return _status_page(report, code)
    if switching:
        return _status_page(report, code, typed=sent.body.data or "")
    body = (sent.body.data or "").strip()
    attachments, received = _sealed_files(report)
    if attachments:
        db.session.add_all(attachments)
        report.version = report.version + 1  # staff who opened the report see a conflict
    if not body:
        if not attachments:
            return _status_page(report, code, received=received)
        db.session.commit()
        enqueue_attachments([row.id for row in attachments])
        return _status_page(report, code, sent=True, received=received)
    now = utcnow()
    message = ReportMessage(report_id=report.id, sender=Sender.REPORTER, body=body, created_at=now)
    stamp_enqueued(message)
    db.session.add(message)
    report.reporter_replied_at = now
    if report.status == Status.WAITING_REPORTER:
        # The reporter wrote back: the case goes back to staff's hands.
        db.session.add(
            StatusChange(
                report_id=report.id, from_status=report.status, to_status=Status.IN_REVIEW, at=now
            )
        )
        report.status = Status.IN_REVIEW
        report.status_changed_at = now
    if not attachments:
        report.version = report.version + 1  # staff who opened the report before see a conflict
    db.session.flush()
    message_id = message.id  # read before the commit expires it (no extra SELECT)
    db.session.commit()
    # Staff read the message only once the anonymizer has run on it; after the commit, so the
    # worker finds the row. A broker that is down changes nothing here: the sweep sends it.
    enqueue_message_redaction(message_id)
    enqueue_attachments([row.id for row in attachments])
    return _status_page(report, code, sent=True, received=received)


def _sealed_files(report: Report) -> tuple[list[Attachment], list[FileReceipt]]:
    """The files sent with this message, sealed and numbered after the report's earlier ones
    (which count against the report's total); not yet added to the session."""
    earlier = db.session.scalars(
        select(Attachment).where(Attachment.report_id == report.id)
    ).all()
    uploads = received_files(already=sum(a.size for a in earlier))
    if not uploads:
        return [], []
    first = max((a.position for a in earlier), default=0) + 1
    attachments, received = seal_uploads(uploads, source="follow-up", first_position=first)
    for attachment in attachments:
        attachment.report_id = report.id
    return attachments, received
