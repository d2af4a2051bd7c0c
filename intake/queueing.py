"""Hand a saved report to the workers, by task name (the web side never imports the tasks).

Called only after the report is committed, so a worker never looks for a row that is not there.
If the broker is down the report stays `received`; the periodic sweep enqueues it later.
"""

from __future__ import annotations

import logging

from flask import current_app
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

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
    report.enqueued_at = utcnow()
    db.session.commit()
    return True
