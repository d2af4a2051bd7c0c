"""The report form. Every field but the narrative and consent to review is optional.

Field names are a stable interface (docs/contract.md): partners script against them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    MultipleFileField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..agencies import AgencyList
from ..vocabulary import (
    AFFECTED_ROLES,
    CATEGORIES,
    CONTACT_METHODS,
    EVIDENCE,
    HELP_WANTED,
    URGENT_SIGNALS,
    US_STATES,
)
from .agency_choice import AGENCY_OTHER, AGENCY_UNKNOWN, not_sure_choices, shown_choices
from .dates import DATE_HINT, LocalDateField
from .receipts import SUBMISSION_ID

NARRATIVE_MAX = 20_000
YES_NO_UNKNOWN = {"yes": _l("Yes"), "no": _l("No"), "unknown": _l("I don't know")}
PHONE_RE = re.compile(r"^\+?[\d\s().\-]{7,25}$")
# A forged or stale option value gets this, never WTForms' message echoing the value back.
INVALID_CHOICE = _l("Please choose one of the options in the list.")


class CheckboxesField(SelectMultipleField):
    """A group of checkboxes (works without JavaScript, unlike a multi-select on phones)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("invalid_choice_message", INVALID_CHOICE)
        super().__init__(*args, **kwargs)


def stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class OfferedChoice:
    """A choice field whose error for a value not offered is plain and translated.

    Values are stripped: wtforms' Optional() clears the choice error of a whitespace-only value,
    which would otherwise reach the database as data ("\r" as an agency id).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("invalid_choice_message", INVALID_CHOICE)
        kwargs.setdefault("filters", [stripped])
        super().__init__(*args, **kwargs)


class ChoiceField(OfferedChoice, SelectField):
    """A select."""


class AgencyField(ChoiceField):
    """The agency select. It shows the chosen state's agencies (agency_choice.py) but accepts
    any agency of the list: the script may have offered another state's, and a page shown
    before an import still sends the id of a row merged since."""

    accepted: frozenset[str] = frozenset()

    def pre_validate(self, form: FlaskForm) -> None:
        if self.process_errors:
            return
        if self.data not in self.accepted and self.data not in (AGENCY_OTHER, AGENCY_UNKNOWN):
            raise ValidationError(self.invalid_choice_message)


class RadiosField(OfferedChoice, RadioField):
    """Radio buttons."""


def choices(vocabulary: dict[str, object], optgroup: str | None = None) -> list[SelectChoice]:
    return [SelectChoice(code, label, optgroup=optgroup) for code, label in vocabulary.items()]


def not_in_future(form: FlaskForm, field: DateField) -> None:
    # One day of slack: the reporter's "today" may be the server's tomorrow (Guam, Hawaii).
    if field.data and field.data > date.today() + timedelta(days=1):
        raise ValidationError(_l("The date cannot be in the future."))
    if field.data and field.data.year < 1990:
        raise ValidationError(_l("Please check the year."))


def plausible_phone(form: FlaskForm, field: TelField) -> None:
    if not field.data:
        return
    digits = re.sub(r"\D", "", field.data)
    if not PHONE_RE.match(field.data) or not 7 <= len(digits) <= 15:
        raise ValidationError(_l("This does not look like a phone number. Check the digits."))


class ReportForm(FlaskForm):
    # --- Right now: asked first, once; the hotline stands beside it (templates/public/report.html)
    emergency_now = RadiosField(
        _l(
            "Right now, is someone held by police or ICE, about to be transferred, hurt or "
            "without their medicine, or is a child left without a caregiver?"
        ),
        choices=choices(YES_NO_UNKNOWN),
        validators=[Optional()],
    )

    # --- What happened
    categories = CheckboxesField(
        _l("What happened? Tick all that apply."), choices=choices(CATEGORIES)
    )
    narrative = TextAreaField(
        _l("Tell us what happened, in your own words"),
        description=_l(
            "Include what the officers said and did. You do not need to give anyone's name, "
            "and please do not write anyone's immigration status or ID numbers."
        ),
        validators=[
            DataRequired(message=_l("Please tell us what happened.")),
            Length(
                max=NARRATIVE_MAX,
                message=_l("Please keep it under %(max)d characters.", max=NARRATIVE_MAX),
            ),
        ],
    )

    # --- When and where
    incident_date = LocalDateField(
        _l("Date it happened"),
        description=DATE_HINT,
        validators=[Optional(), not_in_future],
        format="%Y-%m-%d",
        invalid_value_message=_l("This date does not exist. Please check the day and month."),
    )
    incident_time = TimeField(
        _l("Time (if you know it)"),
        description=_l("For example: 14:30."),
        validators=[Optional()],
        invalid_value_message=_l("Please write the time as hours and minutes, like 14:30."),
    )
    date_approximate = BooleanField(_l("The date or time is approximate"))
    city = StringField(_l("City or town"), validators=[Optional(), Length(max=120)])
    county = StringField(_l("County"), validators=[Optional(), Length(max=120)])
    state = ChoiceField(
        _l("State"),
        choices=choices({"": _l("Choose a state")})
        + choices(dict(sorted(US_STATES.items(), key=lambda kv: kv[1]))),
        validators=[Optional()],
    )
    location_detail = StringField(
        _l("Public place or cross streets"),
        description=_l(
            "For example a highway, an intersection, a store or the jail. Not a home address."
        ),
        validators=[Optional(), Length(max=300)],
    )

    # --- Who: agency and officers
    agency = AgencyField(
        _l("Which agency?"),
        description=_l(
            "The list shows the agencies of the state chosen above. In brackets: where the "
            "agency's officers work with ICE."
        ),
        choices=not_sure_choices,
        validators=[Optional()],
    )
    agency_other = StringField(
        _l("If other, which agency?"), validators=[Optional(), Length(max=200)]
    )
    officer_details = TextAreaField(
        _l("Officers: names, badge numbers, patrol car numbers, what they looked like"),
        validators=[Optional(), Length(max=2000)],
    )

    # --- Who was affected
    affected_role = RadiosField(
        _l("Who was affected?"), choices=choices(AFFECTED_ROLES), validators=[Optional()]
    )
    affected_minor = BooleanField(_l("The person affected is under 18"))
    detained_now = RadiosField(
        _l("Is someone detained right now because of this?"),
        choices=choices(YES_NO_UNKNOWN),
        validators=[Optional()],
    )
    facility = StringField(
        _l("If detained: where (jail or facility) and since when?"),
        validators=[Optional(), Length(max=300)],
    )
    transfer_expected = RadiosField(
        _l("Do you expect a transfer to ICE?"),
        choices=choices(YES_NO_UNKNOWN),
        validators=[Optional()],
    )
    urgent_signals = CheckboxesField(
        _l("What is happening right now? Tick all that apply."), choices=choices(URGENT_SIGNALS)
    )

    # --- Evidence and help
    evidence = CheckboxesField(
        _l("Is there evidence? Tick all that apply."), choices=choices(EVIDENCE)
    )
    # Evidence files (intake/evidence): limits are applied as the bytes arrive, and a file
    # refused never stops the report (templates/public/_uploads.html says so to the reporter).
    files = MultipleFileField(_l("Add photos, videos, voice notes or documents (optional)"))
    help_wanted = CheckboxesField(_l("What help do you want?"), choices=choices(HELP_WANTED))

    # --- Contact (optional)
    contact_name = StringField(
        _l("Your name or a nickname"), validators=[Optional(), Length(max=120)]
    )
    contact_phone = TelField(_l("Phone"), validators=[Optional(), Length(max=40), plausible_phone])
    contact_email = EmailField(
        _l("Email"),
        validators=[
            Optional(),
            Length(max=254),
            Email(message=_l("This does not look like an email address.")),
        ],
    )
    contact_methods = CheckboxesField(
        _l("How is it safe to contact you?"), choices=choices(CONTACT_METHODS)
    )
    voicemail_ok = BooleanField(_l("It is OK to leave a voicemail"))
    contact_notes = StringField(
        _l("When is it safe to contact you?"), validators=[Optional(), Length(max=300)]
    )
    other_names = TextAreaField(
        _l("Names of other people in your report (family, witnesses)"),
        description=_l(
            "Optional. We use this only to remove these names before staff read the report."
        ),
        validators=[Optional(), Length(max=1000)],
    )

    # --- Consent, each separately
    consent_review = BooleanField(
        _l("I agree that staff of this organisation read my report."),
        validators=[DataRequired(message=_l("We can only review your report with this consent."))],
    )
    consent_referral = BooleanField(
        _l("You may refer my case to DHS civil rights offices, ICE OPR or an attorney."),
        description=_l(
            "Without this we do not send your report to anyone. "
            "With it, staff may send it on after reading it."
        ),
    )
    consent_statistics = BooleanField(
        _l("You may include my report, without anything that identifies me, in public statistics."),
        description=_l("For example: how many stops by each agency led to status questions."),
    )

    # Honeypot: hidden from people, filled by bots. A filled one is dropped quietly.
    website = StringField("Website", validators=[Optional()])

    # A random id per empty form: the same form sent twice gives the same receipt (receipts.py).
    submission = HiddenField()

    def submission_id(self) -> str | None:
        """The form's submission id if it is one we could have made; None otherwise."""
        value = self.submission.data or ""
        return value if SUBMISSION_ID.fullmatch(value) else None

    def set_agency_choices(self, agencies: AgencyList) -> None:
        """The agencies of the chosen state (and of the chosen agency's), "not sure" first."""
        state = self.state.data if self.state.data in US_STATES else None
        self.agency.choices = shown_choices(agencies, state, self.agency.data)
        self.agency.accepted = agencies.ids
