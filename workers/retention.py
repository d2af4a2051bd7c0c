"""Retention: what identifies a reporter is deleted a set time after the report is closed.

The original narrative, contact details, the names and places the reporter typed, and the
reporter's own follow-up messages are set to NULL; the redacted record (narrative_redacted,
the replies' body_redacted, summary, routing, categories, agency, dates, staff notes and
history) remains. Idempotent: a report is purged once and `original_purged_at` says when.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from intake.evidence.retention import purge_evidence
from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.models.audit import audit
from intake.timeutil import utcnow

from .states import TERMINAL_STATUSES, Sender

DEFAULT_DAYS = 90
BATCH = 500

# Every column that holds the reporter's own words or how to reach them.
ORIGINAL_COLUMNS = (
    "narrative",
    "contact_name",
    "contact_phone",
    "contact_email",
    "contact_notes",
    "other_names",
    "officer_details",
    "location_detail",
    "facility",
)


def retention_days() -> int:
    """RETENTION_DAYS from the app config (INTAKE_RETENTION_DAYS in the environment)."""
    days = int(current_app.config.get("RETENTION_DAYS") or DEFAULT_DAYS)
    if days < 1:
        raise ValueError("the retention period must be at least one day")
    return days


def purge_closed_originals(now: datetime | None = None, days: int | None = None) -> int:
    """Delete originals of reports closed more than `days` ago; returns how many reports."""
    now = now or utcnow()
    days = days if days is not None else retention_days()
    cutoff = now - timedelta(days=days)
    purged = 0
    while True:
        ids = db.session.scalars(
            select(Report.id)
            .where(
                Report.status.in_(TERMINAL_STATUSES),
                Report.closed_at < cutoff,
                Report.original_purged_at.is_(None),
            )
            .order_by(Report.id)
            .limit(BATCH)
        ).all()
        if not ids:
            break
        db.session.execute(
            update(Report)
            .where(Report.id.in_(ids), Report.original_purged_at.is_(None))
            .values(original_purged_at=now, **dict.fromkeys(ORIGINAL_COLUMNS))
            .execution_options(synchronize_session=False)
        )
        db.session.execute(
            update(ReportMessage)
            .where(ReportMessage.report_id.in_(ids), ReportMessage.sender == Sender.REPORTER)
            .values(body=None, purged_at=now)
            .execution_options(synchronize_session=False)
        )
        audit("retention.purge", reports=len(ids), days=days, first=ids[0], last=ids[-1])
        db.session.commit()
        purged += len(ids)
    # Their evidence files (sealed originals, copies, thumbnails) go with them.
    purge_evidence(now)
    return purged
