"""Urgent reports alert the on-call list at once, by email, content-minimal, exactly once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from celery.exceptions import Retry
from sqlalchemy import select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import Delivery, Report
from workers import tasks

from .conftest import submit_report

URGENT = "Deputy Ramsey arrested my son Pedro Lopez. He is in custody right now at the county jail."


def processed_urgent_report(client) -> int:
    submit_report(
        client, narrative=URGENT, contact_phone="713-555-0199", urgent_signals=["in_custody_now"]
    )
    report_id = db.session.scalar(select(Report.id))
    tasks.process_report.run(report_id)
    db.session.remove()
    return report_id


def test_alert_reaches_the_admin_without_any_detail_of_the_report(client, ctx, mailbox):
    create_user("oncall@example.org", "admin", "a long enough password")
    report_id = processed_urgent_report(client)

    assert tasks.send_urgent_alert.run(report_id) == 1
    [message] = mailbox.messages
    assert message["To"] == "oncall@example.org"
    body = message.get_content()
    assert f"/staff/reports/{report_id}" in body and "rapid-response" in body
    for detail in ("Pedro", "Lopez", "Ramsey", "custody", "jail", "555-0199"):
        assert detail not in body and detail not in message["Subject"]
    note = db.session.scalar(select(Delivery))
    assert (note.kind, note.about, note.channel) == ("urgent-alert", str(report_id), "email")
    assert note.status == "sent" and note.sent_at is not None

    assert tasks.send_urgent_alert.run(report_id) == 1  # the task ran twice ...
    assert len(mailbox.messages) == 1  # ... the email went once


def test_mail_server_trouble_is_recorded_and_retried(client, ctx, mailbox):
    create_user("oncall@example.org", "admin", "a long enough password")
    report_id = processed_urgent_report(client)
    mailbox.refuse = True
    with pytest.raises(Retry):
        tasks.send_urgent_alert.apply(args=[report_id], throw=True)
    note = db.session.scalar(select(Delivery))
    assert note.status == "failed" and note.last_error == "SMTPDataError 451"
    assert mailbox.messages == []

    mailbox.refuse = False
    tasks.send_urgent_alert.run(report_id)
    db.session.refresh(note)
    assert note.status == "sent" and note.attempts == 2
    assert len(mailbox.messages) == 1


def test_configured_on_call_list_replaces_the_admin_default(app, client, ctx, mailbox, monkeypatch):
    create_user("admin@example.org", "admin", "a long enough password")
    monkeypatch.setitem(
        app.config, "ONCALL_EMAILS", {"on-call": ["a@example.org", "b@example.org"]}
    )
    report_id = processed_urgent_report(client)
    assert tasks.send_urgent_alert.run(report_id) == 2
    assert sorted(m["To"] for m in mailbox.messages) == ["a@example.org", "b@example.org"]


def test_a_report_that_is_not_urgent_alerts_nobody(client, ctx, mailbox):
    create_user("oncall@example.org", "admin", "a long enough password")
    submit_report(client)
    report_id = db.session.scalar(select(Report.id))
    tasks.process_report.run(report_id)
    assert tasks.send_urgent_alert.run(report_id) == 0
    assert mailbox.messages == []


def test_rules_cli_checks_and_dry_runs(app, client, ctx, tmp_path):
    runner = app.test_cli_runner()
    assert "valid, version" in runner.invoke(args=["rules", "check"]).output
    out = runner.invoke(
        args=["rules", "test", "--narrative", "ICE is picking him up tonight from the jail"]
    ).output
    assert "queue:    rapid-response" in out and "urgent" in out
    bad = tmp_path / "rules.yaml"
    bad.write_text("version: x\nqueues: {}\nrules:\n  - name: r\n    when: {colour: red}\n")
    result = runner.invoke(args=["rules", "check", str(bad)])
    assert result.exit_code != 0 and "line" in result.output
    processed_id = processed_urgent_report(client)
    out = runner.invoke(args=["rules", "test", "--report", str(processed_id)]).output
    assert "rapid-response" in out and "matched urgent-signals" in out


def test_a_check_now_report_goes_to_the_top_without_paging_anyone(client, ctx, mailbox):
    create_user("oncall@example.org", "admin", "a long enough password")
    # "I don't know" to the first question, and a narrative whose time is unclear
    submit_report(client, emergency_now="unknown", narrative="Se llevaron a mi esposo.")
    report_id = db.session.scalar(select(Report.id))
    tasks.process_report.run(report_id)
    report = db.session.get(Report, report_id)
    assert (report.level, report.priority, report.urgent) == ("check-now", "check-now", False)
    assert report.queue == "rapid-response"
    assert report.deadline_at - report.created_at == timedelta(hours=4)
    assert report.priority_rank == 1  # right after the urgent ones
    assert report.routing["alert"] == []
    assert tasks.send_urgent_alert.run(report_id) == 0
    assert mailbox.messages == []


def test_an_urgent_report_stores_its_level(client, ctx):
    report_id = processed_urgent_report(client)
    report = db.session.get(Report, report_id)
    assert (report.level, report.priority, report.urgent, report.priority_rank) == (
        "urgent", "urgent", True, 0
    )  # fmt: skip
    assert "someone in custody now" in report.routing["explanation"]
