"""The structured part of a report summary: the form's fields, in the staff language."""

import datetime as dt
from collections.abc import Iterable

from babel import dates as babel_dates

from workers.contracts import ReportFacts

from .phrases import phrases_for

# Agency statuses that mean the agreement has ended (the ICE list calls them nothing; the agency
# import marks them). Agencies that left the program stay selectable because people report
# past incidents.
FORMER_STATUSES = frozenset({"former", "ended", "terminated", "expired", "inactive"})
PENDING_STATUSES = frozenset({"pending"})
# The ICE sheet spells models out, with stray spaces ("Task Force Model "); codes are preferred.
_MODEL_CODES = {
    "jem": "JEM",
    "jail enforcement": "JEM",
    "tfm": "TFM",
    "task force": "TFM",
    "wso": "WSO",
    "warrant service officer": "WSO",
}
_COUNTY_WORDS = ("county", "parish", "borough", "condado", "municipality")


def render_structured(facts: ReportFacts, staff_language: str = "en") -> str:
    """Render the form facts of one report as a few short lines in `staff_language`."""
    p = phrases_for(staff_language)
    lines = [
        f"{p['affected']}: {_affected(facts, p)}",
        f"{p['when']}: {_when(facts, p)}",
        f"{p['where']}: {_where(facts, p)}",
        f"{p['agency']}: {_agency(facts, p)}",
        f"{p['what']}: {_join(facts.category_labels) or p['not_given']}",
    ]
    custody = _custody(facts, p)
    if custody:
        lines.append(f"{p['custody']}: {custody}")
    urgency = _join(facts.urgency_labels)
    if facts.urgent:
        lines.append(f"{p['urgent']}: {urgency}" if urgency else f"{p['urgent']}")
    elif urgency:
        lines.append(f"{p['not_urgent']}: {urgency}")
    else:
        lines.append(f"{p['not_urgent']}: {p['no']}")
    help_wanted = _join(facts.help_wanted_labels)
    if help_wanted:
        lines.append(f"{p['asks_for']}: {help_wanted}")
    evidence = _join(facts.evidence_labels)
    if evidence:
        lines.append(f"{p['evidence']}: {evidence}")
    return "\n".join(lines)


def language_name(code: str | None, staff_language: str = "en") -> str:
    """The name of a narrative language in the staff language ("es" -> "Spanish")."""
    names = phrases_for(staff_language)["languages"]
    return names.get((code or "").lower(), code or "?")


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _join(values: Iterable | None, sep: str = "; ") -> str:
    return sep.join(v for v in (_clean(x) for x in (values or ())) if v)


def _affected(facts: ReportFacts, p: dict) -> str:
    parts = [_clean(facts.affected_role_label)]
    if facts.affected_minor:
        parts.append(p["minor"])
    return ", ".join(x for x in parts if x) or p["not_given"]


def format_date(value: object, p: dict) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return _clean(value)
    if isinstance(value, dt.date):
        return babel_dates.format_date(value, "long", locale=p["locale"])
    return _clean(value)


def _when(facts: ReportFacts, p: dict) -> str:
    date = facts.incident_date
    time = facts.incident_time
    text = format_date(date, p) if date else ""
    if time:
        time_text = time.strftime("%H:%M") if isinstance(time, dt.time) else _clean(time)
        text = f"{text}, {p['at_time']} {time_text}" if text else time_text
    if not text:
        return p["not_given"]
    if facts.date_approximate:
        text += f" ({p['approximate']})"
    return text


def _county(county: str, p: dict) -> str:
    if any(word in county.lower() for word in _COUNTY_WORDS):
        return county
    return p["county"].format(county)


def _where(facts: ReportFacts, p: dict) -> str:
    county = _clean(facts.county)
    parts = [
        _clean(facts.location_detail),
        _clean(facts.city),
        _county(county, p) if county else "",
        _clean(facts.state),
    ]
    return ", ".join(x for x in parts if x) or p["not_given"]


def _model_code(model: object) -> str:
    text = _clean(model)
    return _MODEL_CODES.get(text.lower().removesuffix(" model").strip(), text.upper())


def _models(models: Iterable | None, p: dict) -> str:
    names: list[str] = []
    for model in models or ():
        code = _model_code(model)
        name = p["models_names"].get(code, _clean(model))
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


def _agency(facts: ReportFacts, p: dict) -> str:
    agency = facts.agency
    choice = facts.agency_choice
    if not agency or not _clean(agency.name):
        if choice == "other":
            return p["agency_other"]
        return p["agency_unknown"] if choice == "unknown" or not agency else p["not_given"]
    text = _clean(agency.name)
    state = _clean(agency.state)
    if state and not text.endswith(f"({state})"):
        text += f" ({state})"
    notes = []
    models = _models(agency.models, p)
    if models:
        notes.append(p["models"].format(models))
    status = _clean(agency.status).lower()
    if status in FORMER_STATUSES:
        notes.append(p["agreement_former"])
    elif status in PENDING_STATUSES:
        notes.append(p["agreement_pending"])
    if choice == "other":
        notes.append(p["agency_other"])
    return f"{text} — {'; '.join(notes)}" if notes else text


def _custody(facts: ReportFacts, p: dict) -> str:
    detained = facts.detained_now
    facility = _clean(facts.facility)
    transfer = facts.transfer_expected
    if detained in (None, "") and not facility and transfer in (None, ""):
        return ""
    parts = [_answer(detained, p)]
    if facility:
        parts.append(p["facility"].format(facility))
    if transfer not in (None, ""):
        parts.append(p["transfer"].format(_answer(transfer, p)))
    return "; ".join(parts)


def _answer(value: object, p: dict) -> str:
    """A yes/no/unknown answer (a form code or a bool) in the staff language."""
    if isinstance(value, bool):
        return p["yes"] if value else p["no"]
    return p.get(str(value).lower(), p["unknown"]) if value in ("yes", "no") else p["unknown"]
