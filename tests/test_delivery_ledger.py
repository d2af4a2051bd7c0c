"""The one delivery ledger (workers/delivery.py) on the session's database and a real SMTP
server (aiosmtpd): senders racing for one recipient send one email, and a sender that died
between its claim and the send is sent for once by the sweep."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

from flask import Flask
from sqlalchemy import select, update

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import Delivery
from intake.timeutil import utcnow
from workers import tasks
from workers.delivery import STUCK_AFTER, Owed, claim, owed_again
from workers.digest import period_bounds
from workers.digests import send_period
from workers.states import Channel

from .digest.conftest import processed, subscribe
from .staff.conftest import browser
from .staff.helpers import make_report

ONCALL = "oncall@example.org"


def urgent_report() -> int:
    """A processed urgent report whose routing alerts the on-call list (the admins)."""
    report, _ = make_report(priority="urgent", queue="rapid-response", routing={"alert": ["x"]})
    return report.id


def at_once(app: Flask, senders: int, work: Callable[[], object]) -> list[object]:
    """Run `work` in `senders` threads, each with its own app context and database session,
    released together; their results."""
    start = threading.Barrier(senders)
    results: list[object] = []

    def sender() -> None:
        with app.app_context():
            start.wait()
            results.append(work())
            db.session.remove()

    threads = [threading.Thread(target=sender) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_one_claim_among_many_senders(app, ctx):
    owed = Owed.digest("daily", utcnow().replace(microsecond=0), "a@example.org", None)
    claims = at_once(app, 6, lambda: claim(owed))
    assert len([c for c in claims if c is not None]) == 1
    [row] = db.session.scalars(select(Delivery)).all()
    assert (row.status, row.attempts, row.kind, row.channel) == ("sending", 1, "digest", "email")
    assert claim(owed) is None  # a live claim is left to its sender


def test_two_senders_racing_for_one_alert_send_one_email(app, ctx, mailbox):
    create_user(ONCALL, "admin", "a long enough password")
    report_id = urgent_report()
    db.session.remove()
    assert sorted(at_once(app, 2, lambda: tasks.send_urgent_alert.run(report_id))) == [1, 1]
    assert [m["To"] for m in mailbox.messages] == [ONCALL]
    [row] = db.session.scalars(select(Delivery)).all()
    assert (row.status, row.attempts, row.report_id) == ("sent", 1, report_id)


def test_two_senders_racing_for_one_digest_send_one_each(app, ctx, mailbox):
    subscribe(app, "a@example.org", "daily")
    subscribe(app, "b@example.org", "daily")
    processed(browser(app))
    outcomes = at_once(app, 2, lambda: send_period("daily"))
    # Each recipient was sent by one of them and skipped by the other.
    assert (sum(o.sent for o in outcomes), sum(o.skipped for o in outcomes)) == (2, 2)
    assert sorted(m["To"] for m in mailbox.messages) == ["a@example.org", "b@example.org"]
    rows = db.session.scalars(select(Delivery)).all()
    assert [(r.status, r.attempts) for r in rows] == [("sent", 1), ("sent", 1)]


def run_enqueued(app: Flask) -> list[str]:
    """Take every message the broker holds and run its task here, as a worker would."""
    celery = app.extensions["celery"]
    ran = []
    with celery.connection_for_read() as connection:
        queue = connection.SimpleQueue(celery.conf.task_default_queue)
        while True:
            try:
                message = queue.get(timeout=1)
            except queue.Empty:
                break
            args, kwargs, _ = message.decode()
            message.ack()
            celery.tasks[message.headers["task"]].run(*args, **kwargs)
            ran.append(message.headers["task"])
        queue.close()
    return ran


def test_a_crash_between_claim_and_send_is_sent_once_after_the_sweep(app, ctx, mailbox):
    create_user(ONCALL, "admin", "a long enough password")
    report_id = urgent_report()
    # The sender that died: it claimed the delivery and never sent or recorded anything.
    dead = claim(Owed.urgent_alert(report_id, Channel.EMAIL, ONCALL))
    assert dead is not None
    assert tasks.send_urgent_alert.run(report_id) == 1  # a redelivery leaves the live claim
    assert mailbox.messages == []
    assert tasks.sweep_deliveries.run() == 0  # not stale yet: the sender may still be at it

    db.session.execute(
        update(Delivery).values(claimed_at=utcnow() - STUCK_AFTER - timedelta(seconds=1))
    )
    db.session.commit()
    assert owed_again() == [("send_urgent_alert", (report_id,))]
    assert tasks.sweep_deliveries.run() == 1
    assert run_enqueued(app) == ["send_urgent_alert"]
    assert [m["To"] for m in mailbox.messages] == [ONCALL]
    row = db.session.get(Delivery, dead)
    db.session.refresh(row)
    assert (row.status, row.attempts) == ("sent", 2)
    assert tasks.sweep_deliveries.run() == 0
    assert tasks.send_urgent_alert.run(report_id) == 1
    assert len(mailbox.messages) == 1


def test_a_dead_digest_sender_is_swept_to_its_period(app, ctx, mailbox):
    subscribe(app, "a@example.org", "daily")
    start, _ = period_bounds("daily", utcnow())
    dead = claim(Owed.digest("daily", start, "a@example.org", None), utcnow() - STUCK_AFTER * 2)
    assert dead is not None
    assert owed_again() == [("send_digests", ("daily", start.isoformat()))]
    assert tasks.sweep_deliveries.run() == 1
    assert run_enqueued(app) == ["send_digests"]
    assert [m["To"] for m in mailbox.messages] == ["a@example.org"]
    assert owed_again() == []


def test_a_row_made_and_never_claimed_is_swept_and_sent_once(app, ctx, mailbox):
    """A `pending` row (the ledgers before revision 0015 made rows first, then sent) whose
    sender died before sending: the sweep hands it to its task, which claims and sends it."""
    create_user(ONCALL, "admin", "a long enough password")
    report_id = urgent_report()
    owed = Owed.urgent_alert(report_id, Channel.EMAIL, ONCALL)
    db.session.add(Delivery(**owed.key, report_id=report_id, created_at=utcnow() - STUCK_AFTER * 2))
    db.session.commit()
    assert tasks.sweep_deliveries.run() == 1
    assert run_enqueued(app) == ["send_urgent_alert"]
    assert [m["To"] for m in mailbox.messages] == [ONCALL]
    [row] = db.session.scalars(select(Delivery)).all()
    assert (row.status, row.attempts) == ("sent", 1)
    assert owed_again() == []
