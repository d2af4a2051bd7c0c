"""End to end on real services: the form, the broker, a real Celery worker process, the database.

Runs on Redis + PostgreSQL when TEST_REDIS_URL / TEST_DATABASE_URL are set, and on the embedded
SQLite database and SQLite broker otherwise.
"""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report

from .conftest import submit_report

pytestmark = pytest.mark.integration


@pytest.fixture
def worker(service_env, start_worker):
    """A real worker on the test broker and database, stopped after the test."""
    return start_worker(service_env)


def wait_processed(count: int, timeout: float = 120) -> list[Report]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        db.session.remove()
        reports = db.session.scalars(
            select(Report).where(Report.pipeline_state == "processed")
        ).all()
        if len(reports) >= count:
            return reports
        time.sleep(0.5)
    states = db.session.execute(select(Report.id, Report.pipeline_state, Report.failure_reason))
    raise AssertionError(f"not processed in {timeout}s: {states.all()}")


def test_three_reports_over_http_come_out_of_export_processed(app, client, ctx, worker):
    narratives = [
        "Deputy Ramsey pulled over my brother Tomas Rivera on Spencer Hwy and asked for papers.",
        "A mi esposo Juan Pérez lo detuvieron en Houston. Lo tienen en la cárcel ahorita.",
        "Officers at the jail would not let my cousin call a lawyer. Her name is Maria Soto.",
    ]
    for narrative in narratives:
        submit_report(client, narrative=narrative)
    reports = wait_processed(3)

    assert {r.pipeline_state for r in reports} == {"processed"}
    # --officers: the kept officer names too (without it they read [OFFICER], as on the web).
    result = app.test_cli_runner().invoke(
        args=["reports", "export", "--format", "jsonl", "--officers"]
    )
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 3
    assert all(r["processed_at"] and r["summary"] and r["narrative_redacted"] for r in records)
    for name in ("Tomas", "Rivera", "Juan", "Pérez", "Maria Soto"):
        assert name not in result.output
    assert "Ramsey" in result.output
    assert any(r["urgent"] for r in records)  # "lo tienen en la cárcel ahorita"


def test_urgent_report_alerts_on_call_by_email_within_a_minute(client, ctx, worker, mailbox):
    from intake.auth.cli import create_user

    create_user("oncall@example.org", "admin", "a long enough password")
    submitted = time.monotonic()
    submit_report(
        client,
        narrative="They have my husband in the jail right now, please help.",
        detained_now="yes",
        urgent_signals=["in_custody_now"],
    )
    while not mailbox.messages and time.monotonic() - submitted < 60:
        time.sleep(0.25)
    assert mailbox.messages, "no alert within 60 seconds"
    [alert] = mailbox.messages
    assert alert["To"] == "oncall@example.org" and "URGENT" in alert["Subject"]
    assert "husband" not in alert.get_content()
