"""The Celery tasks: each takes an id (or a period), calls one job and says when to retry.

The work is elsewhere: workers/pipeline.py (a report in, its results out), workers/claims.py
(claims and sweeps), workers/replies.py (a reporter's reply), workers/alerts.py (the urgent
alert), workers/digests.py (the digest emails), workers/delivery.py (the delivery ledger and
its sweep), workers/retention.py (deleting originals).
Every task is safe to deliver twice: the jobs claim or check their rows before acting.
"""

from __future__ import annotations

import logging
from datetime import datetime

from celery import Task, shared_task
from sqlalchemy.exc import DBAPIError

from intake.dispatch import send_by_name
from intake.extensions import db
from intake.models import Report, ReportMessage

from . import alerts, claims, delivery, digests, escalation, pipeline, replies, retention
from .pipeline import StepFailed
from .states import PipelineState

log = logging.getLogger(__name__)

MAX_RETRIES = 5
ALERT_RETRIES = 10
DIGEST_RETRIES = 8
DATABASE_RETRY_SECONDS = 10


def _backoff(task: Task, base: int, cap: int | None = None) -> int:
    """base, 2 base, 4 base ... seconds (capped): a server or a step may be down a while."""
    countdown: int = base * 2 ** int(task.request.retries)
    return min(countdown, cap) if cap else countdown


@shared_task(name="process_report", bind=True, max_retries=MAX_RETRIES, acks_late=True)
def process_report(self: Task, report_id: int) -> str:
    """Run the pipeline on one report. Safe to deliver twice.

    A database error (a dropped connection, a failover) anywhere in the task retries it: the
    claim is given back if the database answers, else it goes stale and the sweep has it."""
    try:
        return _process_report(self, report_id)
    except DBAPIError as exc:
        db.session.rollback()
        log.warning("report %s: database error (%s); retrying", report_id, type(exc).__name__)
        try:
            claims.mark_failed(report_id, "database error")
        except DBAPIError:
            db.session.rollback()
        raise self.retry(countdown=DATABASE_RETRY_SECONDS, exc=StepFailed("store", exc)) from None


def _process_report(task: Task, report_id: int) -> str:
    report = claims.claim(report_id)
    if report is None:
        log.info("report %s: already processed or being processed; nothing to do", report_id)
        return "skipped"
    with claims.claim_kept(report_id):
        try:
            decision = pipeline.process(report)
        except StepFailed as failure:
            db.session.rollback()
            claims.mark_failed(report_id, failure.reason)
            attempt = task.request.retries
            log.warning("report %s: %s (attempt %s)", report_id, failure.reason, attempt)
            # 30 s, 60 s, 120 s ...; then the hourly sweep, and staff see why.
            raise task.retry(countdown=_backoff(task, 30), exc=failure) from None
        except DBAPIError:
            raise  # process_report retries it
        except BaseException:
            db.session.rollback()
            claims.mark_failed(report_id, "storing the result failed")
            raise
    log.info(
        "report %s processed: queue %s, priority %s", report_id, decision.queue, decision.priority
    )
    # Only the urgent level pages a person.
    if decision.alert and decision.urgent:
        send_urgent_alert.delay(report_id)
    return PipelineState.PROCESSED


@shared_task(name="redact_message", bind=True, max_retries=MAX_RETRIES, acks_late=True)
def redact_message(self: Task, message_id: int) -> str:
    """Write `body_redacted` of one reporter reply, then route its report again with it
    (workers/escalation.py). Safe to deliver twice."""
    message = db.session.get(ReportMessage, message_id)
    if message is None or not replies.needs_redaction(message):
        log.info("reply %s: nothing to redact", message_id)
        return "skipped"
    report = db.session.get(Report, message.report_id)
    if report is None:
        return "skipped"
    if report.pipeline_state != PipelineState.PROCESSED:
        # Its routing would overwrite ours, and the narrative has no redacted text to route
        # with yet: wait for the pipeline (30 s, 60 s ...; then the sweep sends this again).
        raise self.retry(countdown=_backoff(self, 30))
    try:
        redacted = replies.redact_reply(message, report)
    except Exception as exc:
        raise _retry_reply(self, message_id, StepFailed("anonymize", exc)) from None
    if not replies.store_redacted(message_id, redacted):
        db.session.rollback()
        return "skipped"  # a second delivery redacted it first
    try:
        # In the same transaction: if routing fails, the reply stays unredacted and is retried.
        decision = escalation.reroute(report, message)
    except Exception as exc:
        raise _retry_reply(self, message_id, StepFailed("route", exc)) from None
    db.session.commit()
    log.info("reply %s redacted", message_id)
    if decision is None:
        return "redacted"
    log.info("report %s: a reply raised it to %s", report.id, decision.level)
    if decision.alert and decision.urgent:
        send_urgent_alert.delay(report.id)
    return f"redacted; now {decision.level}"


def _retry_reply(task: Task, message_id: int, failure: StepFailed) -> Exception:
    """Roll back and schedule the reply's task again (30 s, 60 s ...); the Retry to raise.
    StepFailed carries only the step's name: Celery logs the retry's exception, and the
    original one's message could quote the reply."""
    db.session.rollback()
    log.warning("reply %s: %s (attempt %s)", message_id, failure.reason, task.request.retries)
    retry: Exception = task.retry(countdown=_backoff(task, 30), exc=failure, throw=False)
    return retry


@shared_task(name="sweep_unprocessed")
def sweep_unprocessed() -> int:
    """Enqueue the reports and reporter replies the broker lost or a dead worker left; returns
    how many messages the broker took."""
    return claims.sweep_unprocessed_reports() + claims.sweep_unredacted_replies()


@shared_task(name="sweep_deliveries")
def sweep_deliveries() -> int:
    """Hand the deliveries a dead sender left claimed back to their tasks (they claim the stale
    rows again); returns how many messages the broker took."""
    return sum(send_by_name(task, *args) for task, args in delivery.owed_again())


@shared_task(name="send_urgent_alert", bind=True, max_retries=ALERT_RETRIES, acks_late=True)
def send_urgent_alert(self: Task, report_id: int) -> int:
    """Alert the report's on-call lists: once per recipient, retried while the server is down."""
    done, recipients = alerts.send_urgent_alert(report_id)
    if not done:
        # 30 s, 60 s, 120 s ... capped at 10 minutes: the mail server may be briefly down.
        raise self.retry(countdown=_backoff(self, 30, 600))
    return recipients


@shared_task(name="send_digests", bind=True, max_retries=DIGEST_RETRIES, acks_late=True)
def send_digests(self: Task, period: str, period_start: str | None = None) -> int:
    """Send the `period` digest to everyone owed it; retry those the mail server did not take.

    Beat runs `send_digests("daily")` every morning and `send_digests("weekly")` on Mondays
    (intake/config.py). `period_start` (ISO) pins the period: a retry after midnight still
    sends yesterday's digest."""
    start = datetime.fromisoformat(period_start) if period_start else None
    outcome = digests.send_period(period, period_start=start)
    log.info(
        "%s digest from %s: %s sent, %s skipped, %s failed, %s rejected",
        period,
        outcome.period_start.date(),
        outcome.sent,
        outcome.skipped,
        outcome.failed,
        outcome.rejected,
    )
    if outcome.retry:
        # 60 s, 120 s, 240 s ... capped at an hour: the mail server may be down for a while.
        raise self.retry(
            args=[period, outcome.period_start.isoformat()], countdown=_backoff(self, 60, 3600)
        )
    return outcome.sent


@shared_task(name="purge_closed_originals")
def purge_closed_originals() -> int:
    """Delete originals and contact details of reports closed longer ago than the retention
    period. Idempotent: a second run finds nothing left to delete."""
    purged = retention.purge_closed_originals()
    if purged:
        log.info("retention: originals deleted from %s closed reports", purged)
    return purged
