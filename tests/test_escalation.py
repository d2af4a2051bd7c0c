"""A reporter's reply that tells of an emergency raises its report, and pages on-call once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from celery.exceptions import Retry
from sqlalchemy import select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import AuditEvent, Report, ReportMessage
from intake.staff.audit_text import describe
from workers import tasks

from .conftest import submit_report

CALM = "Last spring a deputy stopped us on the highway and asked where we were born."
EMERGENCY = (
    "Update: tonight they arrested my husband at the gas station. He is in the county jail "
    "right now and the jail says ICE put a hold on him."
)


def reported(client, narrative: str = CALM, process: bool = True) -> int:
    submit_report(client, narrative=narrative)
    report_id = db.session.scalar(select(Report.id).order_by(Report.id.desc()))
    if process:
        tasks.process_report.run(report_id)
    db.session.remove()
    return report_id


def reply(report_id: int, body: str) -> int:
    message = ReportMessage(report_id=report_id, sender="reporter", body=body)
    db.session.add(message)
    db.session.commit()
    return message.id


def test_a_reply_telling_of_custody_now_makes_the_report_urgent_and_pages(client, ctx, mailbox):
    create_user("oncall@example.org", "admin", "a long enough password")
    report_id = reported(client)
    assert db.session.get(Report, report_id).level == "normal"

    message_id = reply(report_id, EMERGENCY)
    assert tasks.redact_message.run(message_id) == "redacted; now urgent"

    db.session.expire_all()
    report = db.session.get(Report, report_id)
    message = db.session.get(ReportMessage, message_id)
    assert (report.level, report.priority, report.urgent) == ("urgent", "urgent", True)
    # The 2-hour deadline counts from the reply, not from the old report's arrival.
    assert report.deadline_at == message.created_at + timedelta(hours=2)
    assert "jail" in report.routing["explanation"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "report.escalated"))
    assert event.report_id == report_id and event.detail["message_id"] == message_id
    sentence = describe(event, {})
    assert "raised report" in sentence and "from Normal to Urgent" in sentence

    assert tasks.send_urgent_alert.run(report_id) == 1
    [alert] = mailbox.messages
    assert alert["To"] == "oncall@example.org"
    assert "husband" not in alert.get_payload()  # content-minimal, as for a new urgent report


def test_a_reply_never_lowers_the_level(client, ctx):
    report_id = reported(client, narrative=EMERGENCY)
    assert db.session.get(Report, report_id).level == "urgent"
    message_id = reply(report_id, "He is home now, they let him go this morning. Thank you.")
    assert tasks.redact_message.run(message_id) == "redacted"
    db.session.expire_all()
    assert db.session.get(Report, report_id).level == "urgent"
    assert (
        db.session.scalar(select(AuditEvent).where(AuditEvent.action == "report.escalated")) is None
    )


def test_a_calm_reply_changes_nothing(client, ctx):
    report_id = reported(client)
    before = db.session.get(Report, report_id).routing
    message_id = reply(report_id, "The deputy's car was a white SUV, I remembered that.")
    assert tasks.redact_message.run(message_id) == "redacted"
    db.session.expire_all()
    assert db.session.get(Report, report_id).routing == before


def test_a_reply_to_a_report_not_yet_processed_waits_unredacted(client, ctx):
    report_id = reported(client, process=False)
    message_id = reply(report_id, EMERGENCY)
    with pytest.raises(Retry):
        tasks.redact_message.run(message_id)
    db.session.expire_all()
    # Still unredacted: the sweep of unredacted replies sends it again if the retries run out.
    assert db.session.get(ReportMessage, message_id).redacted_at is None
    tasks.process_report.run(report_id)
    assert tasks.redact_message.run(message_id).startswith("redacted")
