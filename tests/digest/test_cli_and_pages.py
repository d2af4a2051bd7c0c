"""`flask --app intake digest send` (and its dry run), and the staff pages: subscriptions, the
preview, and the administrators' deliveries and summaries option."""

from __future__ import annotations

from sqlalchemy import select

from intake.digest.queries import INCLUDE_SUMMARIES, recipients
from intake.extensions import db
from intake.models import AuditEvent, Delivery, DigestOption, DigestSubscription, StaffUser

from ..staff.helpers import form_token, log_in, make_staff
from .conftest import NAMED, SECRETS, processed, subscribe


def test_dry_run_prints_the_emails_and_sends_nothing(app, client, ctx, mailbox):
    subscribe(app, "en@example.org", "weekly")
    subscribe(app, "es@example.org", "weekly", language="es")
    processed(client, days_ago=7, narrative=NAMED, contact_name="Rosa Ortega")

    result = app.test_cli_runner().invoke(
        args=["digest", "send", "--period", "weekly", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "To: en@example.org" in result.output and "To: es@example.org" in result.output
    assert "Subject: Weekly digest, " in result.output
    assert "Subject: Resumen semanal, " in result.output
    assert "1 new reports" in result.output or "1 new report" in result.output
    assert "dry run: 2 weekly digest(s) built, none sent" in result.output
    for secret in SECRETS:
        assert secret not in result.output
    assert mailbox.messages == []
    assert db.session.scalars(select(Delivery)).all() == []


def test_send_command_sends_once(app, client, ctx, mailbox):
    subscribe(app, "en@example.org", "daily")
    processed(client)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["digest", "send", "--period", "daily"])
    assert first.exit_code == 0, first.output
    assert "1 sent, 0 already sent or in progress" in first.output
    second = runner.invoke(args=["digest", "send", "--period", "daily"])
    assert "0 sent, 1 already sent or in progress" in second.output
    assert len(mailbox.messages) == 1


def test_send_command_refuses_an_unknown_period(app):
    result = app.test_cli_runner().invoke(args=["digest", "send", "--period", "monthly"])
    assert result.exit_code == 2


def test_each_member_picks_queues_periods_and_language(app, client, ctx):
    email = make_staff(app, "rev@example.org", role="reviewer")
    assert log_in(client, email).status_code == 302
    page = client.get("/staff/settings/digests")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'name="daily_active"' in body and 'value="legal"' in body
    token = form_token(client, "/staff/settings/digests")
    response = client.post(
        "/staff/settings/digests",
        data={
            "csrf_token": token,
            "daily_active": "y",
            "daily_queues": ["legal", "rapid-response", "not-a-queue"],
            "language": "es",
        },
    )
    assert response.status_code == 302
    [recipient] = recipients("daily")
    assert (recipient.email, recipient.language) == ("rev@example.org", "es")
    assert recipient.queues == ["legal", "rapid-response"]
    assert recipients("weekly") == []
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "digest.subscriptions"))
    assert event.detail == {"language": "es", "daily": ["legal", "rapid-response"], "weekly": None}


def test_a_supervisor_may_turn_the_default_weekly_digest_off(app, client, ctx):
    email = make_staff(app, "sup@example.org", role="supervisor")
    assert [r.email for r in recipients("weekly")] == [email]
    assert log_in(client, email).status_code == 302
    body = client.get("/staff/settings/digests").get_data(as_text=True)
    assert "Supervisors get the weekly digest of every queue" in body
    token = form_token(client, "/staff/settings/digests")
    client.post("/staff/settings/digests", data={"csrf_token": token, "language": "en"})
    assert recipients("weekly") == []
    rows = db.session.scalars(select(DigestSubscription)).all()
    assert sorted((r.period, r.active) for r in rows) == [("daily", False), ("weekly", False)]


def test_preview_shows_the_members_digest_as_it_would_arrive(app, client, ctx):
    subscribe(app, "rev@example.org", "daily", language="es")
    processed(client, narrative=NAMED, contact_name="Rosa Ortega")
    assert log_in(client, "rev@example.org").status_code == 302
    response = client.get("/staff/digest/preview?period=daily")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Resumen diario de reportes" in body
    assert 'src="data:image/png;base64,' in body  # the chart, inline
    assert "script-src" not in response.headers["Content-Security-Policy"]
    assert "img-src data:" in response.headers["Content-Security-Policy"]
    for secret in SECRETS:
        assert secret not in body
    weekly = client.get("/staff/digest/preview?period=weekly").get_data(as_text=True)
    assert "Resumen semanal de reportes" not in weekly  # no weekly choice: the account language
    assert "Weekly digest of reports" in weekly
    assert client.get("/staff/digest/preview?period=hourly").status_code == 404


def test_administrators_see_failed_deliveries_and_set_summaries(app, client, ctx, mailbox):
    subscribe(app, "a@example.org", "daily")
    processed(client)
    mailbox.refuse = True
    app.test_cli_runner().invoke(args=["digest", "send", "--period", "daily"])
    mailbox.refuse = False

    admin = make_staff(app, "admin@example.org", role="admin")
    assert log_in(client, admin).status_code == 302
    body = client.get("/staff/digest/deliveries").get_data(as_text=True)
    assert "a@example.org" in body and "Failed, will be retried" in body
    assert "SMTPDataError 451" in body

    token = form_token(client, "/staff/digest/deliveries")
    response = client.post(
        "/staff/digest/options", data={"csrf_token": token, "include_summaries": "y"}
    )
    assert response.status_code == 302
    assert db.session.get(DigestOption, INCLUDE_SUMMARIES).enabled
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "digest.include_summaries")
    )
    assert event.detail == {"frm": False, "to": True}
    assert event.actor_id == db.session.scalar(select(StaffUser.id).where(StaffUser.email == admin))


def test_only_administrators_open_the_deliveries_page(app, client, ctx):
    email = make_staff(app, "sup@example.org", role="supervisor")
    assert log_in(client, email).status_code == 302
    assert client.get("/staff/digest/deliveries").status_code == 403
    assert client.get("/staff/settings/digests").status_code == 200
