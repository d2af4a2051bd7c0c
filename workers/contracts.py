"""The typed data that crosses from `intake` to the worker steps and back (issue 18).

Owned by the workers, built by `intake` (intake/reports/facts.py) and by the command lines
(`python -m workers.route` parses its JSON lines into `ReportFacts`). Every value is frozen, so a
step cannot change what the next one sees, and a misspelt field fails when the module is read
(mypy) instead of inside a worker. `as_dict()` gives the JSON stored on the report and written
by the command lines (docs/contract.md), unchanged from the dicts these replace.

Nothing here imports `intake`, spaCy or a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

# A form answer to a yes/no question: the form's code ("yes", "no", "unknown"), or a bool from
# a sample or a script, or None when the question was not answered.
Answer = str | bool | None


def _strings(name: str, value: object) -> tuple[str, ...]:
    """A list field of a sample: a list of strings, one string, or nothing."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),)
    if isinstance(value, list | tuple):
        if not all(isinstance(item, str | int | float) for item in value):
            raise TypeError(f"{name!r} must be a list of strings")
        return tuple(str(item).strip() for item in value)
    raise TypeError(f"{name!r} must be a list of strings, not {type(value).__name__}")


def _text(name: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"{name!r} must be a string, not {type(value).__name__}")


def _answer(name: str, value: object) -> Answer:
    if value is None or isinstance(value, str | bool):
        return value
    raise TypeError(f"{name!r} must be yes, no, unknown or a boolean")


def _mapping(name: str, value: object) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"{name!r} must be an object, not {type(value).__name__}")
    return value


@dataclass(frozen=True)
class AgencyFacts:
    """The 287(g) agency a report names, as the ICE list describes it."""

    name: str | None = None
    state: str | None = None
    county: str | None = None
    models: tuple[str, ...] = ()
    status: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> AgencyFacts:
        return cls(
            name=_text("agency.name", data.get("name")),
            state=_text("agency.state", data.get("state")),
            county=_text("agency.county", data.get("county")),
            models=_strings("agency.models", data.get("models")),
            status=_text("agency.status", data.get("status")),
        )


@dataclass(frozen=True)
class Consent:
    """What the reporter agreed to; a sample that says nothing consents to review only."""

    review: bool = True
    referral: bool = False
    statistics: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Consent:
        default = cls()
        return cls(
            **{f.name: bool(data.get(f.name, getattr(default, f.name))) for f in fields(cls)}
        )


@dataclass(frozen=True)
class ReportFacts:
    """What routing and the summary see of one report: no contact details, redacted text only.

    Labels (`category_labels` ...) are in the language the summary is written in; codes
    (`categories` ...) are the form's. `urgent` and `key_evidence` are the routing decision's,
    set by the pipeline before the summary is written (`with_routing`).
    """

    id: int | str | None = None
    language: str = "en"
    categories: tuple[str, ...] = ()
    category_labels: tuple[str, ...] = ()
    agency: AgencyFacts | None = None
    agency_choice: str | None = "unknown"
    state: str | None = None
    county: str | None = None
    city: str | None = None
    location_detail: str | None = None
    incident_date: str | None = None  # ISO date
    incident_time: str | None = None  # "HH:MM"
    date_approximate: bool = False
    urgent_signals: tuple[str, ...] = ()
    urgency_labels: tuple[str, ...] = ()
    detained_now: Answer = None
    facility: str | None = None
    transfer_expected: Answer = None
    emergency_now: Answer = None  # the form's first question: is it happening right now?
    affected_role_label: str | None = None
    affected_minor: bool = False
    help_wanted_labels: tuple[str, ...] = ()
    evidence_labels: tuple[str, ...] = ()
    consent: Consent = field(default_factory=Consent)
    contact_possible: bool = False
    narrative_redacted: str = ""
    urgent: bool = False
    key_evidence: tuple[str, ...] = ()  # the narrative's words routing relied on

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ReportFacts:
        """Facts from a JSON object (a `rules test --sample` file, a `python -m workers.route`
        line, the admin dry-run form): keys left out take their defaults, unknown keys are
        ignored, a value of the wrong type raises TypeError naming its key."""
        known = {f.name for f in fields(cls)}
        unknown_free = {key: value for key, value in data.items() if key in known}
        values: dict[str, Any] = {}
        for name, value in unknown_free.items():
            if name in _LIST_FIELDS:
                values[name] = _strings(name, value)
            elif name in _ANSWER_FIELDS:
                values[name] = _answer(name, value)
            elif name in _BOOL_FIELDS:
                values[name] = bool(value)
            elif name == "agency":
                agency = _mapping(name, value)
                values[name] = AgencyFacts.from_mapping(agency) if agency else None
            elif name == "consent":
                values[name] = Consent.from_mapping(_mapping(name, value))
            elif name == "id":
                keep = value is None or isinstance(value, int | str)
                values[name] = value if keep else str(value)
            elif name in ("language", "narrative_redacted"):
                text = _text(name, value)
                values[name] = text if text is not None else getattr(_DEFAULT, name)
            else:
                values[name] = _text(name, value)
        return cls(**values)

    def with_routing(self, decision: RoutingDecision) -> ReportFacts:
        """These facts with what routing decided that the summary shows."""
        return replace(
            self,
            urgent=decision.urgent,
            key_evidence=tuple(s.evidence for s in decision.signals if s.source == "narrative"),
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (lists, not tuples), the shape `from_mapping` reads back."""
        return {key: _json(value) for key, value in asdict(self).items()}


_DEFAULT = ReportFacts()
_LIST_FIELDS = frozenset(
    f.name for f in fields(ReportFacts) if f.type == "tuple[str, ...]"
)
_ANSWER_FIELDS = frozenset(f.name for f in fields(ReportFacts) if f.type == "Answer")
_BOOL_FIELDS = frozenset(f.name for f in fields(ReportFacts) if f.type == "bool")


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value


@dataclass(frozen=True)
class KnownValues:
    """What the reporter typed in separate fields, so every variant leaves the narrative."""

    reporter_name: str = ""
    phone: str = ""
    email: str = ""
    other_names: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The anonymizer's `known` object (docs/contract.md)."""
        return {key: _json(value) for key, value in asdict(self).items()}


@dataclass(frozen=True)
class RedactedSpan:
    """One span the anonymizer found; offsets are into the original text."""

    start: int
    end: int
    label: str
    action: str  # "redact" or "keep"


@dataclass(frozen=True)
class KeptValue:
    """A kept value (officer, badge, agency, place, date); offsets into the redacted text."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Redaction:
    """One text anonymized: what staff see and every span found.

    `doc` is the spaCy parse of `redacted` built from the anonymizer's parse of the original
    (workers/parsed.py), handed to routing and the summary so the text is parsed once per task;
    None when the steps must parse for themselves. Never stored or serialised."""

    redacted: str
    spans: tuple[RedactedSpan, ...] = ()
    kept: tuple[KeptValue, ...] = ()
    mode: str | None = None
    doc: Any = field(default=None, compare=False, repr=False)

    @property
    def redacted_count(self) -> int:
        return sum(1 for span in self.spans if span.action == "redact")

    def as_dict(self) -> dict[str, Any]:
        """The contract's output line (without "id"), plus "kept" and "mode"."""
        return {
            "redacted": self.redacted,
            "spans": [asdict(span) for span in self.spans],
            "kept": [asdict(value) for value in self.kept],
            "mode": self.mode,
        }


@dataclass(frozen=True)
class Signal:
    """One urgency signal: what was seen, where, the words that show it, how urgent."""

    signal: str
    source: str  # "form" or "narrative"
    evidence: str
    level: str  # "urgent" or "check-now"
    time: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Signal:
        return cls(
            signal=str(data["signal"]),
            source=str(data["source"]),
            evidence=str(data["evidence"]),
            level=str(data["level"]),
            time=data.get("time"),
        )


@dataclass(frozen=True)
class RoutingDecision:
    """Where a report goes, how soon, who is alerted, and why (workers/route)."""

    queue: str
    priority: str
    deadline_hours: float | None
    urgent: bool
    level: str  # "urgent", "check-now" or "normal"
    flags: tuple[str, ...] = ()
    alert: tuple[str, ...] = ()  # on-call list names
    signals: tuple[Signal, ...] = ()
    # Each rule that matched: {"rule", "description", "changes"} (shown to staff as it is).
    matched: tuple[dict[str, Any], ...] = ()
    explanation: str = ""
    rules_version: str | None = None

    @property
    def rule_names(self) -> list[str]:
        return [str(match["rule"]) for match in self.matched]

    def as_dict(self) -> dict[str, Any]:
        """The JSON stored as `Report.routing` (the signals under their old key, "urgency")."""
        out = {key: _json(value) for key, value in asdict(self).items()}
        out["urgency"] = out.pop("signals")
        return out


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of the redacted narrative: `narrative[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Summary:
    """The staff summary of one report (workers/summarize)."""

    text: str
    structured: str
    sentences: tuple[SummarySentence, ...]
    narrative_language: str
    method: str  # "llm" when the language model answered usably, else "extractive"
    machine_generated: bool = True

    def as_dict(self) -> dict[str, Any]:
        """The JSON stored as `Report.summary_detail` (the pipeline adds "texts")."""
        return {key: _json(value) for key, value in asdict(self).items()}
