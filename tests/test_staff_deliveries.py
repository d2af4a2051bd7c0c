"""Referral reminders and unusual-entry flags go through the one delivery ledger, on the
session's database and a real SMTP server (aiosmtpd): when one reader's mail server is in
trouble, the task is tried again for that reader alone, and nobody already told is told twice;
a sender that died mid-send is found by the sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from celery.exceptions import Retry
from sqlalchemy import select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import Delivery, ReferralPacket
from intake.models.audit import audit
from intake.timeutil import utcnow
from workers import accountability_tasks, tasks
from workers.delivery import STUCK_AFTER, Owed, claim, owed_again
from workers.states import Channel
from workers.volunteer_tasks import flag_heavy_entry

from .staff.helpers import make_report

PASSWORD = "a long enough password"


@pytest.fixture
def troubled(mailbox, monkeypatch):
    """The mailbox, with addresses at later.example answered "try again later" (451) while
    `mailbox.trouble` is true: a server in trouble for some readers only."""

    async def handle_rcpt(server, session, envelope, address, options):  # noqa: ANN001
        if mailbox.trouble and address.endswith("@later.example"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    mailbox.trouble = True
    monkeypatch.setattr(mailbox, "handle_RCPT", handle_rcpt, raising=False)
    yield mailbox
    del mailbox.trouble


def overdue_packet() -> ReferralPacket:
    """A packet prepared 31 days ago by nobody still on staff: the supervisors are reminded."""
    report, _ = make_report()
    packet = ReferralPacket(
        report_id=report.id, channel="crcl", prepared_at=utcnow() - timedelta(days=31)
    )
    db.session.add(packet)
    db.session.commit()
    return packet


def recipients_of(mailbox) -> list[str]:  # noqa: ANN001
    return sorted(m["To"] for m in mailbox.messages)


def test_a_reminder_one_reader_could_not_get_is_sent_to_that_reader_alone(ctx, troubled):
    create_user("sup@example.org", "supervisor", PASSWORD)
    create_user("lead@later.example", "supervisor", PASSWORD)[0].language = "es"
    packet = overdue_packet()

    assert accountability_tasks.remind_referrals.run() == 0  # one reader is owed it still
    assert recipients_of(troubled) == ["sup@example.org"]
    db.session.refresh(packet)
    assert packet.reminded_at is None
    statuses = dict(db.session.execute(select(Delivery.recipient, Delivery.status)).all())
    assert statuses == {"sup@example.org": "sent", "lead@later.example": "failed"}

    troubled.trouble = False
    assert accountability_tasks.remind_referrals.run() == 1
    assert recipients_of(troubled) == ["lead@later.example", "sup@example.org"]
    spanish = next(m for m in troubled.messages if m["To"] == "lead@later.example")
    assert spanish["Subject"] == "Una derivación no tiene respuesta registrada"
    db.session.refresh(packet)
    assert packet.reminded_at is not None
    assert accountability_tasks.remind_referrals.run() == 0
    assert len(troubled.messages) == 2


def test_without_a_mail_server_nothing_is_marked_sent(app, ctx, mailbox):
    create_user("sup@example.org", "supervisor", PASSWORD)
    create_user("ana@example.org", "admin", PASSWORD)
    packet = overdue_packet()
    flag_id = flagged_volunteer()
    app.config["MAIL_SERVER"] = None
    try:
        assert accountability_tasks.remind_referrals.run() == 0
        assert flag_heavy_entry.run(flag_id) == 0
    finally:
        app.config["MAIL_SERVER"] = "127.0.0.1"
    db.session.refresh(packet)
    assert packet.reminded_at is None  # reminded once mail is set up, not lost
    assert db.session.scalars(select(Delivery)).all() == []
    assert mailbox.messages == []


def flagged_volunteer() -> int:
    """The audit event the entry form records when a volunteer entered too many reports."""
    volunteer, _ = create_user("vol@example.org", "volunteer", PASSWORD)
    db.session.flush()
    flag = audit("volunteer.flagged", target_user_id=volunteer.id, count=23, limit=20)
    db.session.commit()
    return flag.id


def test_an_entry_flag_is_retried_for_the_admin_who_did_not_get_it(ctx, troubled):
    create_user("ana@example.org", "admin", PASSWORD)
    create_user("bo@later.example", "admin", PASSWORD)
    flag_id = flagged_volunteer()

    with pytest.raises(Retry):
        flag_heavy_entry.apply(args=[flag_id], throw=True)
    assert recipients_of(troubled) == ["ana@example.org"]
    troubled.trouble = False
    assert flag_heavy_entry.run(flag_id) == 2
    assert recipients_of(troubled) == ["ana@example.org", "bo@later.example"]
    body = troubled.messages[-1].get_content()
    assert "vol@example.org entered 23 reports" in body
    assert flag_heavy_entry.run(flag_id) == 2  # the task ran again ...
    assert len(troubled.messages) == 2  # ... and nobody was told twice


def test_dead_senders_of_reminders_and_flags_are_swept(ctx, mailbox):
    create_user("sup@example.org", "supervisor", PASSWORD)
    create_user("ana@example.org", "admin", PASSWORD)
    packet = overdue_packet()
    flag_id = flagged_volunteer()
    stale = utcnow() - STUCK_AFTER * 2
    claim(Owed.referral_reminder(packet.id, packet.report_id, Channel.EMAIL, "sup@example.org"),
          stale)  # fmt: skip
    claim(Owed.heavy_entry(flag_id, Channel.EMAIL, "ana@example.org"), stale)
    assert owed_again() == [("flag_heavy_entry", (flag_id,)), ("remind_referrals", ())]
    assert tasks.sweep_deliveries.run() == 2
