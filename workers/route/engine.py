"""Applying rules to a report's facts: the decision, its explanation, and a dry-run trace.

Rules run in file order. Each rule whose `when` holds applies its `then`: `queue` (which also
resets the deadline to the queue's own unless the rule sets `deadline_hours`), `priority`,
`deadline_hours`, `flags` (added), `alert` (added; `true` means the current queue's on-call
list). `stop: true` ends evaluation, as in osTicket or Zammad. A report that no rule moves
stays in the default queue (general-intake) with the default priority.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from workers.contracts import ReportFacts, RoutingDecision, Signal

from .conditions import Context, TraceRow
from .levels import NORMAL, URGENT, strongest
from .schema import Rules, default_rules_path, describe_changes, load_rules
from .urgency import detect


def detect_urgency(
    facts: ReportFacts | Mapping[str, Any], rules: Rules | None = None
) -> list[dict[str, Any]]:
    """Urgency signals for a report: `[{"signal", "source": "form"|"narrative", "evidence",
    "level": "urgent"|"check-now", "time"}]`.

    Uses the urgency section of `rules` (the shipped default rules when None).
    """
    return detect(complete_sample(facts), (rules or _shipped_rules()).urgency)[0]


@functools.cache
def _shipped_rules() -> Rules:
    return load_rules(default_rules_path())


def route(facts: ReportFacts, rules: Rules, doc: Any = None) -> RoutingDecision:
    """Decide queue, priority, deadline, flags and alerts for one report.

    `doc` is the spaCy parse of `facts.narrative_redacted` when the caller has one
    (workers/parsed.py); without it the narrative is parsed here."""
    decision, _trace, _suppressed = _evaluate(facts, rules, doc)
    return decision


def dry_run(facts_or_sample: ReportFacts | Mapping[str, Any] | str, rules: Rules) -> dict[str, Any]:
    """`route` plus how it got there, for the admin dry-run page and `rules test`.

    Accepts full facts, a partial sample (missing keys take ReportFacts' defaults) or a bare
    narrative string. Returns the decision (JSON) with three more keys: `facts` (as evaluated),
    `trace` (per rule: evaluated, matched, each condition's result) and `urgency_suppressed`
    (narrative matches dropped by negation, with the reason).
    """
    facts = complete_sample(facts_or_sample)
    decision, trace, suppressed = _evaluate(facts, rules)
    return {
        **decision.as_dict(),
        "facts": facts.as_dict(),
        "trace": trace,
        "urgency_suppressed": suppressed,
    }


def complete_sample(facts_or_sample: ReportFacts | Mapping[str, Any] | str) -> ReportFacts:
    """Full facts from a partial sample (TypeError naming a key of the wrong type) or a
    narrative string."""
    if isinstance(facts_or_sample, ReportFacts):
        return facts_or_sample
    if isinstance(facts_or_sample, str):
        return ReportFacts(narrative_redacted=facts_or_sample)
    return ReportFacts.from_mapping(facts_or_sample)


def _evaluate(
    facts: ReportFacts, rules: Rules, doc: Any = None
) -> tuple[RoutingDecision, list[dict[str, Any]], list[dict[str, Any]]]:
    # No learned scorer beside the rules: trained on the reader's findings it learned nothing
    # they do not say, on words it fitted the templates (bench/triage_train.py, RESULTS-triage).
    urgency, suppressed = detect(facts, rules.urgency, doc)
    level = strongest(u["level"] for u in urgency)
    ctx = Context(facts, [u["signal"] for u in urgency if u["level"] == URGENT], level)
    default_queue = rules.queues[rules.default_queue]
    state: dict[str, Any] = {
        "queue": default_queue.name,
        "priority": rules.default_priority,
        "deadline_hours": default_queue.deadline_hours,
        "flags": [],
        "alert": [],
    }
    matched: list[dict[str, Any]] = []
    trace: list[dict[str, Any]] = []
    stopped_by: str | None = None
    for rule in rules.rules:
        entry: dict[str, Any] = {
            "rule": rule.name,
            "line": rule.line,
            "evaluated": False,
            "matched": False,
            "conditions": [],
            "note": None,
        }
        trace.append(entry)
        if stopped_by is not None:
            entry["note"] = f"not evaluated: rule {stopped_by} stopped evaluation"
            continue
        if not rule.enabled:
            entry["note"] = "disabled"
            continue
        rows: list[TraceRow] = []
        entry["evaluated"] = True
        entry["matched"] = rule.when.evaluate(ctx, rows)
        entry["conditions"] = [row.as_dict() for row in rows]
        if not entry["matched"]:
            continue
        changes = _apply(rule.then, state, rules)
        entry["changes"] = changes
        matched.append({"rule": rule.name, "description": rule.description, "changes": changes})
        if rule.stop:
            stopped_by = rule.name
            entry["note"] = "stopped evaluation"
    if state["priority"] == URGENT:
        level = URGENT  # a rule made it urgent: the level follows
    decision = RoutingDecision(
        queue=state["queue"],
        priority=state["priority"],
        deadline_hours=state["deadline_hours"],
        urgent=level == URGENT,
        level=level,
        flags=tuple(state["flags"]),
        alert=tuple(state["alert"]),
        signals=tuple(Signal.from_mapping(u) for u in urgency),
        matched=tuple(matched),
        explanation=explain(urgency, matched, state, rules, level),
        rules_version=rules.version,
    )
    return decision, trace, suppressed


def _apply(then: dict[str, Any], state: dict[str, Any], rules: Rules) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if "queue" in then:
        state["queue"] = changes["queue"] = then["queue"]
        if "deadline_hours" not in then:
            state["deadline_hours"] = rules.queues[then["queue"]].deadline_hours
            changes["deadline_hours"] = state["deadline_hours"]
    if "priority" in then:
        state["priority"] = changes["priority"] = then["priority"]
    if "deadline_hours" in then:
        state["deadline_hours"] = changes["deadline_hours"] = then["deadline_hours"]
    if "flags" in then:
        changes["flags"] = list(then["flags"])
        state["flags"].extend(f for f in then["flags"] if f not in state["flags"])
    if "alert" in then:
        lists = then["alert"]
        if lists is True:
            on_call = rules.queues[state["queue"]].on_call
            lists = [on_call] if on_call else []
        changes["alert"] = list(lists)
        state["alert"].extend(name for name in lists if name not in state["alert"])
    return changes


def explain(
    urgency: list[dict[str, Any]],
    matched: list[dict[str, Any]],
    state: dict[str, Any],
    rules: Rules,
    level: str = NORMAL,
) -> str:
    """One line for staff: the level and why, then which rule set which part of the decision.

    `urgent because: someone in custody now: “lo tienen en el condado desde el viernes”
    (narrative); ...`; signals of the level below follow as `also worth a check: ...`.
    """
    parts = []
    shown = [u for u in urgency if u["level"] == level] if level != NORMAL else []
    if shown:
        head = "urgent because: " if level == URGENT else "check now because: "
        parts.append(head + ", ".join(signal_text(item, rules) for item in shown))
        rest = [u for u in urgency if u["level"] != level]
        if rest:
            parts.append("also worth a check: " + ", ".join(signal_text(u, rules) for u in rest))
    else:
        parts.append("no urgency signal")
    for item in matched:
        if item["changes"]:
            parts.append(
                f"{', '.join(describe_changes(item['changes']))} because rule {item['rule']}"
            )
    if not any(item["changes"].get("queue") for item in matched):
        parts.append(f"queue {state['queue']} because no rule chose a queue (default)")
    return "; ".join(parts)


def signal_text(item: dict[str, Any], rules: Rules) -> str:
    """One signal for staff, each fact said once: `someone is in custody (now): “lo tienen en la
    cárcel” (narrative)`, `someone in custody (form: detained_now is yes)`."""
    label = rules.urgency.label(item["signal"])
    time = item.get("time")
    if time in ("now", "imminent"):
        label = f"{label} {time}"
    elif time:
        label = f"{label}, {time}"
    if item["source"] == "narrative":
        return f"{label}: \u201c{item['evidence']}\u201d (narrative)"
    if item["evidence"] == "ticked":
        return f"{label} (ticked on the form)"
    return f"{label} (form: {item['evidence']})"
