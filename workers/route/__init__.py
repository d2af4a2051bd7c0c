"""Routing: which queue a report goes to, how soon, who is alerted, and why.

Pure functions over a report's facts (`workers.contracts.ReportFacts`): nothing here imports
`intake` or needs a database or broker.

    rules = load_rules()              # or load_rules(path); raises RulesError naming rule and line
    decision = route(facts, rules)    # a RoutingDecision: queue, priority, urgent, level,
                                      # deadline_hours, flags, alert, signals, matched, ...
    dry_run(sample, rules)            # the decision plus a per-rule trace
"""

from .engine import complete_sample, detect_urgency, dry_run, route
from .errors import RulesError
from .schema import Queue, Rule, Rules, default_rules_path, load_rules, parse_rules

__all__ = [
    "Queue",
    "Rule",
    "Rules",
    "RulesError",
    "complete_sample",
    "default_rules_path",
    "detect_urgency",
    "dry_run",
    "load_rules",
    "parse_rules",
    "route",
]
