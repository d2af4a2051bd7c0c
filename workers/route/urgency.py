"""Urgency detection: from what the reporter ticked or answered on the form, and from what the
redacted narrative says is happening (situation.py), each detection with its level and evidence.

Levels: `urgent` (someone is held now, a transfer or a medical emergency is happening or about to:
page a person), `check-now` (it might be: a concept whose time is unclear, a label such as
"survivor" without a present danger, a form answer of "I don't know": top of the queue, no
page-out) and `normal`. Recall first: what might be urgent is never normal.

The concepts, their time and polarity are code (concepts.py, read with spaCy's parse); the rules
file adds labels, form answers and, if an organisation wants them, extra phrases per signal
(matched the old way: whole words, negation cue just before, cancelling phrase in the sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workers.contracts import ReportFacts

from .concepts import Concept
from .conditions import SIGNALS, Condition, Context, Where, compile_condition
from .errors import LDict, LList
from .levels import CHECK_NOW, NORMAL, URGENT, strongest
from .situation import Finding, Time, read
from .text import normalize, original_span, pattern_regex, phrase_regex

_CLAUSE_BREAK = re.compile(
    r"[.,;:!?()\[\]\"\n]|(?<!\w)(?:but|and|then|although|though|however|"
    r"pero|y|e|aunque|sino|luego|despues)(?!\w)"
)
_SENTENCE_BREAK = re.compile(r"[.!?;\n]+")
_TIME_WORDS = {Time.NOW: "now", Time.IMMINENT: "imminent", Time.UNCLEAR: "time unclear"}


@dataclass
class Matcher:
    source: str  # the phrase or pattern as written in the rules file
    regex: re.Pattern[str]


@dataclass
class SignalSpec:
    code: str
    label: str
    matchers: list[Matcher] = field(default_factory=list)
    cancelled_by: list[Matcher] = field(default_factory=list)


@dataclass
class FormSpec:
    signal: str
    condition: Condition
    line: int = 0
    level: str = URGENT

    def text(self) -> str:
        return " and ".join(text for _, text in self.condition.lines() if text != "all of:")


@dataclass
class UrgencyConfig:
    signals: dict[str, SignalSpec] = field(default_factory=dict)
    form: list[FormSpec] = field(default_factory=list)
    negation_cues: list[Matcher] = field(default_factory=list)
    not_negations: list[Matcher] = field(default_factory=list)
    window_words: int = 3
    macros: dict[str, str] = field(default_factory=dict)
    # Read the narrative's situation (concepts, time, polarity); off only when a rules file
    # has no `urgency:` section or says `read_narrative: false`.
    read_narrative: bool = False

    def label(self, code: str) -> str:
        spec = self.signals.get(code)
        return spec.label if spec else code.replace("_", " ")


def detect(
    facts: ReportFacts, config: UrgencyConfig, doc: Any = None
) -> tuple[list[dict], list[dict]]:
    """Return (detections, suppressed narrative matches) for one report's facts; `doc` is the
    narrative's spaCy parse when the caller has one (else it is parsed here).

    A detection is `{"signal", "source": "form" | "narrative", "evidence", "level", "time"}`;
    a signal appears at most once per source, at its strongest level. Suppressed matches carry
    a `reason` (negated, over, resolved) for the dry-run page.
    """
    found: dict[tuple[str, str], dict] = {}

    def add(signal: str, source: str, evidence: str, level: str, time: str | None = None) -> None:
        item = {"signal": signal, "source": source, "evidence": evidence, "level": level,
                "time": time}  # fmt: skip
        key = (signal, source)
        if key not in found or strongest([found[key]["level"], level]) != found[key]["level"]:
            found[key] = item

    for code in facts.urgent_signals:
        add(code, "form", "ticked", URGENT)
    ctx = Context(facts)
    for spec in config.form:
        if spec.condition.evaluate(ctx, []):
            add(spec.signal, "form", spec.text(), spec.level)

    suppressed: list[dict] = []
    narrative = facts.narrative_redacted
    if narrative.strip():
        if config.read_narrative:
            findings = read(narrative, _nlp(facts.language), doc)
            for signal, evidence, level, time in _levels(findings):
                add(signal, "narrative", evidence, level, time)
            seen = set()
            for f in findings:
                if f.suppressed and (f.concept, f.evidence) not in seen:
                    seen.add((f.concept, f.evidence))
                    suppressed.append(
                        {"signal": f.concept.value, "evidence": f.evidence, "reason": f.suppressed}
                    )
        folded, index = normalize(narrative)
        for spec in config.signals.values():
            evidence = _first_match(spec, folded, index, narrative, config, suppressed)
            if evidence is not None:
                add(spec.code, "narrative", evidence, URGENT)
    return list(found.values()), suppressed


def _nlp(language: Any):  # noqa: ANN202
    from workers.nlp import SUPPORTED_LANGUAGES, get_nlp  # spaCy loads only when needed

    return get_nlp(language if language in SUPPORTED_LANGUAGES else "en")


def _levels(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    """(signal, evidence, level, time) for the findings that count, strongest first per signal.

    A citizenship claim is urgent when someone is held now; said while nobody is held (or the
    holding is over) it is context, not an emergency; otherwise it is worth a check.
    """
    live = [f for f in findings if f.suppressed is None]
    custody = [f for f in findings if f.concept in (Concept.IN_CUSTODY, Concept.TRANSFER)]
    held_now = any(
        f.suppressed is None and not f.weak and f.time in (Time.NOW, Time.IMMINENT) for f in custody
    )
    out = []
    for f in live:
        if f.concept is Concept.CITIZEN:
            if held_now:
                level = URGENT
            elif custody and all(c.suppressed for c in custody):
                continue
            else:
                level = CHECK_NOW
        elif f.weak or f.time is Time.UNCLEAR:
            level = CHECK_NOW
        else:
            level = URGENT
        said_when = f.time_words is not None
        time = _TIME_WORDS.get(f.time, f.time.value)
        out.append((f.concept.value, f.evidence, level, time, said_when))
    # Strongest first; within a level, the words that also say when ("desde el viernes").
    order = {URGENT: 0, CHECK_NOW: 1, NORMAL: 2}
    out.sort(key=lambda item: (order[item[2]], not item[4]))
    return [item[:4] for item in out]


def _first_match(
    spec: SignalSpec,
    folded: str,
    index: list[int],
    narrative: str,
    config: UrgencyConfig,
    suppressed: list[dict],
) -> str | None:
    for matcher in spec.matchers:
        for match in matcher.regex.finditer(folded):
            if match.end() == match.start():
                continue
            evidence = original_span(narrative, index, match.start(), match.end())
            reason = _negated(folded, match.start(), config) or _cancelled(
                folded, match.start(), match.end(), spec
            )
            if reason is None:
                return evidence
            suppressed.append({"signal": spec.code, "evidence": evidence, "reason": reason})
    return None


def _negated(folded: str, start: int, config: UrgencyConfig) -> str | None:
    clause_start = 0
    for brk in _CLAUSE_BREAK.finditer(folded, 0, start):
        clause_start = brk.end()
    prefix = folded[clause_start:start]
    for exception in config.not_negations:
        prefix = exception.regex.sub(" ", prefix)
    window = " ".join(prefix.split()[-config.window_words :]) if config.window_words else ""
    for cue in config.negation_cues:
        if cue.regex.search(window):
            return f"negated by \u201c{cue.source}\u201d"
    return None


def _cancelled(folded: str, start: int, end: int, spec: SignalSpec) -> str | None:
    if not spec.cancelled_by:
        return None
    sentence_start = 0
    for brk in _SENTENCE_BREAK.finditer(folded, 0, start):
        sentence_start = brk.end()
    after = _SENTENCE_BREAK.search(folded, end)
    sentence = folded[sentence_start : after.start() if after else len(folded)]
    for cue in spec.cancelled_by:
        if cue.regex.search(sentence):
            return f"cancelled by \u201c{cue.source}\u201d in the same sentence"
    return None


# --- compiling the `urgency:` section ------------------------------------------------------

_URGENCY_KEYS = ("negation", "macros", "form", "signals", "read_narrative")
_NEGATION_KEYS = ("window_words", "cues", "not_negations")
_SIGNAL_KEYS = ("label", "phrases", "patterns", "cancelled_by")
_FORM_KEYS = ("signal", "when", "level")


def _line(node: Any, key: Any, default: int) -> int:
    return node.key_lines.get(key, node.line) if isinstance(node, LDict) else default


def _check_keys(node: Any, allowed: tuple[str, ...], what: str, where: Where, line: int) -> None:
    if not isinstance(node, dict):
        where.fail(line, f"{what} must be a mapping")
    for key in node:
        if key not in allowed:
            where.fail(
                _line(node, key, line),
                f"unknown field '{key}' in {what} (known: {', '.join(allowed)})",
            )


def _texts_by_language(node: Any, what: str, where: Where, line: int) -> list[tuple[str, int]]:
    """A list of text, or a mapping of language code to list of text; returns (text, line)."""
    if node is None:
        return []
    groups: list[tuple[Any, int]]
    if isinstance(node, dict):
        groups = [(value, _line(node, lang, line)) for lang, value in node.items()]
    else:
        groups = [(node, line)]
    out: list[tuple[str, int]] = []
    for group, group_line in groups:
        if not isinstance(group, list):
            where.fail(group_line, f"{what} must be a list of text")
        lines = group.item_lines if isinstance(group, LList) else [group_line] * len(group)
        for item, item_line in zip(group, lines, strict=True):
            if isinstance(item, bool):
                where.fail(item_line, f'{what} must be text, not {item!r} (quote yes/no: "no")')
            if not isinstance(item, str | int | float):
                where.fail(item_line, f"{what} must be text, not {item!r}")
            if not str(item).strip():
                where.fail(item_line, f"{what} must not be empty text")
            out.append((str(item), item_line))
    return out


def _phrases(items: list[tuple[str, int]]) -> list[Matcher]:
    return [Matcher(text, re.compile(phrase_regex(text))) for text, _ in items]


def _patterns(items: list[tuple[str, int]], macros: dict[str, str], where: Where) -> list[Matcher]:
    out = []
    for text, line in items:
        try:
            out.append(Matcher(text, pattern_regex(text, macros)))
        except re.error as exc:
            where.fail(line, f"bad regex '{text}': {exc}")
    return out


def compile_urgency(node: Any, source: str, line: int) -> UrgencyConfig:
    """Validate and compile the `urgency:` section of a rules file."""
    config = UrgencyConfig()
    if node is None:
        return config
    where = Where(source, "urgency")
    _check_keys(node, _URGENCY_KEYS, "urgency", where, line)
    read_narrative = node.get("read_narrative", True)
    if not isinstance(read_narrative, bool):
        where.fail(_line(node, "read_narrative", line), "read_narrative must be true or false")
    config.read_narrative = read_narrative
    config.macros = _macros(node.get("macros") or {}, where, _line(node, "macros", line))
    if node.get("negation") is not None:
        _compile_negation(node["negation"], config, where, _line(node, "negation", line))
    signals = node.get("signals") or {}
    signals_line = _line(node, "signals", line)
    if not isinstance(signals, dict):
        where.fail(signals_line, "urgency signals must be a mapping of signal code to phrases")
    for code, spec_node in signals.items():
        config.signals[code] = _signal_spec(
            code, spec_node, source, _line(signals, code, signals_line), config.macros
        )
    form = node.get("form") or []
    form_line = _line(node, "form", line)
    if not isinstance(form, list):
        where.fail(form_line, "urgency form must be a list of {signal, when}")
    items = form.item_lines if isinstance(form, LList) else [form_line] * len(form)
    for item, item_line in zip(form, items, strict=True):
        config.form.append(_form_spec(item, source, where, item_line, config.macros))
    return config


def _macros(macros: Any, where: Where, macros_line: int) -> dict[str, str]:
    if not isinstance(macros, dict):
        where.fail(macros_line, "urgency macros must be a mapping of name to regex")
    for name, value in macros.items():
        if (
            not isinstance(name, str)
            or not re.fullmatch(r"\w+", name)
            or not isinstance(value, str)
        ):
            where.fail(_line(macros, name, macros_line), f"bad macro '{name}': name: regex text")
        try:
            re.compile(value)
        except re.error as exc:
            where.fail(_line(macros, name, macros_line), f"bad regex in macro '{name}': {exc}")
    return {str(k): str(v) for k, v in macros.items()}


def _compile_negation(negation: Any, config: UrgencyConfig, where: Where, neg_line: int) -> None:
    _check_keys(negation, _NEGATION_KEYS, "urgency negation", where, neg_line)
    window = negation.get("window_words", 3)
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        where.fail(_line(negation, "window_words", neg_line), "window_words must be >= 0")
    config.window_words = window
    config.negation_cues = _phrases(
        _texts_by_language(
            negation.get("cues"), "negation cues", where, _line(negation, "cues", neg_line)
        )
    )
    config.not_negations = _phrases(
        _texts_by_language(
            negation.get("not_negations"),
            "not_negations",
            where,
            _line(negation, "not_negations", neg_line),
        )
    )


def _signal_spec(
    code: Any, spec_node: Any, source: str, code_line: int, macros: dict[str, str]
) -> SignalSpec:
    """One signal's extra phrases and patterns, as an organisation's rules file adds them."""
    if code not in SIGNALS:
        Where(source, "urgency").fail(
            code_line, f"unknown urgency signal '{code}' (known: {', '.join(SIGNALS)})"
        )
    sig_where = Where(source, f"urgency signal '{code}'")
    _check_keys(spec_node, _SIGNAL_KEYS, f"signal '{code}'", sig_where, code_line)
    label = spec_node.get("label", code.replace("_", " "))
    if not isinstance(label, str):
        sig_where.fail(_line(spec_node, "label", code_line), "label must be text")

    def texts(key: str) -> list[tuple[str, int]]:
        return _texts_by_language(
            spec_node.get(key), key, sig_where, _line(spec_node, key, code_line)
        )

    spec = SignalSpec(code, label)
    spec.matchers = _phrases(texts("phrases")) + _patterns(texts("patterns"), macros, sig_where)
    spec.cancelled_by = _phrases(texts("cancelled_by"))
    return spec


def _form_spec(
    item: Any, source: str, where: Where, item_line: int, macros: dict[str, str]
) -> FormSpec:
    _check_keys(item, _FORM_KEYS, "an urgency form entry", where, item_line)
    signal = item.get("signal")
    if signal not in SIGNALS:
        where.fail(
            _line(item, "signal", item_line),
            f"unknown urgency signal '{signal}' (known: {', '.join(SIGNALS)})",
        )
    if not item.get("when"):
        where.fail(item_line, f"urgency form entry for '{signal}' needs a 'when'")
    condition = compile_condition(
        item["when"],
        Where(source, f"urgency form '{signal}'"),
        _line(item, "when", item_line),
        macros,
        forbidden=("urgent",),  # the signals are what this decides
    )
    level = item.get("level", URGENT)
    if level not in (URGENT, CHECK_NOW):
        where.fail(
            _line(item, "level", item_line),
            f"urgency form level must be {URGENT} or {CHECK_NOW}, not {level!r}",
        )
    return FormSpec(signal, condition, item_line, level)
