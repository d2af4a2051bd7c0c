"""The worker pipeline run in-process on real models: anonymize -> route -> summarize."""

from __future__ import annotations

import pytest
from celery.exceptions import Retry
from sqlalchemy import event, select

from intake.extensions import db
from intake.models import Report
from workers import claims, pipeline, tasks

from .conftest import submit_report

NARRATIVE = (
    "On March 3 my husband Miguel Delgado was stopped on Spencer Hwy by Deputy Ramsey, badge 5127. "
    "The deputy asked where he was born and took him to the jail. Call me at (713) 555-0142. "
    "He is in custody right now and ICE is picking him up tonight."
)


def only_report() -> Report:
    return db.session.scalar(select(Report))


def test_process_report_redacts_routes_and_summarizes(client, ctx):
    submit_report(
        client,
        narrative=NARRATIVE,
        contact_name="Rosa Delgado",
        contact_phone="713-555-0142",
        other_names="Miguel Delgado",
    )
    report = only_report()
    report_id = report.id
    db.session.remove()

    assert tasks.process_report.run(report_id) == "processed"

    report = db.session.get(Report, report_id)
    assert report.pipeline_state == "processed" and report.processed_at is not None
    for secret in ("Miguel", "Delgado", "555-0142", "Rosa"):
        assert secret not in report.narrative_redacted
        assert secret not in report.summary
    assert "Ramsey" in report.narrative_redacted  # officers are accountability data
    assert "[PERSON 1]" in report.narrative_redacted
    assert report.urgent and report.priority == "urgent"
    assert report.queue and report.routing["matched"] and report.routing["explanation"]
    assert report.deadline_at is not None
    assert report.summary and report.summary_detail["machine_generated"]
    # Also written in each other staff language, for digests (same sentences, other labels).
    texts = report.summary_detail["texts"]
    assert texts["en"] == report.summary and texts["es"].startswith("Persona afectada:")
    for secret in ("Miguel", "Delgado", "555-0142", "Rosa"):
        assert secret not in texts["es"]
    assert report.attempts == 1


def test_the_claim_loads_the_report_in_the_same_statement(client, ctx):
    """Claiming and loading are one UPDATE ... RETURNING: the claimed report comes back with
    the reporter's words and contact details, reading them asks the database nothing more,
    and a second claim gets nothing."""
    submit_report(client, narrative=NARRATIVE, contact_name="Rosa Delgado")
    report_id = only_report().id
    db.session.remove()
    statements: list[str] = []

    def seen(connection, cursor, statement, *args) -> None:  # noqa: ANN001
        statements.append(statement.split()[0].upper())

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        report = claims.claim(report_id)
        assert [s for s in statements if s != "SET"] == ["UPDATE"]  # SET: PostgreSQL's LOCAL
        assert report.narrative == NARRATIVE and report.contact_name == "Rosa Delgado"
        assert (report.pipeline_state, report.attempts) == ("processing", 1)
        assert report.language == "en" and report.created_at is not None
        assert [s for s in statements if s != "SET"] == ["UPDATE"]  # nothing read again
        assert claims.claim(report_id) is None  # being processed: not ours
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    pipeline.process(report)
    assert claims.claim(report_id) is None  # processed: never again
    assert db.session.get(Report, report_id).pipeline_state == "processed"


def test_processing_twice_changes_nothing(client, ctx):
    submit_report(client)
    report_id = only_report().id
    assert tasks.process_report.run(report_id) == "processed"
    first = db.session.get(Report, report_id).processed_at
    db.session.remove()
    assert tasks.process_report.run(report_id) == "skipped"
    report = db.session.get(Report, report_id)
    assert report.processed_at == first and report.attempts == 1


def test_a_failing_step_marks_the_report_failed_with_reason_and_retries(client, ctx, monkeypatch):
    submit_report(client, narrative="My neighbour Ana Ruiz was held at the county jail.")
    report_id = only_report().id

    def broken_summary(*args, **kwargs):
        raise RuntimeError("Ana Ruiz")  # the message must never reach staff or logs

    monkeypatch.setattr(pipeline, "summarize", broken_summary)
    # Called directly (not by a worker), Celery's retry re-raises the failure instead of Retry.
    with pytest.raises((Retry, tasks.StepFailed)):
        tasks.process_report.run(report_id)
    db.session.remove()
    report = db.session.get(Report, report_id)
    assert report.pipeline_state == "failed"
    assert report.failure_reason == "summarize failed: RuntimeError"
    assert report.narrative_redacted is None and report.processed_at is None

    monkeypatch.undo()
    assert tasks.process_report.run(report_id) == "processed"
    db.session.remove()
    report = db.session.get(Report, report_id)
    assert report.pipeline_state == "processed" and report.failure_reason is None
    assert report.attempts == 2


def test_sweep_enqueues_reports_the_broker_never_got(client, ctx, app):
    submit_report(client)
    report = only_report()
    report_id = report.id
    report.enqueued_at = None  # as if the broker had been down at submit time
    db.session.commit()
    assert tasks.sweep_unprocessed.run() == 1
    db.session.remove()
    assert db.session.get(Report, report_id).enqueued_at is not None
    assert tasks.sweep_unprocessed.run() == 0  # just enqueued: not again


def test_sweep_retries_a_failed_report_hourly_until_attempts_run_out(client, ctx):
    from datetime import timedelta

    from intake.timeutil import utcnow

    submit_report(client)
    report = only_report()
    report_id = report.id
    report.pipeline_state, report.failure_reason = "failed", "summarize failed: RuntimeError"
    report.claimed_at, report.attempts = utcnow() - timedelta(minutes=10), 6
    db.session.commit()
    assert tasks.sweep_unprocessed.run() == 0  # Celery may still be retrying it
    report.claimed_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    assert tasks.sweep_unprocessed.run() == 1
    report = db.session.get(Report, report_id)
    report.attempts = claims.MAX_ATTEMPTS
    db.session.commit()
    assert tasks.sweep_unprocessed.run() == 0  # given up: staff see the failure
