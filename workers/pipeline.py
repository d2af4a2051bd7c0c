"""One report through the pipeline: anonymize -> route -> summarize; report in, results out.

`run` reads the report and returns what the steps made (`Processed`), writing nothing; `store`
puts that onto the report; `process` does both for a claimed report and commits. The steps are
plain functions (workers/anonymize, workers/route, workers/summarize) that see typed data
(workers/contracts.py) and never the database. Claims, retries and sweeps are workers/claims.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from flask import current_app

from intake.extensions import db
from intake.models import Report
from intake.reports.facts import STAFF_LANGUAGE, facts_of, known_values
from intake.timeutil import utcnow
from intake.untrusted import clean_optional, clean_text

from . import claims
from .anonymize import redact
from .contracts import KnownValues, Redaction, ReportFacts, RoutingDecision, Summary
from .i18n import shipped_languages, translator
from .nlp import SUPPORTED_LANGUAGES
from .route import default_rules_path, route
from .route.cache import RulesCache
from .states import PipelineState, Priority
from .summarize import summarize

SUMMARY_LANGUAGES = shipped_languages()  # a summary is written in each catalogue's language
# The report's free-text fields, anonymized together; the narrative is the one routed and
# summarized.
TEXT_FIELDS = ("narrative", "officer_details", "location_detail", "facility")

rules_cache = RulesCache(default_rules_path())


class StepFailed(Exception):
    """A pipeline step raised; carries the step's name for the reason shown to staff."""

    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(step)
        self.step = step
        # Only the exception's type: its message could quote the narrative.
        self.reason = f"{step} failed: {type(error).__name__}"


@dataclass(frozen=True)
class Processed:
    """What the steps made of one report."""

    redactions: dict[str, Redaction]  # by field name, for the fields that had text
    facts: ReportFacts  # with the routing decision's urgency (ReportFacts.with_routing)
    decision: RoutingDecision
    summary: Summary
    texts: dict[str, str]  # the summary in each staff language

    def redacted(self, name: str) -> str | None:
        found = self.redactions.get(name)
        return found.redacted if found else None


def clean_known(report: Report) -> KnownValues:
    """The reporter's typed values, cleaned as at the edge: rows stored before input was
    cleaned may hold a NUL, which PostgreSQL would refuse in the redacted text."""
    known = known_values(report)
    return KnownValues(
        reporter_name=clean_text(known.reporter_name),
        phone=clean_text(known.phone),
        email=clean_text(known.email),
        other_names=tuple(clean_text(name) for name in known.other_names),
    )


def anonymize_fields(report: Report, parse: bool = True) -> dict[str, Redaction]:
    """Each free-text field of the report that has text, anonymized in one batch; `parse`
    keeps the narrative's parse for routing and the summary (parsed once per task)."""
    texts = {
        "narrative": clean_text(report.narrative or ""),
        "officer_details": clean_optional(report.officer_details),
        "location_detail": clean_optional(report.location_detail),
        "facility": clean_optional(report.facility),
    }
    present = {name: text for name, text in texts.items() if text}
    # A language without a model is read by the steps' own fallbacks, not an English parse.
    parse = parse and report.language in SUPPORTED_LANGUAGES
    known = clean_known(report).as_dict()
    items = [
        {"id": name, "language": report.language, "text": text, "known": known}
        for name, text in present.items()
    ]
    try:
        parsed = {"narrative"} if parse else set()
        return dict(zip(present, redact(items, parsed=parsed), strict=True))
    except Exception as exc:
        raise StepFailed("anonymize", exc) from exc


def run(report: Report) -> Processed:
    """anonymize -> route -> summarize on one report; nothing is written."""
    redactions = anonymize_fields(report)
    redacted = {name: found.redacted if (found := redactions.get(name)) else None
                for name in TEXT_FIELDS}  # fmt: skip
    narrative = redactions.get("narrative")
    doc = narrative.doc if narrative else None
    facts = facts_of(report, redacted)
    try:
        decision = route(facts, rules_cache.get(), doc)
    except Exception as exc:
        raise StepFailed("route", exc) from exc
    facts = facts.with_routing(decision)
    try:
        summary = summarize(
            facts,
            facts.narrative_redacted,
            translator(STAFF_LANGUAGE),
            llm=current_app.config.get("SUMMARY_LLM"),  # parsed once at start (Settings)
            doc=doc,
        )
        texts = summary_texts(report, redacted, facts, summary)
    except Exception as exc:
        raise StepFailed("summarize", exc) from exc
    return Processed(redactions, facts, decision, summary, texts)


def summary_texts(
    report: Report, redacted: dict[str, str | None], facts: ReportFacts, summary: Summary
) -> dict[str, str]:
    """The summary in each language there is a catalogue for, for digests, which go out
    in each recipient's language. The narrative sentences are the ones already picked; a
    language model's answer, in the staff language, is not asked again in the others."""
    texts = {STAFF_LANGUAGE: summary.text}
    for language in SUMMARY_LANGUAGES:
        if language in texts:
            continue
        translated = replace(facts_of(report, redacted, language=language), urgent=facts.urgent)
        texts[language] = summarize(
            translated,
            facts.narrative_redacted,
            translator(language),
            llm=None,
            sentences=summary.sentences,
        ).text
    return texts


def redaction_record(processed: Processed) -> dict[str, Any]:
    """`Report.redaction`: how the narrative was redacted, and the other fields' redacted text."""
    narrative = processed.redactions.get("narrative") or Redaction("")
    officer = processed.redactions.get("officer_details") or Redaction("")
    return {
        "mode": narrative.mode,
        "kept": narrative.as_dict()["kept"],
        "redacted_count": narrative.redacted_count,
        "officer_details": processed.redacted("officer_details"),
        # Officers' names and badges kept in that field, for patterns (intake/patterns/).
        "officer_details_kept": officer.as_dict()["kept"],
        "location_detail": processed.redacted("location_detail"),
        "facility": processed.redacted("facility"),
    }


def apply_routing(report: Report, decision: RoutingDecision, since: datetime) -> None:
    """Write a routing decision onto `report`; its deadline counts from `since` (the report's
    arrival, or the reply that made it more pressing: workers/escalation.py)."""
    report.queue = decision.queue
    report.priority = decision.priority
    report.priority_rank = Priority.rank_of(decision.priority)
    report.urgent = decision.urgent
    report.level = decision.level
    report.flags = list(decision.flags)
    hours = decision.deadline_hours
    report.deadline_at = since + timedelta(hours=hours) if hours else None
    report.routing = decision.as_dict()


def store(report: Report, processed: Processed, now: datetime) -> None:
    """Write the results onto `report` and mark it processed (not committed)."""
    report.narrative_redacted = processed.redacted("narrative")
    report.redaction = redaction_record(processed)
    apply_routing(report, processed.decision, since=report.created_at)
    report.summary = processed.summary.text
    report.summary_detail = {**processed.summary.as_dict(), "texts": processed.texts}
    report.failure_reason = None
    report.pipeline_state = PipelineState.PROCESSED
    report.processed_at = now


def process(report: Report) -> RoutingDecision:
    """Run the pipeline on a report this worker has claimed (`claims.claim`, which loaded it)
    and commit the results; the routing decision stored (the caller reads it rather than the
    committed report, whose attributes the commit expired: a query more per report).
    StepFailed when a step raised (nothing is stored)."""
    db.session.add(report)  # back into the session the claim's commit kept it out of
    processed = run(report)
    # Lost in a database crash, the results are made again: the report is swept up unprocessed.
    claims.recomputable_transaction()
    store(report, processed, utcnow())
    db.session.commit()
    return processed.decision
