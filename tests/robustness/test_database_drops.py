"""The database drops connections (or restarts) under a running app: requests fail cleanly or
succeed (pool_pre_ping), the next ones succeed, and nothing half-written stays behind.

PostgreSQL: the app's backend connections are terminated with pg_terminate_backend, between
requests and at chosen statements inside one (what a restart or a failover does to them). Only
this app's connections are killed (by application_name), so other test runs sharing the
database are left alone. SQLite has no server to lose; its equivalent is another process
holding the database locked, which makes the same statements fail the same way.

The app runs with TESTING off, so an error goes through the real 500 handler.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy import event, select

from intake.extensions import db
from intake.models import Report
from intake.public.receipts import receipt_hash

from ..conftest import csrf_token

APP_NAME = "intake-robustness-db-drops"
GOOD = {
    "narrative": "The deputy asked my neighbour where she was born.",
    "agency": "unknown",
    "consent_review": "y",
}
FRIENDLY = "Something went wrong on our side"
RECEIPT = re.compile(r'class="receipt-code"[^>]*>([^<]+)<')


class Outage:
    """Breaks the app's database connections on demand, the way the database at hand can."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        with app.app_context():
            self.engine = db.engine
        self.postgres = self.engine.dialect.name == "postgresql"
        self.at: str | None = None  # the statement (prefix) to strike before, once
        self.struck = 0
        self.lock: sqlite3.Connection | None = None
        event.listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, conn, cursor, statement, *args) -> None:  # noqa: ANN001
        if self.at and statement.lstrip().upper().startswith(self.at):
            self.at = None
            self.struck += 1
            if self.postgres:
                self.kill(conn.connection.dbapi_connection.info.backend_pid)
            else:
                self.lock_database()

    def _admin(self) -> sa.Connection:
        url = self.engine.url.set(query={})
        return sa.create_engine(url, poolclass=sa.pool.NullPool).connect()

    def kill(self, pid: int | None = None) -> int:
        """Terminate this app's backends (or one); returns how many were terminated."""
        query = (
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND application_name = :name AND (CAST(:pid AS integer) IS NULL OR pid = :pid)"
        )
        with self._admin() as admin:
            killed = admin.execute(
                sa.text(query),
                {"name": APP_NAME, "pid": pid},
            ).scalar()
        return killed

    def lock_database(self) -> None:
        self.lock = sqlite3.connect(self.engine.url.database, timeout=5)
        self.lock.execute("BEGIN EXCLUSIVE")

    def end(self) -> None:
        """The database is back (SQLite: the other process lets go of its lock)."""
        if self.lock is not None:
            self.lock.rollback()
            self.lock.close()
            self.lock = None

    def whole(self) -> None:
        """The whole database goes away between requests."""
        if self.postgres:
            assert self.kill() >= 1  # the app had pooled connections; they are dead now
        else:
            self.lock_database()


@pytest.fixture
def outage(robust_env, redis_server, build_app) -> Iterator[Outage]:
    env = {**robust_env, "REDIS_URL": redis_server.url}
    options: dict[str, object] = {"pool_pre_ping": True}
    if env["DATABASE_URL"].startswith("postgres"):
        options["connect_args"] = {"application_name": APP_NAME}
    else:
        options["connect_args"] = {"timeout": 0.2}  # "database is locked" fast, not in 5 s
    app = build_app(env, TESTING=False, SQLALCHEMY_ENGINE_OPTIONS=options)
    found = Outage(app)
    yield found
    found.end()
    event.remove(found.engine, "before_cursor_execute", found._before)


def submit(client) -> tuple[int, str, str | None]:  # noqa: ANN001
    token = csrf_token(client)
    response = client.post("/report", data={**GOOD, "csrf_token": token})
    body = response.get_data(as_text=True)
    match = RECEIPT.search(body)
    return response.status_code, body, match.group(1).strip() if match else None


def assert_clean_failure(status: int, body: str) -> None:
    assert status == 500 and FRIENDLY in body, body[:500]
    assert GOOD["narrative"] in body  # the form again (or the text to copy): nothing typed lost
    for leak in ("Traceback", "OperationalError", "psycopg", "sqlite3", "INSERT", "UPDATE"):
        assert leak not in body


def test_requests_fail_cleanly_and_the_next_ones_succeed(outage, redis_server):
    client = outage.app.test_client()
    receipts = []
    status, _, receipt = submit(client)
    assert status == 200
    receipts.append(receipt)

    # 1. Between requests: pooled connections die. pool_pre_ping replaces them, unnoticed...
    outage.whole()
    if outage.postgres:
        status, _, receipt = submit(client)
        assert status == 200
        receipts.append(receipt)
    else:
        # ...on SQLite, a locked database: the empty form still loads (each process keeps it,
        # public/kept.py), and sending fails cleanly while the lock lasts.
        assert client.get("/report").status_code == 200
        status, body, receipt = submit(client)
        assert receipt is None
        assert_clean_failure(status, body)
        outage.end()

    # 2. During a request, just before the report is written: a clean 500, nothing stored.
    outage.at = "INSERT INTO REPORT"
    status, body, receipt = submit(client)
    outage.end()
    assert outage.struck == 1 and receipt is None
    assert_clean_failure(status, body)

    # 3. The report is committed with its enqueue stamp, then the broker refuses the message
    # and the database drops as the stamp is taken back (dispatch.py). The report is safe, so
    # the reporter must get its receipt (a 500 here would make them send it again); the stamp
    # stays, so the sweep sends the report once the stamp is past its grace period.
    redis_server.stop()
    outage.at = "UPDATE REPORT SET ENQUEUED_AT"
    status, body, receipt = submit(client)
    outage.end()
    redis_server.start()
    assert outage.struck == 2
    assert status == 200 and receipt, body[:500]
    receipts.append(receipt)
    with outage.app.app_context():
        stamped = db.session.scalar(select(Report).filter_by(receipt_hash=receipt_hash(receipt)))
        assert stamped.pipeline_state == "received" and stamped.enqueued_at is not None
        db.session.remove()

    # 4. The next requests succeed.
    for _ in range(2):
        status, _, receipt = submit(client)
        assert status == 200
        receipts.append(receipt)

    # Nothing half-written: exactly the reports whose receipts the reporters hold, complete.
    with outage.app.app_context():
        db.session.remove()
        reports = db.session.scalars(select(Report)).all()
        assert sorted(r.receipt_hash for r in reports) == sorted(map(receipt_hash, receipts))
        for report in reports:
            assert report.narrative == GOOD["narrative"] and report.consent_review
            assert report.pipeline_state == "received"
        db.session.remove()


def test_a_connection_dropped_inside_the_task_retries_it(outage, monkeypatch):
    """After the claim, the database connection dies: the task gives the claim back and asks
    Celery to retry (it used to be acknowledged with the report left "processing")."""
    from intake.models import Report as ReportRow
    from workers import claims, tasks

    from ..staff.helpers import make_report

    if not outage.postgres:
        pytest.skip("SQLite has no connection to drop mid-task")
    with outage.app.app_context():
        report, _ = make_report(pipeline_state="received")
        report_id = report.id
        db.session.remove()
        claim = claims.claim

        def claimed_then_dropped(claimed_id: int) -> ReportRow | None:
            claimed = claim(claimed_id)  # the claim loads the report (UPDATE ... RETURNING)
            outage.at = "SET LOCAL"  # the task's next statement: writing the results
            return claimed

        monkeypatch.setattr(claims, "claim", claimed_then_dropped)
        with pytest.raises(tasks.StepFailed):  # what Celery's retry raises when run directly
            tasks.process_report.run(report_id)
        assert outage.struck == 1
        monkeypatch.setattr(claims, "claim", claim)
        db.session.remove()
        row = db.session.get(ReportRow, report_id)
        assert (row.pipeline_state, row.failure_reason) == ("failed", "database error")
        db.session.remove()
        assert tasks.process_report.run(report_id) == "processed"  # the retry
        db.session.remove()
