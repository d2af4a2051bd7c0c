"""Rule conditions: the fields a rule may test, their operators, compiling and evaluating them.

A condition is a YAML mapping. Each entry is either a combinator (`all: [...]`, `any: [...]`,
`not: {...}`) or a field with its operators (`categories: {any_of: [detainer_hold]}`); several
entries in one mapping must all hold. Shorthands: `consent.referral: true`, `language: es`,
`agency.state: [TX, FL]` (one of), `urgent: true` (at least one urgent-level signal detected),
`level: check-now` (the urgency level: urgent, check-now or normal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NoReturn

from workers.contracts import AgencyFacts, ReportFacts

from ..states import Level
from .errors import LDict, LList, RulesError
from .text import fold, normalize, original_span, pattern_regex, phrase_regex

CATEGORIES = (
    "profiling", "traffic_stop", "status_questioning", "unlawful_detention", "detainer_hold",
    "transfer_to_ice", "citizen_detained", "language_access", "denied_counsel",
    "coerced_signature", "excessive_force", "medical_care", "family_separation", "retaliation",
    "property_seized", "home_entry", "jail_conditions", "other",
)  # fmt: skip
SIGNALS = (
    "in_custody_now", "transfer_imminent", "medical_emergency", "minor_involved", "injured",
    "citizenship_claim", "survivor", "emergency_now",
)  # fmt: skip
MODELS = ("JEM", "TFM", "WSO")
MODEL_NAMES = {
    "jail enforcement model": "JEM",
    "task force model": "TFM",
    "warrant service officer": "WSO",
}
YES_NO_UNKNOWN = ("yes", "no", "unknown")


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # "list", "str", "bool" or "text"
    allowed: tuple[str, ...] | None = None


FIELDS: dict[str, FieldSpec] = {
    "categories": FieldSpec("list", CATEGORIES),
    "agency.models": FieldSpec("list", MODELS),
    "urgent": FieldSpec("list", SIGNALS),
    "urgent_signals": FieldSpec("list", SIGNALS),
    "level": FieldSpec("str", Level.values()),
    "agency.name": FieldSpec("str"),
    "agency.state": FieldSpec("str"),
    "agency.county": FieldSpec("str"),
    "agency.status": FieldSpec("str", ("participating", "pending", "former")),
    "agency_choice": FieldSpec("str", ("listed", "other", "unknown")),
    "state": FieldSpec("str"),
    "county": FieldSpec("str"),
    "city": FieldSpec("str"),
    "language": FieldSpec("str"),
    "detained_now": FieldSpec("str", YES_NO_UNKNOWN),
    "transfer_expected": FieldSpec("str", YES_NO_UNKNOWN),
    "emergency_now": FieldSpec("str", YES_NO_UNKNOWN),
    "consent.review": FieldSpec("bool"),
    "consent.referral": FieldSpec("bool"),
    "consent.statistics": FieldSpec("bool"),
    "contact_possible": FieldSpec("bool"),
    "affected_minor": FieldSpec("bool"),
    "narrative": FieldSpec("text"),
}
OPERATORS: dict[str, tuple[str, ...]] = {
    "list": ("any_of", "all_of", "none_of", "empty"),
    "str": ("equals", "in", "empty"),
    "bool": ("equals",),
    "text": ("contains_any", "regex"),
}
COMBINATORS = ("all", "any", "not")


class Where:
    """Where in the rules file we are, to name it in a RulesError."""

    def __init__(self, source: str, where: str | None = None) -> None:
        self.source = source
        self.where = where

    def fail(self, line: int | None, detail: str) -> NoReturn:
        raise RulesError(self.source, line, self.where, detail)


# --- the facts, as conditions see them ------------------------------------------------------


def _fold_place(value: Any) -> str:
    text = fold(str(value))
    for suffix in (" county", " parish"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def _fold_scalar(field_name: str, value: Any) -> str:
    if field_name in ("detained_now", "transfer_expected", "emergency_now") and isinstance(
        value, bool
    ):
        return "yes" if value else "no"
    if field_name in ("county", "agency.county"):
        return _fold_place(value)
    return fold(str(value))


def _model_code(value: Any) -> str:
    text = str(value).strip()
    return MODEL_NAMES.get(text.lower(), text.upper())


class Context:
    """One report's facts, folded once, plus the urgency signals detected for it."""

    def __init__(
        self, facts: ReportFacts, urgent: Iterable[str] = (), level: str = Level.NORMAL
    ) -> None:
        self.facts = facts
        agency = facts.agency or AgencyFacts()
        consent = facts.consent
        self.values: dict[str, Any] = {
            "categories": list(facts.categories),
            "agency.models": [_model_code(m) for m in agency.models],
            "urgent": list(dict.fromkeys(urgent)),
            "level": level,
            "urgent_signals": list(facts.urgent_signals),
            "agency.name": agency.name,
            "agency.state": agency.state,
            "agency.county": agency.county,
            "agency.status": agency.status,
            "consent.review": consent.review,
            "consent.referral": consent.referral,
            "consent.statistics": consent.statistics,
            "contact_possible": facts.contact_possible,
            "affected_minor": facts.affected_minor,
            "agency_choice": facts.agency_choice,
            "state": facts.state,
            "county": facts.county,
            "city": facts.city,
            "language": facts.language,
            "detained_now": facts.detained_now,
            "transfer_expected": facts.transfer_expected,
            "emergency_now": facts.emergency_now,
        }
        self.narrative = facts.narrative_redacted
        self.narrative_folded, self.narrative_index = normalize(self.narrative)

    def evidence(self, match: re.Match[str]) -> str:
        return original_span(self.narrative, self.narrative_index, match.start(), match.end())


# --- condition trees -----------------------------------------------------------------------


@dataclass
class TraceRow:
    depth: int
    condition: str
    result: bool
    detail: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "depth": self.depth,
            "condition": self.condition,
            "result": self.result,
            "detail": self.detail,
        }


class Condition:
    line: int = 0

    def evaluate(self, ctx: Context, rows: list[TraceRow], depth: int = 0) -> bool:
        raise NotImplementedError

    def lines(self, depth: int = 0) -> list[tuple[int, str]]:
        raise NotImplementedError


@dataclass
class Always(Condition):
    def evaluate(self, ctx: Context, rows: list[TraceRow], depth: int = 0) -> bool:
        rows.append(TraceRow(depth, "always", True))
        return True

    def lines(self, depth: int = 0) -> list[tuple[int, str]]:
        return [(depth, "always")]


@dataclass
class Group(Condition):
    kind: str  # "all", "any" or "not"
    children: list[Condition] = field(default_factory=list)
    line: int = 0

    def evaluate(self, ctx: Context, rows: list[TraceRow], depth: int = 0) -> bool:
        header = TraceRow(depth, self._header(), False)
        rows.append(header)
        # Every child is evaluated (no short cut) so a dry run shows each one's result.
        results = [child.evaluate(ctx, rows, depth + 1) for child in self.children]
        if self.kind == "all":
            header.result = all(results)
        elif self.kind == "any":
            header.result = any(results)
        else:
            header.result = not all(results)
        return header.result

    def _header(self) -> str:
        return "not:" if self.kind == "not" else f"{self.kind} of:"

    def lines(self, depth: int = 0) -> list[tuple[int, str]]:
        out = [(depth, self._header())]
        for child in self.children:
            out.extend(child.lines(depth + 1))
        return out


def _quote_list(values: Iterable[str]) -> str:
    return ", ".join(f"\u201c{v}\u201d" for v in values)


@dataclass
class Test(Condition):
    field_name: str
    operator: str
    value: Any
    line: int = 0
    compiled: list[re.Pattern[str]] = field(default_factory=list)

    def text(self) -> str:
        f, op, v = self.field_name, self.operator, self.value
        if op == "any_of":
            return f"{f} includes any of: {', '.join(v)}"
        if op == "all_of":
            return f"{f} includes all of: {', '.join(v)}"
        if op == "none_of":
            return f"{f} includes none of: {', '.join(v)}"
        if op == "empty":
            return f"{f} is empty" if v else f"{f} is not empty"
        if op == "equals":
            return f"{f} is {str(v).lower() if isinstance(v, bool) else v}"
        if op == "in":
            return f"{f} is one of: {', '.join(v)}"
        if op == "contains_any":
            return f"{f} contains any of: {_quote_list(v)}"
        return f"{f} matches any of: {', '.join(f'/{p}/' for p in v)}"

    def lines(self, depth: int = 0) -> list[tuple[int, str]]:
        return [(depth, self.text())]

    def evaluate(self, ctx: Context, rows: list[TraceRow], depth: int = 0) -> bool:
        result, detail = self.check(ctx)
        rows.append(TraceRow(depth, self.text(), result, detail))
        return result

    def check(self, ctx: Context) -> tuple[bool, str | None]:
        op = self.operator
        if self.compiled:  # narrative
            for pattern in self.compiled:
                match = pattern.search(ctx.narrative_folded)
                if match:
                    return True, f"found \u201c{ctx.evidence(match)}\u201d"
            return False, None
        actual = ctx.values.get(self.field_name)
        spec = FIELDS[self.field_name]
        if spec.kind == "list":
            have = set(actual or ())
            shown = f"value: {', '.join(actual) if actual else '(none)'}"
            if op == "any_of":
                return bool(have & set(self.value)), shown
            if op == "all_of":
                return set(self.value) <= have, shown
            if op == "none_of":
                return not have & set(self.value), shown
            return (not have) == self.value, shown
        if spec.kind == "bool":
            return actual == self.value, f"value: {str(actual).lower()}"
        present = actual is not None and str(actual).strip() != ""
        shown = f"value: {actual if present else '(none)'}"
        if op == "empty":
            return (not present) == self.value, shown
        if not present:
            return False, shown
        folded = _fold_scalar(self.field_name, actual)
        wanted = [self.value] if op == "equals" else self.value
        return folded in {_fold_scalar(self.field_name, w) for w in wanted}, shown


# --- compiling from YAML -------------------------------------------------------------------


def _line_of(node: Any, key: Any, default: int) -> int:
    if isinstance(node, LDict):
        return node.key_lines.get(key, node.line)
    return default


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    return "text"


def compile_condition(
    node: Any,
    where: Where,
    line: int,
    macros: dict[str, str] | None = None,
    forbidden: tuple[str, ...] = (),
) -> Condition:
    """Compile a `when:` value (mapping, list meaning all, or empty meaning always)."""
    if node is None or (isinstance(node, dict | list) and not node):
        return Always()
    if isinstance(node, list):
        items = node.item_lines if isinstance(node, LList) else [line] * len(node)
        children = [
            compile_condition(child, where, ln, macros, forbidden)
            for child, ln in zip(node, items, strict=True)
        ]
        return children[0] if len(children) == 1 else Group("all", children, line)
    if not isinstance(node, dict):
        where.fail(line, f"a condition must be a mapping, not {_type_name(node)}")
    children: list[Condition] = []
    for key, value in node.items():
        key_line = _line_of(node, key, line)
        if key in COMBINATORS:
            children.append(_compile_group(key, value, where, key_line, macros, forbidden))
        elif key in FIELDS:
            if key in forbidden:
                where.fail(key_line, f"field '{key}' cannot be used here")
            children.extend(_compile_field(key, value, where, key_line, macros))
        else:
            known = ", ".join((*COMBINATORS, *FIELDS))
            where.fail(key_line, f"unknown field '{key}' (known: {known})")
    if len(children) == 1:
        return children[0]
    return Group("all", children, _line_of(node, None, line))


def _compile_group(
    kind: str,
    value: Any,
    where: Where,
    line: int,
    macros: dict[str, str] | None,
    forbidden: tuple[str, ...],
) -> Condition:
    if kind == "not":
        if not isinstance(value, dict | list) or not value:
            where.fail(line, f"'not' needs a condition, not {_type_name(value)}")
        return Group("not", [compile_condition(value, where, line, macros, forbidden)], line)
    if not isinstance(value, list) or not value:
        where.fail(line, f"'{kind}' needs a non-empty list of conditions, not {_type_name(value)}")
    items = value.item_lines if isinstance(value, LList) else [line] * len(value)
    children = []
    for child, child_line in zip(value, items, strict=True):
        if not isinstance(child, dict) or not child:
            where.fail(child_line, f"each item of '{kind}' must be a condition mapping")
        children.append(compile_condition(child, where, child_line, macros, forbidden))
    return Group(kind, children, line)


def _compile_field(
    name: str, value: Any, where: Where, line: int, macros: dict[str, str] | None
) -> list[Condition]:
    spec = FIELDS[name]
    if isinstance(value, dict):
        if not value:
            where.fail(
                line, f"field '{name}' needs an operator ({', '.join(OPERATORS[spec.kind])})"
            )
        ops = [(op, v, _line_of(value, op, line)) for op, v in value.items()]
    else:
        op = _shorthand(name, spec, value, where, line)
        if op == "empty" and isinstance(value, bool):
            value = not value  # `urgent: true` means at least one signal
        ops = [(op, value, line)]
    tests: list[Condition] = []
    for op, op_value, op_line in ops:
        if op not in OPERATORS[spec.kind]:
            where.fail(
                op_line,
                f"unknown operator '{op}' for field '{name}' "
                f"(known: {', '.join(OPERATORS[spec.kind])})",
            )
        tests.append(_compile_test(name, spec, op, op_value, where, op_line, macros))
    return tests


def _shorthand(name: str, spec: FieldSpec, value: Any, where: Where, line: int) -> str:
    if spec.kind == "list":
        return "empty" if isinstance(value, bool) else "any_of"
    if spec.kind == "str":
        return "in" if isinstance(value, list) else "equals"
    if spec.kind == "bool":
        return "equals"
    if isinstance(value, list | str):
        return "contains_any"
    where.fail(line, f"field '{name}' needs an operator ({', '.join(OPERATORS['text'])})")


def _text_list(value: Any, what: str, where: Where, line: int) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        where.fail(
            line, f"{what} must be text or a non-empty list of text, not {_type_name(value)}"
        )
    out = []
    for item in value:
        if isinstance(item, bool):
            where.fail(line, f'{what} must be text, not true/false (quote yes/no: "no")')
        if not isinstance(item, str | int | float):
            where.fail(line, f"{what} must be text, not {_type_name(item)}")
        if not str(item).strip():
            where.fail(line, f"{what} must not be empty text")
        out.append(str(item).strip())
    return out


def _compile_test(
    name: str,
    spec: FieldSpec,
    op: str,
    value: Any,
    where: Where,
    line: int,
    macros: dict[str, str] | None,
) -> Test:
    what = f"'{name}: {op}'"
    if op == "empty" or spec.kind == "bool":
        if not isinstance(value, bool):
            where.fail(line, f"{what} expects true or false, not {_type_name(value)}")
        return Test(name, op, value, line)
    if spec.kind == "text":
        values = _text_list(value, what, where, line)
        return Test(name, op, values, line, _text_regexes(op, values, where, line, macros))
    values = _choice_values(op, _yes_no_words(name, value), what, where, line)
    if spec.allowed is not None:
        values = _allowed_values(name, spec.allowed, values, where, line)
    return Test(name, op, values[0] if op == "equals" else values, line)


def _text_regexes(
    op: str, values: list[str], where: Where, line: int, macros: dict[str, str] | None
) -> list[re.Pattern[str]]:
    """A text test's phrases (contains_any) or patterns as regexes; a bad one fails its line."""
    compiled = []
    for item in values:
        try:
            if op == "contains_any":
                compiled.append(re.compile(phrase_regex(item)))
            else:
                compiled.append(pattern_regex(item, macros))
        except re.error as exc:
            where.fail(line, f"bad regex '{item}': {exc}")
    return compiled


def _yes_no_words(name: str, value: Any) -> Any:
    """YAML 1.1 reads an unquoted yes/no as a boolean; take it as the word that was meant."""
    if name not in ("detained_now", "transfer_expected"):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return [("yes" if v else "no") if isinstance(v, bool) else v for v in value]
    return value


def _choice_values(op: str, value: Any, what: str, where: Where, line: int) -> list[str]:
    if op != "equals":
        return _text_list(value, what, where, line)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        where.fail(line, f"{what} expects text, not {_type_name(value)}")
    return [str(value).strip()]


def _allowed_values(
    name: str, allowed: tuple[str, ...], values: list[str], where: Where, line: int
) -> list[str]:
    """The values, each checked against the field's known ones (agency models in capitals)."""
    models = name == "agency.models"
    for item in values:
        if (item.upper() if models else item) not in allowed:
            where.fail(
                line,
                f"unknown value '{item}' for field '{name}' (known: {', '.join(allowed)})",
            )
    return [v.upper() for v in values] if models else values
