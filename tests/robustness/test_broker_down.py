"""No report lost when the broker is down at submit time.

The test runs its own `redis-server`, stops it around a submission, starts it again, and lets
the periodic sweep (called here as beat would) hand the report to a real worker process.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report
from workers import tasks

from ..conftest import submit_report
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
