"""Urgent reports alert the on-call list at once, by email, content-minimal, exactly once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from celery.exceptions import Retry
from sqlalchemy import select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import Delivery, Report
from intake.models.audit import audit
from workers import tasks
from workers.alerts import alert_message, pattern_alert_message, referral_reminder_message
from workers.i18n import translator
from workers.volunteer_tasks import flag_heavy_entry

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


def test_the_alert_message_reads_in_the_language_it_is_handed():
    link = "https://intake.example.org/staff/reports/12"
    due = datetime(2026, 3, 3, 21, 40)
    subject, body = alert_message(12, "rapid-response", "urgent", due, link)
    assert subject == "[URGENT] New report #12 in rapid-response"
    assert "Priority: Urgent\nFirst response due: 2026-03-03 21:40 UTC" in body
    subject, body = alert_message(12, "legal", "check-now", None, link, translator("es"))
    assert subject == "[REVISAR YA] Reporte nuevo n.º 12 en legal"
    assert "Un reporte enviado a la cola legal necesita una primera respuesta." in body
    assert "Prioridad: Revisar ya\nPrimera respuesta antes de: lo antes posible" in body
    assert f"Ábralo (requiere iniciar sesión como personal): {link}" in body
    assert "Este correo no contiene, a propósito, ningún detalle del reporte." in body
    for english in ("New report", "Priority", "deliberately", "Open it"):
        assert english not in body


def test_pattern_and_referral_messages_in_spanish():
    spanish = translator("es")
    subject, body = pattern_alert_message(3, 180, "https://x/1", spanish)
    assert subject == "Un patrón necesita revisión"
    assert "reportes de 3 personas distintas en un plazo de 180 días." in body
    assert pattern_alert_message(3, 1, "https://x/1")[1].startswith(
        "A pattern needs review: the same officer appears in reports from 3 different"
        " reporters within 1 day."
    )
    subject, body = referral_reminder_message(14, "https://x/2", spanish)
    assert subject == "Una derivación no tiene respuesta registrada"
    assert body.startswith("Se preparó un paquete de derivación hace 14 días o más")


def test_each_recipient_reads_the_alert_in_their_own_language(client, ctx, mailbox):
    create_user("ana@example.org", "admin", "a long enough password")[0].language = "es"
    create_user("bo@example.org", "admin", "a long enough password")
    db.session.commit()
    report_id = processed_urgent_report(client)
    assert tasks.send_urgent_alert.run(report_id) == 2
    by_address = {m["To"]: m for m in mailbox.messages}
    assert by_address["ana@example.org"]["Subject"] == (
        f"[URGENTE] Reporte nuevo n.º {report_id} en rapid-response"
    )
    assert "Prioridad: Urgente" in by_address["ana@example.org"].get_content()
    english = by_address["bo@example.org"]["Subject"]
    assert english == f"[URGENT] New report #{report_id} in rapid-response"
    assert tasks.send_urgent_alert.run(report_id) == 2
    assert len(mailbox.messages) == 2  # each still once


def test_heavy_entry_flag_reaches_each_admin_in_their_language(ctx, mailbox):
    volunteer, _ = create_user("vol@example.org", "volunteer", "a long enough password")
    create_user("ana@example.org", "admin", "a long enough password")[0].language = "es"
    create_user("bo@example.org", "admin", "a long enough password")
    db.session.commit()
    flag = audit("volunteer.flagged", target_user_id=volunteer.id, count=23, limit=20)
    db.session.commit()
    assert flag_heavy_entry.run(flag.id) == 2
    by_address = {m["To"]: m for m in mailbox.messages}
    english = by_address["bo@example.org"].get_content().replace("\r\n", "\n")
    assert english.startswith(
        "The account vol@example.org entered 23 reports for people in the last hour"
        " (more than 20, VOLUNTEER_FLAG_PER_HOUR).\n"
        "If this is not expected, check its entries and the audit log: "
    )
    spanish = by_address["ana@example.org"]
    assert spanish["Subject"] == "Intake: una cuenta registró un número inusual de reportes"
    assert "La cuenta vol@example.org registró 23 reportes" in spanish.get_content()
