"""Loading and validating a rules file into `Rules`.

Top level: `version`, `queues`, `rules`, optional `default_queue` (default `general-intake`),
`default_priority` (default `normal`) and `urgency` (the phrase lists, see urgency.py). Anything
unknown, mistyped or pointing at an undeclared queue is refused with a RulesError that names the
rule (or queue) and the line, so the running system can keep its last good rules.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..states import Priority
from .conditions import Condition, Where, compile_condition
from .errors import LDict, LList, RulesError, load_yaml
from .urgency import UrgencyConfig, compile_urgency

_TOP_KEYS = ("version", "description", "default_queue", "default_priority", "queues", "rules",
             "urgency")  # fmt: skip
_QUEUE_KEYS = ("description", "on_call", "deadline_hours")
_RULE_KEYS = ("name", "description", "when", "then", "stop", "enabled")
_ACTION_KEYS = ("queue", "priority", "deadline_hours", "flags", "alert")


def default_rules_path() -> Path:
    """The rules file that ships with the code (workers/route/rules.yaml)."""
    return Path(__file__).with_name("rules.yaml")


@dataclass(frozen=True)
class Queue:
    name: str
    description: str
    on_call: str | None
    deadline_hours: int | None
    line: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "on_call": self.on_call,
            "deadline_hours": self.deadline_hours,
        }


@dataclass
class Rule:
    name: str
    description: str
    when: Condition
    then: dict[str, Any]
    stop: bool = False
    enabled: bool = True
    line: int = 0

    def action_texts(self) -> list[str]:
        return describe_changes(self.then)


def describe_changes(changes: dict[str, Any]) -> list[str]:
    """Actions or changes as short phrases: `queue legal`, `deadline 24 h`, `alert on-call`."""
    out = []
    for key in _ACTION_KEYS:
        if key not in changes:
            continue
        value = changes[key]
        if key == "deadline_hours":
            out.append("no deadline" if value is None else f"deadline {value} h")
        elif key == "alert" and value is True:
            out.append("alert the queue's on-call list")
        elif key in ("flags", "alert"):
            out.append(f"{'flag' if key == 'flags' else 'alert'} {', '.join(value)}")
        else:
            out.append(f"{key} {value}")
    return out


@dataclass
class Rules:
    """A validated rule set. Treat as read-only; load a new one to change the rules."""

    version: str
    queues: dict[str, Queue]
    rules: list[Rule]
    default_queue: str
    default_priority: str
    urgency: UrgencyConfig
    description: str = ""
    source: str = "rules.yaml"
    path: str | None = None
    checksum: str = ""  # of the rules text: which file a decision was made with
    on_call_lists: tuple[str, ...] = field(default_factory=tuple)

    def to_display(self) -> dict[str, Any]:
        """Everything an admin page needs to show the rules, as plain text and lists."""
        return {
            "version": self.version,
            "description": self.description,
            "source": self.source,
            "path": self.path,
            "checksum": self.checksum,
            "default_queue": self.default_queue,
            "default_priority": self.default_priority,
            "queues": [q.as_dict() for q in self.queues.values()],
            "rules": [
                {
                    "name": rule.name,
                    "description": rule.description,
                    "line": rule.line,
                    "enabled": rule.enabled,
                    "stop": rule.stop,
                    "when": [{"depth": d, "text": t} for d, t in rule.when.lines()],
                    "when_text": "\n".join("  " * d + t for d, t in rule.when.lines()),
                    "then": rule.action_texts() + (["stop"] if rule.stop else []),
                }
                for rule in self.rules
            ],
            "urgency": {
                "signals": [
                    {
                        "signal": spec.code,
                        "label": spec.label,
                        "phrases": [m.source for m in spec.matchers],
                        "cancelled_by": [m.source for m in spec.cancelled_by],
                    }
                    for spec in self.urgency.signals.values()
                ],
                "form": [{"signal": f.signal, "when": f.text()} for f in self.urgency.form],
                "negation_cues": [m.source for m in self.urgency.negation_cues],
                "window_words": self.urgency.window_words,
            },
        }


def load_rules(path: str | Path | None = None) -> Rules:
    """Read and validate a rules file (the shipped default when `path` is None)."""
    path = Path(path) if path is not None else default_rules_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(path.name, None, None, f"cannot read the rules file: {exc}") from None
    rules = parse_rules(text, source=path.name)
    rules.path = str(path)
    return rules


def parse_rules(text: str, source: str = "rules.yaml") -> Rules:
    """Validate rules given as YAML text (for an admin's upload or a test)."""
    doc = load_yaml(text, source)
    top = Where(source)
    if not isinstance(doc, dict):
        top.fail(None, "the rules file must be a mapping with version, queues and rules")
    for key in doc:
        if key not in _TOP_KEYS:
            top.fail(_line(doc, key, 1), f"unknown field '{key}' (known: {', '.join(_TOP_KEYS)})")
    for key in ("version", "queues", "rules"):
        if key not in doc:
            top.fail(None, f"missing '{key}'")
    version = doc["version"]
    if (
        isinstance(version, bool)
        or not isinstance(version, str | int | float)
        or not str(version).strip()
    ):
        top.fail(_line(doc, "version", 1), 'version must be text such as "2025.1"')
    description = doc.get("description") or ""
    if not isinstance(description, str):
        top.fail(_line(doc, "description", 1), "description must be text")

    queues = _parse_queues(doc["queues"], source, _line(doc, "queues", 1))
    default_queue = doc.get("default_queue", "general-intake")
    if default_queue not in queues:
        top.fail(
            _line(doc, "default_queue" if "default_queue" in doc else "queues", None),
            f"default queue '{default_queue}' is not declared under queues",
        )
    default_priority = doc.get("default_priority", Priority.NORMAL.value)
    if default_priority not in Priority.values():
        top.fail(
            _line(doc, "default_priority", doc.line),
            f"default_priority must be one of {', '.join(Priority.values())}",
        )
    urgency = compile_urgency(doc.get("urgency"), source, _line(doc, "urgency", 1))
    on_call = tuple(dict.fromkeys(q.on_call for q in queues.values() if q.on_call))
    rules = _parse_rules(doc["rules"], source, _line(doc, "rules", 1), queues, on_call, urgency)
    return Rules(
        version=str(version).strip(),
        queues=queues,
        rules=rules,
        default_queue=default_queue,
        default_priority=default_priority,
        urgency=urgency,
        description=description.strip(),
        source=source,
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        on_call_lists=on_call,
    )


def _line(node: Any, key: Any, default: int | None) -> int | None:
    if isinstance(node, LDict):
        return node.key_lines.get(key, node.line)
    return default


def _known_keys(spec: dict, known: tuple[str, ...], where: Where, line: int | None) -> None:
    for key in spec:
        if key not in known:
            where.fail(_line(spec, key, line), f"unknown field '{key}' (known: {', '.join(known)})")


def _positive_hours(value: Any, where: Where, line: int | None, allow_none: bool) -> int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        where.fail(line, f"deadline_hours must be a whole number of hours above 0, not {value!r}")
    return value


def _parse_queues(node: Any, source: str, line: int | None) -> dict[str, Queue]:
    top = Where(source)
    if not isinstance(node, dict) or not node:
        top.fail(line, "queues must be a mapping of queue name to its settings")
    queues: dict[str, Queue] = {}
    for name, spec in node.items():
        qline = _line(node, name, line)
        where = Where(source, f"queue '{name}'")
        if not isinstance(name, str) or not name.strip():
            top.fail(qline, f"queue names must be text, not {name!r}")
        if spec is None:
            spec = LDict()
        if not isinstance(spec, dict):
            where.fail(qline, "a queue must be a mapping (description, on_call, deadline_hours)")
        _known_keys(spec, _QUEUE_KEYS, where, qline)
        description = spec.get("description") or ""
        if not isinstance(description, str):
            where.fail(_line(spec, "description", qline), "description must be text")
        on_call = spec.get("on_call")
        if on_call is not None and (not isinstance(on_call, str) or not on_call.strip()):
            where.fail(_line(spec, "on_call", qline), "on_call must be the name of an on-call list")
        hours = _positive_hours(
            spec.get("deadline_hours"), where, _line(spec, "deadline_hours", qline), True
        )
        queues[name] = Queue(name, description.strip(), on_call, hours, qline or 0)
    return queues


def _parse_rules(
    node: Any,
    source: str,
    line: int | None,
    queues: dict[str, Queue],
    on_call: tuple[str, ...],
    urgency: UrgencyConfig,
) -> list[Rule]:
    top = Where(source)
    if not isinstance(node, list):
        top.fail(line, "rules must be a list")
    lines = node.item_lines if isinstance(node, LList) else [line] * len(node)
    rules: list[Rule] = []
    names: set[str] = set()
    for index, (spec, rline) in enumerate(zip(node, lines, strict=True), start=1):
        name = spec.get("name") if isinstance(spec, dict) else None
        label = f"rule '{name}'" if isinstance(name, str) and name else f"rule #{index}"
        where = Where(source, label)
        name, description = _rule_header(spec, where, rline, names)
        names.add(name)
        when = compile_condition(
            spec.get("when"), where, _line(spec, "when", rline) or 0, urgency.macros
        )
        if "then" not in spec:
            where.fail(rline, "a rule needs 'then' (its actions)")
        then = _parse_actions(spec["then"], where, _line(spec, "then", rline), queues, on_call)
        rules.append(
            Rule(
                name=name.strip(),
                description=" ".join(description.split()),
                when=when,
                then=then,
                stop=spec.get("stop", False),
                enabled=spec.get("enabled", True),
                line=rline or 0,
            )
        )
    return rules


def _rule_header(spec: Any, where: Where, rline: int | None, names: set[str]) -> tuple[str, str]:
    """A rule's name and description, its keys, stop and enabled checked."""
    if not isinstance(spec, dict):
        where.fail(rline, "a rule must be a mapping with name, when and then")
    _known_keys(spec, _RULE_KEYS, where, rline)
    name = spec.get("name")
    if isinstance(name, bool):
        where.fail(_line(spec, "name", rline), "name must be text (quote yes/no/on/off)")
    if not isinstance(name, str) or not name.strip():
        where.fail(rline, "a rule needs a name")
    if name in names:
        where.fail(_line(spec, "name", rline), "another rule has the same name")
    description = spec.get("description") or ""
    if not isinstance(description, str):
        where.fail(_line(spec, "description", rline), "description must be text")
    for flag in ("stop", "enabled"):
        if flag in spec and not isinstance(spec[flag], bool):
            where.fail(_line(spec, flag, rline), f"{flag} must be true or false")
    return name, description


def _parse_actions(
    node: Any,
    where: Where,
    line: int | None,
    queues: dict[str, Queue],
    on_call: tuple[str, ...],
) -> dict[str, Any]:
    if not isinstance(node, dict) or not node:
        where.fail(line, f"'then' must be a mapping of actions ({', '.join(_ACTION_KEYS)})")
    actions: dict[str, Any] = {}
    for key, value in node.items():
        at = _line(node, key, line)
        if key == "queue":
            if value not in queues:
                where.fail(at, f"queue '{value}' is not declared under queues")
        elif key == "priority":
            if value not in Priority.values():
                codes = ", ".join(Priority.values())
                where.fail(at, f"priority must be one of {codes}, not {value!r}")
        elif key == "deadline_hours":
            value = _positive_hours(value, where, at, False)
        elif key == "flags":
            value = _flag_names(value, where, at)
        elif key == "alert":
            value = _alert_lists(value, node.get("queue"), where, at, queues, on_call)
        else:
            where.fail(at, f"unknown action '{key}' (known: {', '.join(_ACTION_KEYS)})")
        actions[key] = value
    return actions


def _flag_names(value: Any, where: Where, at: int | None) -> list[str]:
    value = [value] if isinstance(value, str) else value
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        where.fail(at, "flags must be a flag name or a list of flag names")
    return [v.strip() for v in value]


def _alert_lists(
    value: Any,
    queue: Any,
    where: Where,
    at: int | None,
    queues: dict[str, Queue],
    on_call: tuple[str, ...],
) -> Any:
    """`true` (the queue's on-call list, which it must have) or on-call list names."""
    if value is True:
        if queue in queues and not queues[queue].on_call:
            where.fail(at, f"alert: true, but queue '{queue}' has no on_call list")
        return value
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        where.fail(at, "alert must be true (the queue's on-call list) or list names")
    for name in value:
        if name not in on_call:
            where.fail(
                at,
                f"alert list '{name}' is not the on_call of any queue "
                f"(known: {', '.join(on_call) or 'none'})",
            )
    return value
