"""Hand a saved report to the workers, by task name (the web side never imports the tasks).

The caller stamps `enqueued_at` in the transaction that saves the report (`stamp_enqueued`)
and sends only after the commit, so a worker never looks for a row that is not there and a
submit costs one commit. If the broker is down the stamp is taken back and the report stays
`received`; the periodic sweep enqueues it later. If even that fails (the database went away
too), the sweep still finds the report once the stamp is older than its grace period.
"""

from __future__ import annotations

import logging

from flask import current_app
from kombu.exceptions import KombuError
from redis.exceptions import RedisError
from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db
from .models import Report
from .timeutil import utcnow

log = logging.getLogger(__name__)

PROCESS_REPORT = "process_report"


def stamp_enqueued(report: Report) -> None:
    """Mark `report` as handed to the broker; commit, then call `enqueue_report`."""
    report.enqueued_at = utcnow()


def enqueue_report(report_id: int) -> bool:
    """Send `process_report(report_id)`; True if the broker took it."""
    celery = current_app.extensions["celery"]
    try:
        celery.send_task(PROCESS_REPORT, args=[report_id], retry=False)
    except (KombuError, RedisError, OSError) as exc:
        log.warning(
            "report %s saved but not enqueued (%s); the sweep will retry",
            report_id,
            type(exc).__name__,
        )
        _unstamp(report_id)
        return False
    return True


def _unstamp(report_id: int) -> None:
    """Let the next sweep send the report at once rather than after its grace period."""
    try:
        db.session.execute(update(Report).where(Report.id == report_id).values(enqueued_at=None))
        db.session.commit()
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning("report %s: enqueue stamp not cleared (%s)", report_id, type(exc).__name__)
