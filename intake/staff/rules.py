"""The routing rules for admins: the rules in force, a warning when the file on disk is refused,
and a dry run against a sample or an existing report (the pure `workers.route.dry_run`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, IntegerField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from workers.contracts import ReportFacts
from workers.route import Rules, RulesError, default_rules_path, dry_run
from workers.route.cache import RulesCache
from workers.states import PipelineState

from ..auth.permissions import MANAGE_RULES, requires
from ..extensions import db
from ..models import Agency, Report
from ..public.forms import CheckboxesField, ChoiceField, RadiosField, choices
from ..reports.facts import facts_of
from ..vocabulary import CATEGORIES, URGENT_SIGNALS
from . import bp

MAX_SAMPLE = 20_000

# This web process's view of the rules file, with the worker's rule: a file that stops
# validating is refused and the last good rules stay in force (workers/route/cache.py).
rules_cache = RulesCache(default_rules_path())


@dataclass
class RulesState:
    """The rules this process holds and, if the file on disk was refused, why."""

    rules: Rules | None
    error: str | None


def rules_state() -> RulesState:
    """Reload the rules file if it changed; never raises for a bad file."""
    try:
        rules = rules_cache.get()
    except RulesError as exc:  # bad from the start: there are no last good rules
        return RulesState(None, str(exc))
    return RulesState(rules, rules_cache.error)


ANSWERS = {"": _l("Not answered"), "yes": _l("Yes"), "no": _l("No"), "unknown": _l("Unknown")}


class DryRunForm(FlaskForm):
    """A sample report to route without saving anything, or the id of an existing one."""

    report_id = IntegerField(
        _l("Existing report number"), validators=[Optional(), NumberRange(min=1)]
    )
    narrative = TextAreaField(
        _l("Narrative (redacted text)"), validators=[Optional(), Length(max=MAX_SAMPLE)]
    )
    language = RadiosField(
        _l("Language"),
        choices=choices({"en": _l("English"), "es": _l("Spanish")}),
        default="en",
        validators=[Optional()],
    )
    categories = CheckboxesField(_l("What happened"), choices=choices(CATEGORIES), default=[])
    urgent_signals = CheckboxesField(
        _l("Urgent answers on the form"), choices=choices(URGENT_SIGNALS), default=[]
    )
    detained_now = ChoiceField(
        _l("Someone is detained right now"), choices=choices(ANSWERS), validators=[Optional()]
    )
    transfer_expected = ChoiceField(
        _l("A transfer to ICE is expected"), choices=choices(ANSWERS), validators=[Optional()]
    )
    agency = ChoiceField(_l("Agency"), choices=[], default="", validators=[Optional()])
    consent_referral = BooleanField(_l("Consents to a referral"))
    contact_possible = BooleanField(_l("Can be contacted"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = db.session.execute(
            select(Agency.id, Agency.name, Agency.state).order_by(Agency.state, Agency.name)
        ).all()
        self.agency.choices = choices({"": _l("None or unknown")}) + choices(
            {str(a.id): f"{a.state or '—'} · {a.name}" for a in agencies}
        )

    def sample(self) -> dict[str, Any]:
        """The facts a dry run sees; keys left out take `ReportFacts`' defaults."""
        agency = db.session.get(Agency, int(self.agency.data)) if self.agency.data else None
        return {
            "language": self.language.data or "en",
            "categories": list(self.categories.data or []),
            "urgent_signals": list(self.urgent_signals.data or []),
            "detained_now": self.detained_now.data or None,
            "transfer_expected": self.transfer_expected.data or None,
            "agency": agency.as_facts() if agency else None,
            "agency_choice": str(agency.id) if agency else "unknown",
            "state": agency.state if agency else None,
            "county": agency.county if agency else None,
            "consent": {"review": True, "referral": bool(self.consent_referral.data)},
            "contact_possible": bool(self.contact_possible.data),
            "narrative_redacted": (self.narrative.data or "").strip(),
        }


def report_facts(report: Report) -> ReportFacts:
    """What routing saw for a processed report: its redacted fields, never the originals."""
    redaction = report.redaction or {}
    return facts_of(
        report,
        {
            "narrative": report.narrative_redacted,
            "facility": redaction.get("facility"),
            "location_detail": redaction.get("location_detail"),
        },
    )


# The rules' field names as people say them (workers/route/conditions.py names the fields).
FIELD_WORDS: dict[str, object] = {
    "categories": _l("what happened"),
    "agency.models": _l("the agency's 287(g) models"),
    "agency.state": _l("the agency's state"),
    "agency.county": _l("the agency's county"),
    "agency.status": _l("the agency's 287(g) status"),
    "agency.name": _l("the agency's name"),
    "agency_choice": _l("the agency the reporter chose"),
    "state": _l("the state"),
    "county": _l("the county"),
    "city": _l("the city"),
    "language": _l("the report's language"),
    "urgent": _l("urgent signals found"),
    "urgent_signals": _l("urgent answers on the form"),
    "detained_now": _l("someone detained now"),
    "transfer_expected": _l("a transfer to ICE expected"),
    "affected_minor": _l("a child affected"),
    "consent.review": _l("consent to review"),
    "consent.referral": _l("consent to a referral"),
    "consent.statistics": _l("consent to statistics"),
    "contact_possible": _l("the reporter can be contacted"),
    "narrative": _l("the narrative"),
}
SHOWN_PHRASES = 4
_QUOTED = re.compile(r"“[^”]*”")


def _in_words(text: str) -> str:
    """One line of a rule's condition with field names and codes as words, and a long phrase
    list cut to its first few."""
    field, _, rest = text.partition(" ")
    if field in FIELD_WORDS:
        text = f"{FIELD_WORDS[field]} {rest}"
        if field == "categories":
            for code, label in CATEGORIES.items():
                text = re.sub(rf"\b{re.escape(code)}\b", str(label), text)
        elif field in ("urgent_signals", "urgent"):
            for code, label in URGENT_SIGNALS.items():
                text = re.sub(rf"\b{re.escape(code)}\b", str(label), text)
    for operator, word in (
        (" is false", _l("no")),
        (" is true", _l("yes")),
        (" is not empty", _l("at least one")),
        (" is empty", _l("none")),
    ):
        text = text.replace(operator, f": {word}")
    phrases = _QUOTED.findall(text)
    if len(phrases) > SHOWN_PHRASES:
        cut = text.index(phrases[SHOWN_PHRASES]) - 2
        more = len(phrases) - SHOWN_PHRASES
        text = text[:cut] + " " + str(_l("and %(num)s more", num=more))
    return text


def rule_rows(shown: dict[str, Any]) -> list[dict[str, Any]]:
    """The rules as table rows: name and purpose, when it applies (in words), what it does."""
    return [
        {
            **rule,
            "when_words": [
                {"depth": line["depth"], "text": _in_words(line["text"])} for line in rule["when"]
            ],
        }
        for rule in shown["rules"]
    ]


def _page(form: DryRunForm, status: int = 200, **extra: Any) -> tuple[str, int]:
    state = rules_state()
    path = rules_cache.path
    shown = state.rules.to_display() if state.rules else None
    return (
        render_template(
            "staff/rules.html",
            path=path.name,
            text=path.read_text("utf-8"),
            rules=shown,
            rows=rule_rows(shown) if shown else [],
            rules_error=state.error,
            form=form,
            **extra,
        ),
        status,
    )


@bp.get("/rules")
@requires(MANAGE_RULES)
def rules() -> tuple[str, int]:
    """The routing rules in force (read-only here; they change by a reviewed commit)."""
    return _page(DryRunForm(formdata=None))


@bp.post("/rules/dry-run")
@requires(MANAGE_RULES)
def rules_dry_run() -> tuple[str, int]:
    """Route a sample or an existing report with the rules in force; nothing is saved."""
    form = DryRunForm()
    if not form.validate():
        return _page(form, 400)
    state = rules_state()
    if state.rules is None:
        return _page(form, 409)
    subject: ReportFacts | dict[str, Any]
    source: str
    if form.report_id.data:
        report = db.session.get(Report, form.report_id.data)
        if report is None or not current_user.sees_queue(report.queue):
            form.report_id.errors.append(_l("There is no report with that number."))
            return _page(form, 404)
        if report.pipeline_state != PipelineState.PROCESSED or report.narrative_redacted is None:
            form.report_id.errors.append(
                _l("That report is not processed yet, so there is no redacted text to route.")
            )
            return _page(form, 409)
        subject, source = report_facts(report), "report"
    else:
        subject, source = form.sample(), "sample"
    result = dry_run(subject, state.rules)
    return _page(form, result=result, source=source, report_id=form.report_id.data)
