"""Digest emails through a real SMTP server (aiosmtpd): what arrives, in which language, and
that each digest goes once per period and recipient whatever goes wrong."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from sqlalchemy import select

from intake.digest.queries import INCLUDE_SUMMARIES, digest_figures, recipients
from intake.extensions import db
from intake.models import Delivery, DigestOption, Report
from intake.timeutil import utcnow
from workers.delivery import Owed, claim
from workers.digest import period_bounds
from workers.digests import send_period
from workers.tasks import send_digests

from ..staff.helpers import make_report
from .conftest import (
    NAMED,
    NAMED_ES,
    SECRETS,
    everything,
    html_of,
    processed,
    subscribe,
    text_of,
)


def named_reports(client) -> list[int]:  # noqa: ANN001
    """Reports whose narratives and contact details name people, through the real pipeline."""
    return [
        processed(client, narrative=NAMED, contact_name="Rosa Ortega", contact_phone="7135550142"),
        processed(client, narrative=NAMED_ES, lang="es", contact_name="Rosa Ortega"),
        no_narrative(),
    ]


def no_narrative() -> int:
    """A processed report without narrative or summary (the form needs one; older data may not)."""
    report, _ = make_report(
        narrative=None,
        narrative_redacted=None,
        summary=None,
        created_at=utcnow() - timedelta(days=1),
    )
    return report.id


def test_no_narrative_name_or_officer_in_any_digest_by_default(app, client, ctx, mailbox):
    subscribe(app, "en@example.org", "daily")
    subscribe(app, "es@example.org", "daily", language="es")
    ids = named_reports(client)
    assert all(db.session.get(Report, i).pipeline_state == "processed" for i in ids)

    assert send_digests.run("daily") == 2
    assert sorted(m["To"] for m in mailbox.messages) == ["en@example.org", "es@example.org"]
    for message in mailbox.messages:
        content = everything(message)
        for secret in SECRETS:
            assert secret not in content, (message["To"], secret)
        assert "Main Street" not in content and "born" not in content and "nació" not in content
    by_to = {m["To"]: m for m in mailbox.messages}
    english, spanish = by_to["en@example.org"], by_to["es@example.org"]
    assert english["Subject"].startswith("Daily digest, ")
    assert re.search(r": \d new reports?$", english["Subject"])
    assert "fewer than 5" not in text_of(english)
    assert "Questioned about immigration status or birthplace" in text_of(english)
    assert spanish["Subject"].startswith("Resumen diario, ")
    assert re.search(r"\d reportes nuevos", text_of(spanish))
    assert "Preguntas sobre" in text_of(spanish) or "estatus" in text_of(spanish).lower()
    # The chart travels inside the message, referenced by its Content-ID.
    [chart] = [p for p in english.walk() if p.get_content_type() == "image/png"]
    assert chart["Content-ID"] == "<digest-chart@intake>"
    assert chart.get_content().startswith(b"\x89PNG")
    assert 'src="cid:digest-chart@intake"' in html_of(english)


def digest_with_summaries(app, client, mailbox, language: str):  # noqa: ANN001, ANN201
    """One named report, summaries turned on, one recipient in `language`: (report id, mail)."""
    subscribe(app, f"{language}@example.org", "daily", language=language)
    report_id = processed(client, narrative=NAMED, contact_name="Rosa Ortega")
    db.session.add(DigestOption(name=INCLUDE_SUMMARIES, enabled=True))
    db.session.commit()
    send_digests.run("daily")
    [message] = mailbox.messages
    return report_id, message


def test_an_administrator_may_add_anonymized_summaries(app, client, ctx, mailbox):
    report_id, message = digest_with_summaries(app, client, mailbox, "en")
    text = text_of(message)
    assert f"Report #{report_id} (" in text
    assert "Anonymized summaries" in text and "machine-extracted" in text
    assert f"/staff/reports/{report_id}" in text
    for secret in SECRETS:  # redacted names, the contact, and the officer all stay out
        assert secret not in everything(message), secret


def test_summaries_in_a_spanish_digest_are_in_spanish(app, client, ctx, mailbox):
    report_id, message = digest_with_summaries(app, client, mailbox, "es")
    text = text_of(message)
    assert f"Reporte n.º {report_id} (" in text
    # The worker wrote the summary in each staff language: the form's facts in Spanish, the
    # narrative's own sentences as they were written.
    assert "Persona afectada:" in text and "Del relato (inglés" in text
    assert "Affected:" not in text and "What happened:" not in text
    for secret in SECRETS:
        assert secret not in everything(message), secret


def test_an_empty_period_says_so(app, client, ctx, mailbox):
    subscribe(app, "en@example.org", "daily")
    processed(client, days_ago=0)  # today: not in yesterday's digest
    send_digests.run("daily")
    [message] = mailbox.messages
    assert message["Subject"].endswith(": no new reports")
    assert "No new reports arrived in this period." in text_of(message)
    assert not [p for p in message.walk() if p.get_content_type() == "image/png"]


def test_sent_once_per_period_when_beat_fires_twice(app, client, ctx, mailbox):
    subscribe(app, "a@example.org", "daily")
    subscribe(app, "b@example.org", "daily")
    processed(client)
    assert send_digests.run("daily") == 2
    assert send_digests.run("daily") == 0  # the second beat (or host) finds both sent
    assert len(mailbox.messages) == 2
    deliveries = db.session.scalars(select(Delivery)).all()
    assert [d.status for d in deliveries] == ["sent", "sent"]
    assert all(d.attempts == 1 and d.sent_at for d in deliveries)


def test_a_delivery_another_worker_is_sending_is_left_to_it(app, client, ctx, mailbox):
    subscribe(app, "a@example.org", "daily")
    start, _ = period_bounds("daily", utcnow())
    assert claim(Owed.digest("daily", start, "a@example.org", None)) is not None  # the other
    outcome = send_period("daily")
    assert (outcome.sent, outcome.skipped) == (0, 1)
    assert mailbox.messages == []


def test_a_refusing_server_is_retried_then_succeeds(app, client, ctx, mailbox):
    subscribe(app, "a@example.org", "daily")
    processed(client)
    mailbox.refuse = True
    with pytest.raises(Retry):
        send_digests.apply(args=["daily"], throw=True)
    delivery = db.session.scalar(select(Delivery))
    assert delivery.status == "failed" and delivery.last_error == "SMTPDataError 451"
    assert mailbox.messages == []

    mailbox.refuse = False
    assert send_digests.run("daily", delivery.period_start.isoformat()) == 1
    db.session.refresh(delivery)
    assert delivery.status == "sent" and delivery.attempts == 2 and delivery.last_error is None
    assert len(mailbox.messages) == 1


def test_a_rejected_address_does_not_stop_the_others(app, client, ctx, mailbox, monkeypatch):
    async def handle_rcpt(server, session, envelope, address, options):  # noqa: ANN001
        if address.startswith("bounce@"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    monkeypatch.setattr(mailbox, "handle_RCPT", handle_rcpt, raising=False)
    subscribe(app, "a@example.org", "daily")
    subscribe(app, "bounce@example.org", "daily")
    subscribe(app, "c@example.org", "daily")
    processed(client)

    assert send_digests.run("daily") == 2  # no retry: a refused address stays refused
    assert sorted(m["To"] for m in mailbox.messages) == ["a@example.org", "c@example.org"]
    deliveries = db.session.scalars(select(Delivery)).all()
    statuses = {d.recipient: d.status for d in deliveries}
    assert statuses == {
        "a@example.org": "sent",
        "bounce@example.org": "rejected",
        "c@example.org": "sent",
    }
    bounced = db.session.scalar(select(Delivery).where(Delivery.recipient == "bounce@example.org"))
    assert bounced.last_error == "SMTPRecipientsRefused 550"


def test_digests_reach_people_by_default(app, client, ctx, mailbox):
    from ..staff.helpers import make_staff

    make_staff(app, "sup@example.org", role="supervisor")
    make_staff(app, "admin@example.org", role="admin")
    make_staff(app, "rev@example.org", role="reviewer")
    make_staff(app, "legal@example.org", role="reviewer", queues=["legal"])
    subscribe(app, "optout@example.org", "weekly", role="supervisor", active=False)
    # Admins and supervisors: the weekly digest; queue members: the daily one of their queues.
    assert [r.email for r in recipients("weekly")] == ["admin@example.org", "sup@example.org"]
    [daily] = recipients("daily")
    assert (daily.email, daily.queues) == ("legal@example.org", ["legal"])
    # Turning it off sticks.
    from intake.models import DigestSubscription, StaffUser

    admin = db.session.scalar(select(StaffUser).where(StaffUser.email == "admin@example.org"))
    db.session.add(DigestSubscription(staff_user_id=admin.id, period="weekly", active=False))
    db.session.commit()
    assert [r.email for r in recipients("weekly")] == ["sup@example.org"]
    processed(client, days_ago=7)
    send_digests.run("weekly")
    [message] = mailbox.messages
    assert message["To"] == "sup@example.org"
    assert message["Subject"].startswith("Weekly digest, ")
    assert "Queues: all the queues you may see." in text_of(message)


def test_a_digest_counts_only_the_subscribed_queues_the_account_may_see(app, client, ctx):
    subscribe(app, "legal@example.org", "daily", queues=["legal", "referral"])
    from intake.models import StaffUser

    user = db.session.scalar(select(StaffUser).where(StaffUser.email == "legal@example.org"))
    user.queues = ["legal"]
    db.session.commit()
    [recipient] = recipients("daily")
    assert recipient.queues == ["legal"]

    first = processed(client)
    second = processed(client)
    db.session.get(Report, first).queue = "legal"
    db.session.get(Report, second).queue = "general-intake"
    db.session.commit()
    start, end = period_bounds("daily", utcnow())
    figures = digest_figures("daily", start, end, recipient.queues, now=utcnow())
    assert figures["queues"] == [("legal", 1)] and figures["total"] == 1
    everyone = digest_figures("daily", start, end, None, now=utcnow())
    assert everyone["total"] == 2
