"""A worker killed in the middle of a task: the report is processed exactly once afterwards.

The first worker is the test-only entry tests/slow_worker.py, so it stops right
after claiming the report: the claim is committed, nothing else is. The test sees the claim in
the database and SIGKILLs the worker there, a deterministic point in the middle of the task
(no timing guess, no mock). A second, ordinary worker then finishes the report, by one of the
two recovery paths, each tested on its own:

- redelivery: Redis gives the unacknowledged message (acks_late) to the next worker after
  `visibility_timeout` (CELERY_VISIBILITY_TIMEOUT, lowered here); its claim succeeds because
  the dead worker's claim is older than PIPELINE_STUCK_AFTER (lowered here);
- sweep: the message is gone for good (kombu's SQLite transport forgets a fetched message
  when its worker dies; with Redis, the default one-hour visibility keeps it away during
  the test) and beat's `sweep_unprocessed` re-enqueues the report whose claim went stale.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import Delivery, Report
from workers import tasks

from ..conftest import submit_report
from .conftest import wait_until

pytestmark = pytest.mark.integration

# Read by tests/slow_worker.py (not imported here: it builds the app and patches the pipeline).
DELAY_ENV = "INTAKE_TEST_PIPELINE_DELAY"
TASK_ID = re.compile(r"Task process_report\[([0-9a-f-]+)\] received")
URGENT = "They have my husband in the jail right now and say ICE comes for him tonight."


def state(app, report_id: int) -> tuple[str, int, object]:
    with app.app_context():
        db.session.remove()
        report = db.session.get(Report, report_id)
        return report.pipeline_state, report.attempts, report.processed_at


@pytest.mark.parametrize("path", ["redelivery", "sweep"])
def test_killed_worker_report_is_processed_exactly_once(
    path, robust_env, redis_server, build_app, start_worker, mailbox
):
    env = {**robust_env, "PIPELINE_STUCK_AFTER": "2"}
    if path == "redelivery":
        env.update(REDIS_URL=redis_server.url, CELERY_VISIBILITY_TIMEOUT="4")
    elif "REDIS_URL" in env:
        env["REDIS_URL"] = redis_server.url  # default visibility (1 h): no redelivery in-test
    web = build_app(env)
    with web.app_context():
        create_user("oncall@example.org", "admin", "a long enough password")
        submit_report(
            web.test_client(),
            narrative=URGENT,
            detained_now="yes",
            urgent_signals=["in_custody_now"],
        )
        report_id = db.session.scalar(select(Report.id))
        db.session.remove()

    doomed = start_worker({**env, DELAY_ENV: "600"}, app="tests.slow_worker")
    wait_until(
        lambda: state(web, report_id)[0] == "processing",
        120,
        "the first worker to claim the report; it said:\n" + doomed.output()[-3000:],
    )
    doomed.kill()
    assert state(web, report_id)[:2] == ("processing", 1)  # claimed, never finished

    rescuer = start_worker(env)
    if path == "sweep":
        # What beat does every minute, until the dead worker's claim counts as stale.
        with web.app_context():
            wait_until(tasks.sweep_unprocessed.run, 60, "the sweep to re-enqueue the report")
            db.session.remove()
    wait_until(
        lambda: state(web, report_id)[0] == "processed",
        180,
        "the report to be processed after the kill; the second worker said:\n"
        + rescuer.output()[-3000:],
    )
    wait_until(lambda: mailbox.messages, 60, "the urgent alert")
    rescuer.stop()  # everything it had is done; nothing can change the report from here

    final = state(web, report_id)
    assert final[1] == 2  # the killed claim and the one that finished
    with web.app_context():
        assert db.session.scalar(select(func.count()).select_from(Delivery)) == 1
        assert tasks.sweep_unprocessed.run() == 0
        db.session.remove()
    assert len(mailbox.messages) == 1
    assert state(web, report_id) == final
    # Which path recovered it: the same message (task id) or a new one from the sweep.
    [killed_task] = TASK_ID.findall(doomed.output())
    rescued = TASK_ID.findall(rescuer.output())
    assert (killed_task in rescued) == (path == "redelivery"), (killed_task, rescued)
