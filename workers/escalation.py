"""A reporter's reply that makes a report more pressing: "they took him to the jail tonight".

The narrative was routed when the report came in; a reply on the follow-up page can tell of an
emergency that started since. Once the reply is redacted, the report is routed again on its
redacted narrative and every redacted reporter reply, in order. A stronger level is stored
(and an urgent one pages on-call, like a new urgent report); a weaker or equal one changes
nothing: a reply never lowers a level ("he's home now" is for staff to judge), and a report
already urgent is not paged twice (the delivery ledger sends once per recipient anyway).
"""

from __future__ import annotations

from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.models.audit import audit
from intake.reports.facts import facts_of

from .contracts import RoutingDecision
from .pipeline import TEXT_FIELDS, apply_routing, rules_cache
from .route import route
from .route.levels import strongest
from .states import Level, Sender

# Between the narrative and the replies routed together: a paragraph break, so that no
# sentence runs from one message into the next.
BETWEEN = "\n\n"


def more_pressing(new: str, old: str | None) -> bool:
    """True when level `new` is above `old` (an unknown or missing old level counts as normal)."""
    before = old if old in Level.values() else Level.NORMAL
    return new != before and strongest([new, before]) == new


def conversation_text(report: Report) -> str:
    """The redacted narrative, then each redacted reporter reply, oldest first."""
    replies = db.session.scalars(
        select(ReportMessage.body_redacted)
        .where(
            ReportMessage.report_id == report.id,
            ReportMessage.sender == Sender.REPORTER,
            ReportMessage.body_redacted.is_not(None),
        )
        .order_by(ReportMessage.id)
    ).all()
    return BETWEEN.join(text for text in (report.narrative_redacted, *replies) if text)


def reroute(report: Report, message: ReportMessage) -> RoutingDecision | None:
    """Route `report` again with its replies; store and return the decision when `message`
    made it more pressing, else None. Committed by the caller."""
    stored = report.redaction or {}  # the other fields as the pipeline redacted them
    redacted = {name: stored.get(name) for name in TEXT_FIELDS}
    redacted["narrative"] = conversation_text(report)
    decision = route(facts_of(report, redacted), rules_cache.get())
    if not more_pressing(decision.level, report.level):
        return None
    before = report.level
    apply_routing(report, decision, since=message.created_at)
    audit(
        "report.escalated",
        report_id=report.id,
        message_id=message.id,
        before=before,
        after=decision.level,
    )
    return decision
