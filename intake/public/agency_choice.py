"""The agency question of the form, asked after the state.

Without JavaScript the select holds only the chosen state's agencies (a button under the state
shows them, keeping what was typed); with JavaScript public.js fetches every agency once
(`agencies_for_script`) and filters them as the reporter types. Either way a form may send back
any agency id the list has, and the options say in words what ICE's model codes mean.
"""

from __future__ import annotations

from flask import request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from ..agencies import AgencyList, OfferedAgency
from ..vocabulary import US_STATES

AGENCY_OTHER = "other"
AGENCY_UNKNOWN = "unknown"

# ICE's model codes in the reporter's words: where the agency's officers work with ICE.
MODEL_WORDS = {
    "JEM": _l("in the jail"),
    "TFM": _l("on patrol"),
    "WSO": _l("ICE warrants"),
}
STATUS_WORDS = {"former": _l("left the program"), "pending": _l("joining")}


def showing_agencies() -> bool:
    """The button under the state was pressed (without JavaScript): the same form again, with
    that state's agencies in the select; nothing is sent or stored."""
    return request.form.get("show_agencies") == "y"


def agency_label(agency: OfferedAgency) -> str:
    """ "Harris County Sheriff's Office (in the jail, on patrol)", in the page's language."""
    words = [str(MODEL_WORDS.get(model, model)) for model in agency.models]
    if agency.status in STATUS_WORDS:
        words.append(str(STATUS_WORDS[agency.status]))
    return f"{agency.name} ({', '.join(words)})" if words else agency.name


def not_sure_choices() -> list[SelectChoice]:
    group = str(_l("Not sure"))
    return [
        SelectChoice(AGENCY_UNKNOWN, _l("I don't know"), optgroup=group),
        SelectChoice(AGENCY_OTHER, _l("Other (not in the list)"), optgroup=group),
    ]


def shown_choices(
    agencies: AgencyList, state: str | None, chosen: str | None
) -> list[SelectChoice]:
    """The select's options: "not sure" first, then the agencies of the chosen state, and of
    the chosen agency's state if that is another (a page from before the state changed)."""
    states = [code for code in (state, agencies.state_of.get(chosen or "")) if code]
    options = not_sure_choices()
    for code in dict.fromkeys(states):
        name = US_STATES.get(code, code)
        options += [
            SelectChoice(a.id, agency_label(a), optgroup=name)
            for a in agencies.by_state.get(code, ())
        ]
    return options


# The list the script fetches, per agency list and language: ~700 labels to build once. The one
# agency-choices cache: keyed by the list's signature (any import changes it) and the language.
_for_script: dict[tuple[object, str], dict] = {}


def agencies_for_script(agencies: AgencyList) -> dict:
    """{"agencies": [[id, state code, label], ...]} in the page's language."""
    key = (agencies.signature, str(get_locale() or "en"))
    kept = _for_script.get(key)
    if kept is None:
        if any(signature != agencies.signature for signature, _ in _for_script):
            _for_script.clear()  # an older list's
        rows = [
            [a.id, code, agency_label(a)]
            for code, group in agencies.by_state.items()
            for a in group
        ]
        kept = _for_script[key] = {"agencies": rows}
    return kept
