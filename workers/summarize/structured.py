"""The structured part of a report summary: the form's fields, in the staff language."""

import datetime as dt
from collections.abc import Iterable

from workers.contracts import ReportFacts
from workers.i18n import ENGLISH, Translator

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


def _model_names(t: Translator) -> dict[str, str]:
    """The 287(g) models by code, in the words the public pages use for them."""
    return {
        "JEM": t.gettext("Jail Enforcement Model"),
        "TFM": t.gettext("Task Force Model"),
        "WSO": t.gettext("Warrant Service Officer model"),
    }


def render_structured(facts: ReportFacts, t: Translator = ENGLISH) -> str:
    """Render the form facts of one report as a few short lines in the language of `t`."""
    # Messages are never looked up inside f-strings: extraction does not see them there.
    _ = t.gettext
    lines = [
        _line(_("Affected"), _affected(facts, t)),
        _line(_("When"), _when(facts, t)),
        _line(_("Where"), _where(facts, t)),
        _line(_("Agency"), _agency(facts, t)),
        _line(_("What happened"), _join(facts.category_labels) or _("not given")),
        _line(_("In custody now"), _custody(facts, t)),
        _urgency(facts, t),
        _line(_("Asks for"), _join(facts.help_wanted_labels)),
        _line(_("Evidence available"), _join(facts.evidence_labels)),
    ]
    return "\n".join(line for line in lines if line)


def _line(label: str, value: str) -> str:
    """ "Label: value", or nothing when there is no value."""
    return f"{label}: {value}" if value else ""


def _urgency(facts: ReportFacts, t: Translator) -> str:
    """ "URGENT: what makes it so" for an urgent report, else "Urgent: no" or what was said."""
    urgency = _join(facts.urgency_labels)
    if facts.urgent:
        return _line(t.gettext("URGENT"), urgency) or t.gettext("URGENT")
    return _line(t.gettext("Urgent"), urgency or t.gettext("no"))


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _join(values: Iterable | None, sep: str = "; ") -> str:
    return sep.join(v for v in (_clean(x) for x in (values or ())) if v)


def _affected(facts: ReportFacts, t: Translator) -> str:
    parts = [_clean(facts.affected_role_label)]
    if facts.affected_minor:
        parts.append(t.gettext("a minor"))
    return ", ".join(x for x in parts if x) or t.gettext("not given")


def format_date(value: object, t: Translator) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return _clean(value)
    if isinstance(value, dt.date):
        return t.date(value)
    return _clean(value)


def _when(facts: ReportFacts, t: Translator) -> str:
    date = facts.incident_date
    time = facts.incident_time
    text = format_date(date, t) if date else ""
    if time:
        time_text = time.strftime("%H:%M") if isinstance(time, dt.time) else _clean(time)
        text = t.gettext("%(date)s, at %(time)s", date=text, time=time_text) if text else time_text
    if not text:
        return t.gettext("not given")
    if facts.date_approximate:
        approximate = t.gettext("approximate")
        text += f" ({approximate})"
    return text


def _county(county: str, t: Translator) -> str:
    if any(word in county.lower() for word in _COUNTY_WORDS):
        return county
    return t.gettext("%(county)s County", county=county)


def _where(facts: ReportFacts, t: Translator) -> str:
    county = _clean(facts.county)
    parts = [
        _clean(facts.location_detail),
        _clean(facts.city),
        _county(county, t) if county else "",
        _clean(facts.state),
    ]
    return ", ".join(x for x in parts if x) or t.gettext("not given")


def _model_code(model: object) -> str:
    text = _clean(model)
    return _MODEL_CODES.get(text.lower().removesuffix(" model").strip(), text.upper())


def _models(models: Iterable | None, t: Translator) -> str:
    names: list[str] = []
    known = _model_names(t)
    for model in models or ():
        name = known.get(_model_code(model), _clean(model))
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


def _agency(facts: ReportFacts, t: Translator) -> str:
    agency = facts.agency
    choice = facts.agency_choice
    if not agency or not _clean(agency.name):
        if choice == "other":
            return t.gettext("another agency, not on the 287(g) list")
        return t.gettext("unknown") if choice == "unknown" or not agency else t.gettext("not given")
    text = _clean(agency.name)
    state = _clean(agency.state)
    if state and not text.endswith(f"({state})"):
        text += f" ({state})"
    notes = []
    models = _models(agency.models, t)
    if models:
        notes.append(t.gettext("287(g): %(models)s", models=models))
    status = _clean(agency.status).lower()
    if status in FORMER_STATUSES:
        notes.append(t.gettext("former 287(g) agency, agreement ended"))
    elif status in PENDING_STATUSES:
        notes.append(t.gettext("287(g) agreement pending"))
    if choice == "other":
        notes.append(t.gettext("another agency, not on the 287(g) list"))
    return f"{text} — {'; '.join(notes)}" if notes else text


def _custody(facts: ReportFacts, t: Translator) -> str:
    detained = facts.detained_now
    facility = _clean(facts.facility)
    transfer = facts.transfer_expected
    if detained in (None, "") and not facility and transfer in (None, ""):
        return ""
    parts = [_answer(detained, t)]
    if facility:
        parts.append(t.gettext("facility: %(facility)s", facility=facility))
    if transfer not in (None, ""):
        parts.append(t.gettext("transfer to ICE expected: %(answer)s", answer=_answer(transfer, t)))
    return "; ".join(parts)


def _answer(value: object, t: Translator) -> str:
    """A yes/no/unknown answer (a form code or a bool) in the staff language."""
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if value == "yes":
        return t.gettext("yes")
    if value == "no":
        return t.gettext("no")
    # Not the agency's "unknown" (desconocida): an answer nobody could give (no se sabe).
    return t.pgettext("answer", "unknown")
