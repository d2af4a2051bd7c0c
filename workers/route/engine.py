"""Applying rules to a report's facts: the decision, its explanation, and a dry-run trace.

Rules run in file order. Each rule whose `when` holds applies its `then`: `queue` (which also
resets the deadline to the queue's own unless the rule sets `deadline_hours`), `priority`,
`deadline_hours`, `flags` (added), `alert` (added; `true` means the current queue's on-call
list). `stop: true` ends evaluation, as in osTicket or Zammad. A report that no rule moves
stays in the default queue (general-intake) with the default priority.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from .conditions import Context, TraceRow
from .schema import Rules, default_rules_path, describe_changes, load_rules
from .urgency import detect

SAMPLE_FACTS: dict[str, Any] = {
    "id": None,
    "language": "en",
    "categories": [],
    "agency": None,
    "agency_choice": "unknown",
    "state": None,
    "county": None,
    "city": None,
    "urgent_signals": [],
    "detained_now": None,
    "transfer_expected": None,
    "affected_minor": False,
    "consent": {"review": True, "referral": False, "statistics": False},
    "contact_possible": False,
    "narrative_redacted": "",
}


def detect_urgency(facts: dict[str, Any], rules: Rules | None = None) -> list[dict[str, str]]:
    """Urgency signals for a report: `[{"signal", "source": "form"|"narrative", "evidence"}]`.

    Uses the phrase lists of `rules` (the shipped default rules when None).
    """
    return detect(facts, (rules or _shipped_rules()).urgency)[0]


@functools.cache
def _shipped_rules() -> Rules:
    return load_rules(default_rules_path())


def route(facts: dict[str, Any], rules: Rules) -> dict[str, Any]:
    """Decide queue, priority, deadline, flags and alerts for one report; JSON-ready."""
    decision, _trace, _suppressed = _evaluate(facts, rules)
    return decision


def dry_run(facts_or_sample: dict[str, Any] | str, rules: Rules) -> dict[str, Any]:
    """`route` plus how it got there, for the admin dry-run page and `rules test`.

    Accepts full facts, a partial sample (missing keys take SAMPLE_FACTS values) or a bare
    narrative string. Returns the decision with three more keys: `facts` (as evaluated),
    `trace` (per rule: evaluated, matched, each condition's result) and `urgency_suppressed`
    (narrative matches dropped by negation, with the reason).
    """
    facts = complete_sample(facts_or_sample)
    decision, trace, suppressed = _evaluate(facts, rules)
    return {**decision, "facts": facts, "trace": trace, "urgency_suppressed": suppressed}


def complete_sample(facts_or_sample: dict[str, Any] | str) -> dict[str, Any]:
    """A full facts dict from a partial sample or a narrative string."""
    if isinstance(facts_or_sample, str):
        facts_or_sample = {"narrative_redacted": facts_or_sample}
    facts = copy.deepcopy(SAMPLE_FACTS)
    for key, value in facts_or_sample.items():
        if key == "consent" and isinstance(value, dict):
            facts["consent"] = {**facts["consent"], **value}
        else:
            facts[key] = copy.deepcopy(value)
    return facts


def _evaluate(
    facts: dict[str, Any], rules: Rules
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    urgency, suppressed = detect(facts, rules.urgency)
    ctx = Context(facts, [u["signal"] for u in urgency])
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
    urgent = bool(urgency) or state["priority"] == "urgent"
    decision = {
        **state,
        "urgent": urgent,
        "matched": matched,
        "urgency": urgency,
        "explanation": explain(urgency, matched, state, rules),
        "rules_version": rules.version,
    }
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
    urgency: list[dict[str, str]],
    matched: list[dict[str, Any]],
    state: dict[str, Any],
    rules: Rules,
) -> str:
    """One line for staff: why urgent, and which rule set which part of the decision."""
    parts = []
    if urgency:
        by_signal: dict[str, list[str]] = {}
        for item in urgency:
            evidence = item["evidence"]
            if item["source"] == "narrative":
                evidence = f"\u201c{evidence}\u201d"
            by_signal.setdefault(item["signal"], []).append(f"{item['source']}: {evidence}")
        reasons = [
            f"{rules.urgency.label(signal)} ({'; '.join(sources)})"
            for signal, sources in by_signal.items()
        ]
        parts.append("urgent because: " + ", ".join(reasons))
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
