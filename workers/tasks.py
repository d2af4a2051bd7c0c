"""Thin Celery tasks: load a report, call the pipeline steps (plain functions), store results.

Every task takes an id and is idempotent: a report is claimed with one conditional UPDATE, so two
deliveries of the same message (acks_late after a worker died, the sweep, a retry) never process
it twice, and a processed report is never touched again. A reporter's follow-up reply is
anonymized the same way (`redact_message`) and stored once.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from celery import shared_task
from flask import current_app
from flask_mail import Message
from sqlalchemy import or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from intake.dispatch import enqueue_message_redactions, enqueue_reports, stamp_enqueued
from intake.extensions import db, mail
from intake.models import Notification, Report, ReportMessage, StaffUser
from intake.models.workflow import UNREDACTED_MESSAGE
from intake.reports.facts import STAFF_LANGUAGE, facts_of, known_values
from intake.timeutil import utcnow
from intake.untrusted import clean_optional, clean_text

from .alerts import alert_message, on_call_emails, post_webhook
from .anonymize import get_anonymizer
from .delivery import deliver_once
from .route import default_rules_path, route
from .route.cache import RulesCache
from .states import Priority
from .summarize import summarize
from .summarize.phrases import PHRASES

SUMMARY_LANGUAGES = tuple(PHRASES)  # the staff languages a summary is written in

log = logging.getLogger(__name__)

MAX_RETRIES = 5
# A claim not renewed for this long belongs to a dead worker: a live one renews it every third
# of it (ClaimKeeper), and the sweep runs every minute, so a dead worker's report is picked up
# again within two minutes.
STUCK_AFTER = timedelta(minutes=1)
ENQUEUE_GRACE = timedelta(minutes=5)  # a message younger than this is probably still queued
FAILED_RETRY_AFTER = timedelta(hours=1)
MAX_ATTEMPTS = 30  # Celery's retries plus a day of hourly sweeps
# Tests only: seconds a worker waits right after claiming a report, so a test can kill it
# mid-task at a known point (tests/robustness/test_worker_killed.py). Unset in real use.
TEST_DELAY_ENV = "INTAKE_TEST_PIPELINE_DELAY"


def stuck_after() -> timedelta:
    """STUCK_AFTER, or PIPELINE_STUCK_AFTER (seconds) from the config."""
    seconds = current_app.config.get("PIPELINE_STUCK_AFTER")
    return timedelta(seconds=seconds) if seconds else STUCK_AFTER


rules_cache = RulesCache(default_rules_path())


class StepFailed(Exception):
    """A pipeline step raised; carries the step's name for the reason shown to staff."""

    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(step)
        self.step = step
        # Only the exception's type: its message could quote the narrative.
        self.reason = f"{step} failed: {type(error).__name__}"


def claim(report_id: int) -> bool:
    """Mark the report `processing` if nobody else is on it; True if we got it."""
    now = utcnow()
    result = db.session.execute(
        update(Report)
        .where(Report.id == report_id)
        .where(
            or_(
                Report.pipeline_state.in_(("received", "failed")),
                (Report.pipeline_state == "processing") & (Report.claimed_at < now - stuck_after()),
            )
        )
        .values(pipeline_state="processing", claimed_at=now, attempts=Report.attempts + 1)
    )
    db.session.commit()
    return result.rowcount == 1


@contextmanager
def claim_kept(report_id: int) -> Iterator[None]:
    """Renew the claim on `report_id` every third of the stuck time while the block runs, on a
    connection of its own, so only a dead worker's claim goes stale however long a step takes."""
    engine = db.engine
    every = stuck_after().total_seconds() / 3
    done = threading.Event()

    def renew() -> None:
        while not done.wait(every):
            try:
                with engine.begin() as connection:
                    connection.execute(
                        update(Report)
                        .where(Report.id == report_id, Report.pipeline_state == "processing")
                        .values(claimed_at=utcnow())
                    )
            except DBAPIError:
                log.warning("report %s: claim not renewed (database error)", report_id)

    keeper = threading.Thread(target=renew, name=f"claim-{report_id}", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        done.set()
        keeper.join(timeout=10)


def run_pipeline(report: Report) -> None:
    """anonymize -> route -> summarize, writing results onto `report` (not committed)."""
    known = known_values(report)
    # Rows stored before input was cleaned at the edge may hold a NUL, which PostgreSQL would
    # refuse in the redacted text: the same cleaning here, so no report is unprocessable.
    known = {
        **{key: clean_text(value) for key, value in known.items() if isinstance(value, str)},
        "other_names": [clean_text(name) for name in known["other_names"]],
    }
    texts = {
        "narrative": clean_text(report.narrative or ""),
        "officer_details": clean_optional(report.officer_details),
        "location_detail": clean_optional(report.location_detail),
        "facility": clean_optional(report.facility),
    }
    present = {name: text for name, text in texts.items() if text}
    try:
        results = get_anonymizer().anonymize_batch(
            [
                {"id": name, "language": report.language, "text": text, "known": known}
                for name, text in present.items()
            ]
        )
    except Exception as exc:
        raise StepFailed("anonymize", exc) from exc
    by_field = {result["id"]: result for result in results}
    redacted = {name: by_field[name]["redacted"] if name in by_field else None for name in texts}
    narrative = by_field.get("narrative", {"redacted": "", "spans": [], "kept": [], "mode": None})
    facts = facts_of(report, redacted)

    try:
        decision = route(facts, rules_cache.get())
    except Exception as exc:
        raise StepFailed("route", exc) from exc

    facts["urgent"] = decision["urgent"]
    facts["key_evidence"] = [
        u["evidence"] for u in decision.get("urgency", []) if u["source"] == "narrative"
    ]
    try:
        summary = summarize(facts, redacted["narrative"] or "", staff_language=STAFF_LANGUAGE)
        summary["texts"] = summary_texts(report, redacted, facts, summary)
    except Exception as exc:
        raise StepFailed("summarize", exc) from exc

    now = utcnow()
    report.narrative_redacted = redacted["narrative"]
    report.redaction = {
        "mode": narrative.get("mode"),
        "kept": narrative.get("kept", []),
        "redacted_count": sum(1 for s in narrative.get("spans", []) if s["action"] == "redact"),
        "officer_details": redacted["officer_details"],
        # Officers' names and badges kept in that field, for patterns (intake/patterns/).
        "officer_details_kept": by_field.get("officer_details", {}).get("kept", []),
        "location_detail": redacted["location_detail"],
        "facility": redacted["facility"],
    }
    report.queue = decision["queue"]
    report.priority = decision["priority"]
    report.priority_rank = Priority.rank_of(decision["priority"])
    report.urgent = decision["urgent"]
    report.level = decision.get("level", "urgent" if decision["urgent"] else "normal")
    report.flags = list(decision.get("flags", []))
    hours = decision.get("deadline_hours")
    report.deadline_at = report.created_at + timedelta(hours=hours) if hours else None
    report.routing = decision
    report.summary = summary["text"]
    report.summary_detail = summary
    report.failure_reason = None
    report.pipeline_state = "processed"
    report.processed_at = now


def summary_texts(
    report: Report, redacted: dict[str, str | None], facts: dict, summary: dict
) -> dict[str, str]:
    """The summary in each language the summarizer has phrases for, for digests, which go out
    in each recipient's language. The narrative sentences are the ones already picked; a
    language model's answer, in the staff language, is not asked again in the others."""
    texts = {STAFF_LANGUAGE: summary["text"]}
    for language in SUMMARY_LANGUAGES:
        if language in texts:
            continue
        translated = {**facts_of(report, redacted, language=language), "urgent": facts["urgent"]}
        texts[language] = summarize(
            translated,
            redacted["narrative"] or "",
            staff_language=language,
            llm=None,
            sentences=summary["sentences"],
        )["text"]
    return texts


DATABASE_RETRY_SECONDS = 10


@shared_task(name="process_report", bind=True, max_retries=MAX_RETRIES, acks_late=True)
def process_report(self, report_id: int) -> str:  # noqa: ANN001
    """Run the pipeline on one report. Safe to deliver twice.

    A database error (a dropped connection, a failover) anywhere in the task retries it: the
    claim is given back if the database answers, else it goes stale and the sweep has it."""
    try:
        return _process_report(self, report_id)
    except DBAPIError as exc:
        db.session.rollback()
        log.warning("report %s: database error (%s); retrying", report_id, type(exc).__name__)
        try:
            mark_failed(report_id, "database error")
        except DBAPIError:
            db.session.rollback()
        raise self.retry(countdown=DATABASE_RETRY_SECONDS, exc=StepFailed("store", exc)) from None


def _process_report(self, report_id: int) -> str:  # noqa: ANN001
    if not claim(report_id):
        log.info("report %s: already processed or being processed; nothing to do", report_id)
        return "skipped"
    with claim_kept(report_id):
        if os.environ.get(TEST_DELAY_ENV):
            time.sleep(float(os.environ[TEST_DELAY_ENV]))
        return _run_claimed(self, report_id)


def _run_claimed(self, report_id: int) -> str:  # noqa: ANN001
    report = db.session.get(Report, report_id)
    try:
        run_pipeline(report)
        db.session.commit()
    except StepFailed as failure:
        db.session.rollback()
        mark_failed(report_id, failure.reason)
        log.warning("report %s: %s (attempt %s)", report_id, failure.reason, self.request.retries)
        # Exponential backoff: 30 s, 60 s, 120 s ...; then the hourly sweep, and staff see why.
        raise self.retry(countdown=30 * 2**self.request.retries, exc=failure) from None
    except DBAPIError:
        raise  # process_report retries it
    except BaseException:
        db.session.rollback()
        mark_failed(report_id, "storing the result failed")
        raise
    log.info("report %s processed: queue %s, priority %s", report_id, report.queue, report.priority)
    if report.routing.get("alert") and report.urgent:  # only the urgent level pages a person
        send_urgent_alert.delay(report_id)
    return "processed"


def mark_failed(report_id: int, reason: str) -> None:
    db.session.execute(
        update(Report)
        .where(Report.id == report_id)
        .values(pipeline_state="failed", failure_reason=reason[:300])
    )
    db.session.commit()


# Between texts anonymized together (redact_reply): a line of punctuation, which the
# anonymizer leaves as it is; if it ever did not, the reply is anonymized alone.
SEPARATOR = "\n\n* * *\n\n"


def redact_reply(message: ReportMessage, report: Report) -> str:
    """A reporter's reply as staff may read it: anonymized like the narrative, with the
    report's language and what the reporter typed in separate fields.

    It is anonymized after the narrative and the earlier replies still held, in one text, so a
    person keeps one placeholder across the conversation ([PERSON 2] in the narrative is
    [PERSON 2] in the reply), and a name given in full earlier is recognised when only part of
    it comes back ("Carlos" after "Carlos Mendez").
    """
    earlier = db.session.scalars(
        select(ReportMessage.body)
        .where(
            ReportMessage.report_id == report.id,
            ReportMessage.sender == "reporter",
            ReportMessage.id < message.id,
        )
        .order_by(ReportMessage.id)
    ).all()
    context = [clean_text(piece) for piece in (report.narrative, *earlier) if piece]
    known = known_values(report)
    body = clean_text(message.body)  # as in run_pipeline: no NUL reaches the redacted text
    whole = SEPARATOR.join([*context, body])
    [result] = get_anonymizer().anonymize_batch(
        [{"id": "reply", "language": report.language, "text": whole, "known": known}]
    )
    parts = result["redacted"].split(SEPARATOR)
    if len(parts) == len(context) + 1:
        return parts[-1]
    [alone] = get_anonymizer().anonymize_batch(
        [{"id": "reply", "language": report.language, "text": body, "known": known}]
    )
    return alone["redacted"]


@shared_task(name="redact_message", bind=True, max_retries=MAX_RETRIES, acks_late=True)
def redact_message(self, message_id: int) -> str:  # noqa: ANN001
    """Write `body_redacted` of one reporter reply. Safe to deliver twice.

    Staff messages (ours, never enqueued), replies already redacted and replies whose body the
    retention job removed are left as they are.
    """
    message = db.session.get(ReportMessage, message_id)
    if (
        message is None
        or message.sender != "reporter"
        or message.redacted_at is not None
        or message.body is None
    ):
        log.info("reply %s: nothing to redact", message_id)
        return "skipped"
    report = db.session.get(Report, message.report_id)
    try:
        redacted = redact_reply(message, report)
    except Exception as exc:
        db.session.rollback()
        # StepFailed carries only the step's name: Celery logs the retry's exception, and this
        # one's message could quote the reply.
        failure = StepFailed("anonymize", exc)
        log.warning("reply %s: %s (attempt %s)", message_id, failure.reason, self.request.retries)
        raise self.retry(countdown=30 * 2**self.request.retries, exc=failure) from None
    # Conditional, so a second delivery racing this one stores nothing twice.
    db.session.execute(
        update(ReportMessage)
        .where(ReportMessage.id == message_id, ReportMessage.redacted_at.is_(None))
        .values(body_redacted=redacted, redacted_at=utcnow())
    )
    db.session.commit()
    log.info("reply %s redacted", message_id)
    return "redacted"


def sweep_unredacted_replies() -> int:
    """Enqueue reporter replies still unredacted whose message the broker refused (no stamp)
    or sent longer ago than the grace period (a worker died or gave up); returns how many the
    broker took. Each is stamped first, so it is sent at most once per grace period."""
    now = utcnow()
    due = db.session.scalars(
        select(ReportMessage)
        # The partial index's own predicate, so the database answers from that small index.
        .where(text(UNREDACTED_MESSAGE))
        .where(ReportMessage.body.is_not(None))
        .where(
            or_(
                ReportMessage.enqueued_at.is_(None), ReportMessage.enqueued_at < now - ENQUEUE_GRACE
            )
        )
        .order_by(ReportMessage.created_at)
        .limit(500)
    ).all()
    due_ids = [message.id for message in due]
    for message in due:
        stamp_enqueued(message)  # not again before the grace period, even if it keeps failing
    db.session.commit()  # no transaction stays open while up to 500 messages are sent
    sent = enqueue_message_redactions(due_ids)
    if due_ids:
        log.info("sweep: %s of %s unredacted replies enqueued", sent, len(due_ids))
    return sent


@shared_task(name="sweep_unprocessed")
def sweep_unprocessed() -> int:
    """Enqueue reports the broker never got (it was down), a dead worker left behind, or whose
    retries ran out (a step kept failing: perhaps fixed since); and reporter replies not yet
    redacted. Returns how many messages the broker took."""
    now = utcnow()
    due = db.session.scalars(
        select(Report)
        .where(
            or_(
                (Report.pipeline_state == "received")
                & or_(Report.enqueued_at.is_(None), Report.enqueued_at < now - ENQUEUE_GRACE),
                (Report.pipeline_state == "processing") & (Report.claimed_at < now - stuck_after()),
                # Celery's retries are spent: try again hourly, for about a day, then staff.
                (Report.pipeline_state == "failed")
                & (Report.claimed_at < now - FAILED_RETRY_AFTER)
                & (Report.attempts < MAX_ATTEMPTS),
            )
        )
        .limit(500)
    ).all()
    due_ids = [report.id for report in due]
    for report in due:
        stamp_enqueued(report)
    db.session.commit()
    sent = enqueue_reports(due_ids)
    if due:
        log.info("sweep: %s of %s unprocessed reports enqueued", sent, len(due))
    return sent + sweep_unredacted_replies()


ALERT = "urgent-alert"
ALERT_RETRIES = 10


def _notification(report_id: int, channel: str, recipient: str) -> Notification:
    """The record of one alert to one recipient, made once (the unique key settles races)."""
    query = select(Notification).filter_by(report_id=report_id, kind=ALERT, recipient=recipient)
    found = db.session.scalar(query)
    if found:
        return found
    db.session.add(
        Notification(report_id=report_id, kind=ALERT, channel=channel, recipient=recipient)
    )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return db.session.scalar(query)


@shared_task(name="send_urgent_alert", bind=True, max_retries=ALERT_RETRIES, acks_late=True)
def send_urgent_alert(self, report_id: int) -> int:  # noqa: ANN001
    """Alert the report's on-call lists: once per recipient, retried while the server is down."""
    report = db.session.get(Report, report_id)
    if report is None or not (report.routing or {}).get("alert"):
        return 0
    config = current_app.config
    link = f"{config['PUBLIC_BASE_URL'].rstrip('/')}/staff/reports/{report.id}"
    what = f"alert for report {report.id}"
    subject, body = alert_message(
        report.id, report.queue, report.priority, report.deadline_at, link
    )
    admins = db.session.scalars(
        select(StaffUser.email).where(StaffUser.role == "admin", StaffUser.active)
    ).all()
    recipients = on_call_emails(report.routing["alert"], config["ONCALL_EMAILS"], list(admins))
    done = True
    if config.get("MAIL_SERVER"):
        for address in recipients:
            message = Message(subject=subject, recipients=[address], body=body)
            note = _notification(report.id, "email", address)
            done &= deliver_once(note, lambda message=message: mail.send(message), what)
    else:
        log.warning(
            "report %s is urgent but MAIL_SERVER is not set: no alert email sent", report.id
        )
    if config.get("ONCALL_WEBHOOK_URL"):
        payload = {
            "report": report.id,
            "queue": report.queue,
            "priority": report.priority,
            "deadline_at": report.deadline_at.isoformat() if report.deadline_at else None,
            "link": link,
        }
        note = _notification(report.id, "webhook", "webhook")
        done &= deliver_once(
            note, lambda: post_webhook(config["ONCALL_WEBHOOK_URL"], payload), what
        )
    if not done:
        # 30 s, 60 s, 120 s ... capped at 10 minutes: the mail server may be briefly down.
        raise self.retry(countdown=min(30 * 2**self.request.retries, 600))
    return len(recipients)
