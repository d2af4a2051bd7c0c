"""Retention: originals and contact details go N days after closing; the redacted record stays."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from intake.extensions import db
from intake.models import AuditEvent, Report, ReportMessage
from intake.timeutil import utcnow
from workers import tasks
from workers.retention import ORIGINAL_COLUMNS, purge_closed_originals

from .conftest import browser
from .helpers import log_in, make_report, make_staff


def test_retention_job_deletes_originals_of_long_closed_reports(app, ctx):
    now = utcnow()
    old, _ = make_report(
        status="closed",
        closed_at=now - timedelta(days=91),
        contact_email="rosa@example.org",
        other_names="Jaime Ortega",
        facility="Harris County jail",
    )
    recent, _ = make_report(status="closed", closed_at=now - timedelta(days=30))
    open_one, _ = make_report(status="in_review")
    db.session.add_all(
        [
            ReportMessage(report_id=old.id, sender="reporter", body="My name is Rosa."),
            ReportMessage(report_id=old.id, sender="staff", body="Thank you, Rosa."),
        ]
    )
    db.session.commit()

    assert tasks.purge_closed_originals.run() == 1
    db.session.expire_all()
    purged = db.session.get(Report, old.id)
    for column in ORIGINAL_COLUMNS:
        assert getattr(purged, column) is None, column
    assert purged.original_purged_at is not None
    assert purged.narrative_redacted and purged.summary and purged.queue  # the record remains
    reporter_message = db.session.scalar(
        select(ReportMessage).where(ReportMessage.sender == "reporter")
    )
    assert reporter_message.body is None and reporter_message.purged_at is not None
    for kept in (recent.id, open_one.id):
        assert db.session.get(Report, kept).narrative is not None
        assert db.session.get(Report, kept).contact_name is not None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention.purge"))

    # Idempotent: a second run finds nothing; a shorter period reaches the recent one.
    assert purge_closed_originals() == 0
    assert purge_closed_originals(days=7) == 1

    client = browser(app)
    log_in(client, make_staff(app, "s@example.org", role="supervisor"))
    page = client.get(f"/staff/reports/{old.id}").get_data(as_text=True)
    assert "under the retention schedule" in page and 'name="reason"' not in page
    assert "deleted by the retention schedule" in page


def test_retention_task_is_scheduled(app):
    celery = app.extensions["celery"]
    assert "workers.tasks" in celery.conf.include
    tasks = {entry["task"] for entry in celery.conf.beat_schedule.values()}
    assert "purge_closed_originals" in tasks
