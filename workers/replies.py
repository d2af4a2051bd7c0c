"""A reporter's follow-up reply as staff may read it: anonymized like the narrative.

It is anonymized after the narrative and the earlier replies still held, in one text, so a
person keeps one placeholder across the conversation ([PERSON 2] in the narrative is [PERSON 2]
in the reply), and a name given in full earlier is recognised when only part of it comes back
("Carlos" after "Carlos Mendez").
"""

from __future__ import annotations

from sqlalchemy import select, update

from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.timeutil import utcnow
from intake.untrusted import clean_text

from .anonymize import redact
from .pipeline import clean_known
from .states import Sender

# Between texts anonymized together: a line of punctuation, which the anonymizer leaves as it
# is; if it ever did not, the reply is anonymized alone.
SEPARATOR = "\n\n* * *\n\n"


def needs_redaction(message: ReportMessage | None) -> bool:
    """Staff messages (ours, never enqueued), replies already redacted and replies whose body
    the retention job removed are left as they are."""
    return (
        message is not None
        and message.sender == Sender.REPORTER
        and message.redacted_at is None
        and message.body is not None
    )


def redact_reply(message: ReportMessage, report: Report) -> str:
    """The reply's redacted text, with the report's language and what the reporter typed in
    separate fields."""
    earlier = db.session.scalars(
        select(ReportMessage.body)
        .where(
            ReportMessage.report_id == report.id,
            ReportMessage.sender == Sender.REPORTER,
            ReportMessage.id < message.id,
        )
        .order_by(ReportMessage.id)
    ).all()
    context = [clean_text(piece) for piece in (report.narrative, *earlier) if piece]
    known = clean_known(report).as_dict()
    body = clean_text(message.body or "")  # as in the pipeline: no NUL reaches the redacted text

    def anonymized(text: str) -> str:
        item = {"id": "reply", "language": report.language, "text": text, "known": known}
        return redact([item])[0].redacted

    parts = anonymized(SEPARATOR.join([*context, body])).split(SEPARATOR)
    if len(parts) == len(context) + 1:
        return parts[-1]
    return anonymized(body)


def store_redacted(message_id: int, redacted: str) -> bool:
    """Conditional, so a second delivery racing this one stores nothing twice; True if this
    one stored it. Committed by the caller, with the routing the reply changes."""
    stored = db.session.execute(
        update(ReportMessage)
        .where(ReportMessage.id == message_id, ReportMessage.redacted_at.is_(None))
        .values(body_redacted=redacted, redacted_at=utcnow())
        .returning(ReportMessage.id)
    ).scalar_one_or_none()
    return stored is not None
