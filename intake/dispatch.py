"""Hand saved rows to the workers, by task name (the web side never imports the tasks).

The caller stamps `enqueued_at` in the transaction that saves the report (`stamp_enqueued`)
and sends only after the commit, so a worker never looks for a row that is not there and a
submit costs one commit. If the broker is down the stamp is taken back and the report stays
`received`; the periodic sweep enqueues it later. If even that fails (the database went away
too), the sweep still finds the report once the stamp is older than its grace period.

A reporter's message on the follow-up page is stamped and sent the same way, to be redacted.
"""

from __future__ import annotations

import logging

from flask import current_app
from kombu.exceptions import KombuError
from redis.exceptions import RedisError
from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db
from .models import Attachment, Report, ReportMessage
from .timeutil import utcnow

log = logging.getLogger(__name__)

PROCESS_REPORT = "process_report"
REDACT_MESSAGE = "redact_message"
STERILISE_ATTACHMENT = "sterilise_attachment"


def stamp_enqueued(row: Report | ReportMessage) -> None:
    """Mark `row` as handed to the broker; commit, then call `enqueue_report` (or
    `enqueue_message_redaction`)."""
    row.enqueued_at = utcnow()


def _send(task: str, row_id: int, what: str) -> bool:
    """Send `task(row_id)` once, without waiting for a broker that is down; True if it took it.

    A refusal is logged with the exception's type only and is not raised: the row is saved,
    and the sweep sends it later.
    """
    celery = current_app.extensions["celery"]
    try:
        celery.send_task(task, args=[row_id], retry=False)
    except (KombuError, RedisError, OSError) as exc:
        log.warning(
            "%s %s saved but not enqueued (%s); the sweep will retry",
            what,
            row_id,
            type(exc).__name__,
        )
        return False
    return True


def send_by_name(task: str, *args: object) -> bool:
    """Send a task that stands for no stored row (a notice: nothing for a sweep to re-send);
    True if the broker took it. A refusal is logged with the exception's type only."""
    try:
        current_app.extensions["celery"].send_task(task, args=list(args), retry=False)
    except (KombuError, RedisError, OSError) as exc:
        log.warning("%s not enqueued (%s)", task, type(exc).__name__)
        return False
    return True


def enqueue_report(report_id: int) -> bool:
    """Send `process_report(report_id)`; True if the broker took it."""
    return enqueue_reports([report_id]) == 1


def enqueue_reports(report_ids: list[int]) -> int:
    """Send `process_report` for each of `report_ids` (stamped and committed); how many went."""
    return _enqueue_all(PROCESS_REPORT, Report, report_ids)


def enqueue_message_redaction(message_id: int) -> bool:
    """Send `redact_message(message_id)` for a reporter's message; True if the broker took it."""
    return enqueue_message_redactions([message_id]) == 1


def enqueue_message_redactions(message_ids: list[int]) -> int:
    """Send `redact_message` for each of `message_ids` (stamped and committed); how many went."""
    return _enqueue_all(REDACT_MESSAGE, ReportMessage, message_ids)


def enqueue_attachments(attachment_ids: list[int]) -> int:
    """Send `sterilise_attachment` for each evidence file (stamped and committed): the worker
    makes the staff copy; the submit does not wait for it."""
    return _enqueue_all(STERILISE_ATTACHMENT, Attachment, attachment_ids)


Queued = type[Report] | type[ReportMessage] | type[Attachment]


def _enqueue_all(task: str, model: Queued, row_ids: list[int]) -> int:
    """Send `task` for each row in turn. At the first refusal the broker is down: the rest
    would fail the same way, each after its own attempt, so their stamps are taken back
    together and the next sweep sends them."""
    for sent, row_id in enumerate(row_ids):
        if not _send(task, row_id, model.__tablename__):
            _unstamp(model, row_ids[sent:])
            return sent
    return len(row_ids)


def _unstamp(model: Queued, row_ids: list[int]) -> None:
    """Let the next sweep send these rows at once rather than after their grace period."""
    try:
        db.session.execute(update(model).where(model.id.in_(row_ids)).values(enqueued_at=None))
        db.session.commit()
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning(
            "%s: enqueue stamps of %s rows not cleared (%s)",
            model.__tablename__,
            len(row_ids),
            type(exc).__name__,
        )
