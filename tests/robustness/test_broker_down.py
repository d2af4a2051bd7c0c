"""No report and no reply lost when the broker is down at submit or reply time.

The test runs its own `redis-server`, stops it around a submission, starts it again, and lets
the periodic sweep (called here as beat would) hand the report to a real worker process. A
follow-up reply sent while the broker is down is saved, and the sweep sends its redaction.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.timeutil import utcnow
from workers import claims, tasks

from ..conftest import csrf_token, submit_report
from ..staff.helpers import make_report
from .conftest import wait_until

pytestmark = pytest.mark.integration


def report_state(app, report_id: int) -> tuple[str, int, object]:
    with app.app_context():
        db.session.remove()
        report = db.session.get(Report, report_id)
        return report.pipeline_state, report.attempts, report.processed_at


def test_report_sent_while_the_broker_is_down_is_processed_once_after_it_returns(
    robust_env, redis_server, build_app, start_worker
):
    env = {**robust_env, "REDIS_URL": redis_server.url}
    web = build_app(env)
    client = web.test_client()

    redis_server.stop()
    with web.app_context():
        receipt = submit_report(client, narrative="The deputy asked my cousin for papers.")
        assert receipt  # the reporter leaves with a receipt although nothing was enqueued
        report = db.session.scalar(select(Report))
        report_id = report.id
        assert (report.pipeline_state, report.enqueued_at) == ("received", None)
        db.session.remove()

    redis_server.start()  # empty: a restarted broker without persistence remembers nothing
    worker = start_worker(env)
    with web.app_context():
        assert tasks.sweep_unprocessed.run() == 1  # what beat runs every minute
        assert db.session.get(Report, report_id).enqueued_at is not None
        db.session.remove()

    wait_until(
        lambda: report_state(web, report_id)[0] == "processed",
        180,
        "the swept report to be processed; worker said:\n" + worker.output()[-3000:],
    )
    first = report_state(web, report_id)
    assert first[1] == 1  # one claim: processed once

    # The same message again (a second sweep racing beat, a redelivery): nothing changes.
    with web.app_context():
        assert tasks.sweep_unprocessed.run() == 0
        web.extensions["celery"].send_task("process_report", args=[report_id])
    broker = redis_server.client()
    wait_until(
        lambda: broker.llen("celery") == 0 and broker.hlen("unacked") == 0,
        60,
        "the duplicate message to be consumed",
    )
    wait_until(lambda: "already processed" in worker.output(), 60, "the duplicate to be skipped")
    assert report_state(web, report_id) == first


def test_reply_sent_while_the_broker_is_down_is_saved_and_redacted_after_it_returns(
    robust_env, redis_server, build_app, caplog
):
    caplog.set_level(logging.DEBUG)
    web = build_app({**robust_env, "REDIS_URL": redis_server.url})
    reporter = web.test_client()
    reply = "This is Rosa Ortega, my number is 713 555 0142."
    with web.app_context():
        _, code = make_report(contact_name="Rosa Ortega", contact_phone="7135550142")
        db.session.remove()

    redis_server.stop()
    with web.app_context():
        token = csrf_token(reporter, "/follow-up")
        answer = reporter.post(
            "/follow-up", data={"csrf_token": token, "code": code, "body": reply}
        )
        assert answer.status_code == 200 and "Thank you" in answer.get_data(as_text=True)
        message = db.session.scalar(select(ReportMessage))
        assert (message.body, message.redacted_at) == (reply, None)
        message_id = message.id
        # Beat would find it once the grace period is over: as if that had passed.
        message.created_at = utcnow() - claims.ENQUEUE_GRACE - timedelta(seconds=1)
        db.session.commit()
        db.session.remove()
    assert "saved but not enqueued" in caplog.text
    assert "Rosa" not in caplog.text and "0142" not in caplog.text

    redis_server.start()
    with web.app_context():
        assert tasks.sweep_unprocessed.run() == 1
        [sent] = redis_server.client().lrange("celery", 0, -1)
        assert json.loads(sent)["headers"]["task"] == "redact_message"
        assert tasks.redact_message.run(message_id) == "redacted"
        db.session.remove()
        assert "Rosa" not in db.session.get(ReportMessage, message_id).body_redacted
        assert tasks.sweep_unprocessed.run() == 0
        db.session.remove()


def test_a_sweep_with_the_broker_down_stops_at_the_first_refusal(
    robust_env, redis_server, build_app, caplog
):
    env = {**robust_env, "REDIS_URL": redis_server.url}
    web = build_app(env)
    redis_server.stop()
    with web.app_context():
        client = web.test_client()
        for _ in range(3):
            submit_report(client)  # refused: no stamp
        caplog.clear()
        assert tasks.sweep_unprocessed.run() == 0
        # One attempt, not one per report; every stamp taken back for the next sweep.
        refusals = [r for r in caplog.records if "not enqueued" in r.getMessage()]
        assert len(refusals) == 1
        stamps = db.session.scalars(select(Report.enqueued_at)).all()
        assert stamps == [None, None, None]
        db.session.remove()
    redis_server.start()
    with web.app_context():
        assert tasks.sweep_unprocessed.run() == 3
        db.session.remove()
