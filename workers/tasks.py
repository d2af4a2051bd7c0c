"""Thin Celery tasks: load a report, call the pipeline steps (plain functions), store results.

Every task takes an id and is idempotent: a report is claimed with one conditional UPDATE, so two
deliveries of the same message (acks_late after a worker died, the sweep, a retry) never process
it twice, and a processed report is never touched again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from flask_babel import force_locale
from sqlalchemy import or_, select, update

from intake.extensions import db
from intake.models import Report
from intake.models.report import PRIORITY_RANK
from intake.queueing import enqueue_report
from intake.timeutil import utcnow
from intake.vocabulary import AFFECTED_ROLES, CATEGORIES, EVIDENCE, HELP_WANTED, URGENT_SIGNALS

from .anonymize import get_anonymizer
from .route import default_rules_path, load_rules, route
from .summarize import summarize

log = logging.getLogger(__name__)

MAX_RETRIES = 5
STUCK_AFTER = timedelta(minutes=15)  # a claim older than this belongs to a dead worker
ENQUEUE_GRACE = timedelta(minutes=5)  # a message younger than this is probably still queued
STAFF_LANGUAGE = "en"


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
                (Report.pipeline_state == "processing") & (Report.claimed_at < now - STUCK_AFTER),
            )
        )
        .values(pipeline_state="processing", claimed_at=now, attempts=Report.attempts + 1)
    )
    db.session.commit()
    return result.rowcount == 1


def _labels(vocabulary: dict[str, object], codes: list[str]) -> list[str]:
    return [str(vocabulary[code]) for code in codes if code in vocabulary]


def known_values(report: Report) -> dict:
    """What the reporter typed in separate fields, so every variant leaves the narrative."""
    return {
        "reporter_name": report.contact_name or "",
        "phone": report.contact_phone or "",
        "email": report.contact_email or "",
        "other_names": [n.strip() for n in (report.other_names or "").splitlines() if n.strip()],
    }


def facts_of(report: Report, redacted: dict[str, str | None]) -> dict:
    """The plain data the routing and summary steps see: no contact details, redacted text."""
    with force_locale(STAFF_LANGUAGE):
        return {
            "id": report.id,
            "language": report.language,
            "categories": list(report.categories or []),
            "category_labels": _labels(CATEGORIES, report.categories or []),
            "agency": report.agency.as_facts() if report.agency else None,
            "agency_choice": report.agency_choice,
            "state": report.state,
            "county": report.county,
            "city": report.city,
            "location_detail": redacted.get("location_detail"),
            "incident_date": report.incident_date.isoformat() if report.incident_date else None,
            "incident_time": report.incident_time,
            "date_approximate": report.date_approximate,
            "urgent_signals": list(report.urgent_signals or []),
            "urgency_labels": _labels(URGENT_SIGNALS, report.urgent_signals or []),
            "detained_now": report.detained_now,
            "facility": redacted.get("facility"),
            "transfer_expected": report.transfer_expected,
            "affected_role_label": _labels(AFFECTED_ROLES, [report.affected_role or ""])[0]
            if report.affected_role in AFFECTED_ROLES else None,
            "affected_minor": report.affected_minor,
            "help_wanted_labels": _labels(HELP_WANTED, report.help_wanted or []),
            "evidence_labels": _labels(EVIDENCE, report.evidence or []),
            "consent": {
                "review": report.consent_review,
                "referral": report.consent_referral,
                "statistics": report.consent_statistics,
            },
            "contact_possible": report.contact_possible,
            "narrative_redacted": redacted["narrative"],
        }


def run_pipeline(report: Report) -> None:
    """anonymize -> route -> summarize, writing results onto `report` (not committed)."""
    known = known_values(report)
    texts = {
        "narrative": report.narrative or "",
        "officer_details": report.officer_details,
        "location_detail": report.location_detail,
        "facility": report.facility,
    }
    present = {name: text for name, text in texts.items() if text}
    try:
        results = get_anonymizer().anonymize_batch(
            [{"id": name, "language": report.language, "text": text, "known": known}
             for name, text in present.items()]
        )
    except Exception as exc:
        raise StepFailed("anonymize", exc) from exc
    by_field = {result["id"]: result for result in results}
    redacted = {name: by_field[name]["redacted"] if name in by_field else None for name in texts}
    narrative = by_field.get("narrative", {"redacted": "", "spans": [], "kept": [], "mode": None})
    facts = facts_of(report, redacted)

    try:
        decision = route(facts, load_rules(default_rules_path()))
    except Exception as exc:
        raise StepFailed("route", exc) from exc

    facts["urgent"] = decision["urgent"]
    try:
        summary = summarize(facts, redacted["narrative"] or "", staff_language=STAFF_LANGUAGE)
    except Exception as exc:
        raise StepFailed("summarize", exc) from exc

    now = utcnow()
    report.narrative_redacted = redacted["narrative"]
    report.redaction = {
        "mode": narrative.get("mode"),
        "kept": narrative.get("kept", []),
        "redacted_count": sum(1 for s in narrative.get("spans", []) if s["action"] == "redact"),
        "officer_details": redacted["officer_details"],
        "location_detail": redacted["location_detail"],
        "facility": redacted["facility"],
    }
    report.queue = decision["queue"]
    report.priority = decision["priority"]
    report.priority_rank = PRIORITY_RANK.get(decision["priority"], PRIORITY_RANK["normal"])
    report.urgent = decision["urgent"]
    report.flags = list(decision.get("flags", []))
    hours = decision.get("deadline_hours")
    report.deadline_at = report.created_at + timedelta(hours=hours) if hours else None
    report.routing = decision
    report.summary = summary["text"]
    report.summary_detail = summary
    report.failure_reason = None
    report.pipeline_state = "processed"
    report.processed_at = now


@shared_task(name="process_report", bind=True, max_retries=MAX_RETRIES, acks_late=True)
def process_report(self, report_id: int) -> str:  # noqa: ANN001
    """Run the pipeline on one report. Safe to deliver twice."""
    if not claim(report_id):
        log.info("report %s: already processed or being processed; nothing to do", report_id)
        return "skipped"
    report = db.session.get(Report, report_id)
    try:
        run_pipeline(report)
        db.session.commit()
    except StepFailed as failure:
        db.session.rollback()
        mark_failed(report_id, failure.reason)
        log.warning("report %s: %s (attempt %s)", report_id, failure.reason, self.request.retries)
        # Exponential backoff: 30 s, 60 s, 120 s ... then the sweep and staff take over.
        raise self.retry(countdown=30 * 2**self.request.retries, exc=failure) from None
    except BaseException:
        db.session.rollback()
        mark_failed(report_id, "storing the result failed")
        raise
    log.info("report %s processed: queue %s, priority %s", report_id, report.queue,
             report.priority)
    return "processed"


def mark_failed(report_id: int, reason: str) -> None:
    db.session.execute(
        update(Report).where(Report.id == report_id)
        .values(pipeline_state="failed", failure_reason=reason[:300])
    )
    db.session.commit()


@shared_task(name="sweep_unprocessed")
def sweep_unprocessed() -> int:
    """Enqueue reports the broker never got (it was down) or a dead worker left behind."""
    now = utcnow()
    due = db.session.scalars(
        select(Report).where(
            or_(
                (Report.pipeline_state == "received")
                & or_(Report.enqueued_at.is_(None), Report.enqueued_at < now - ENQUEUE_GRACE),
                (Report.pipeline_state == "processing") & (Report.claimed_at < now - STUCK_AFTER),
            )
        ).limit(500)
    ).all()
    sent = sum(enqueue_report(report) for report in due)
    if due:
        log.info("sweep: %s of %s unprocessed reports enqueued", sent, len(due))
    return sent
