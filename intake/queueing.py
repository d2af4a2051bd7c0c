"""Hand a saved report to the workers, by task name (the web side never imports the tasks).

Called only after the report is committed, so a worker never looks for a row that is not there.
If the broker is down the report stays `received`; the periodic sweep enqueues it later.
"""

from __future__ import annotations

import logging

from flask import current_app
from kombu.exceptions import KombuError
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db
from .models import Report
from .timeutil import utcnow

log = logging.getLogger(__name__)

PROCESS_REPORT = "process_report"


def enqueue_report(report: Report) -> bool:
    """Send `process_report(report.id)`; True if the broker took it."""
    celery = current_app.extensions["celery"]
    try:
        celery.send_task(PROCESS_REPORT, args=[report.id], retry=False)
    except (KombuError, RedisError, OSError) as exc:
        log.warning(
            "report %s saved but not enqueued (%s); the sweep will retry",
            report.id,
            type(exc).__name__,
        )
        return False
    report_id = report.id  # after a failed commit, reading it would need the database
    try:
        report.enqueued_at = utcnow()
        db.session.commit()
    except SQLAlchemyError as exc:
        # The report is saved and its message sent: the reporter must still get the receipt.
        # Without the time, the next sweep sends it again; the worker's claim drops the double.
        db.session.rollback()
        log.warning(
            "report %s enqueued but its enqueue time not stored (%s)", report_id, type(exc).__name__
        )
    return True
