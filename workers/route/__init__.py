"""Routing: which queue a report goes to, how soon, who is alerted, and why.

Pure functions over a plain "facts" dict (see engine.SAMPLE_FACTS): nothing here imports
`intake` or needs a database or broker.

    rules = load_rules()              # or load_rules(path); raises RulesError naming rule and line
    decision = route(facts, rules)    # queue, priority, urgent, deadline_hours, flags, alert,
                                      # matched, urgency, explanation, rules_version
    dry_run(sample, rules)            # the decision plus a per-rule trace
"""

from .engine import SAMPLE_FACTS, complete_sample, detect_urgency, dry_run, route
from .errors import RulesError
from .schema import Queue, Rule, Rules, default_rules_path, load_rules, parse_rules

__all__ = [
    "SAMPLE_FACTS",
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
