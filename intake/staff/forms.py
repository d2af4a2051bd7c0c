"""The staff pages' forms, one per action: each owns its fields, their cleaning and the message
for a value it refuses. Routes validate a form and hand its data to intake/staff/operations.py
(accounts, notes, messages) or casework.py (contacts, referrals)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from email_validator import EmailNotValidError
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from workers.states import Role

from ..timeutil import utcnow
from ..untrusted import whole_number
from .accounts import UnknownQueues, chosen_queues, staff_email
from .actions import FIELDS, parse_labels
from .casework import CONTACT_METHODS, CONTACT_OUTCOMES, REFERRAL_DESTINATIONS
from .clock import local, organisation_zone

# Notes, messages and reasons: long enough for anything a person writes, bounded all the same.
MAX_TEXT = 5000
# A contact logged a few minutes "in the future" is a clock difference, not a mistake.
CONTACT_CLOCK_SLACK = timedelta(minutes=5)
MIN_REASON = 10  # characters: a reason, not a keystroke


def cleaned(value: object) -> str:
    """Free text as stored: stripped, at most MAX_TEXT characters."""
    return (value if isinstance(value, str) else "").strip()[:MAX_TEXT]


class StaffForm(FlaskForm):
    """CSRF is checked once for every POST by CSRFProtect (intake/extensions.py)."""

    class Meta:
        csrf = False

    def first_error(self) -> object:
        return next(iter(error for errors in self.errors.values() for error in errors), "")


def _role_field(default: str | None = None) -> SelectField:
    return SelectField(
        choices=[SelectChoice(role.value, role.label) for role in Role], default=default
    )


class RoleForm(StaffForm):
    role = _role_field()


class QueuesForm(StaffForm):
    """The queues an account may see; none ticked means every queue. `known` are the queues
    that exist: any other name is refused by name."""

    queues = SelectMultipleField(validate_choice=False)

    def __init__(self, *args: object, known: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.known = known

    def validate_queues(self, field: SelectMultipleField) -> None:
        try:
            field.data = chosen_queues(field.data or [], self.known)
        except UnknownQueues as unknown:
            raise ValidationError(
                _l("There is no queue called %(names)s.", names=", ".join(unknown.names))
            ) from unknown


class LanguageForm(StaffForm):
    """The language of an account's staff pages: one the app has a catalogue for."""

    language = SelectField(validate_choice=False)

    def validate_language(self, field: SelectField) -> None:
        if field.data not in current_app.config["LANGUAGES"]:
            raise ValidationError(_l("Choose a language of the list."))


class NewAccountForm(QueuesForm):
    email = StringField()
    role = _role_field(default=Role.REVIEWER.value)
    language = SelectField(validate_choice=False, default="en")

    def validate_email(self, field: StringField) -> None:
        try:
            field.data = staff_email(field.data or "")
        except EmailNotValidError as exc:
            raise ValidationError(_l("That email address is not valid.")) from exc

    def validate_language(self, field: SelectField) -> None:
        # A language we do not have falls back to English rather than refusing the account.
        if field.data not in current_app.config["LANGUAGES"]:
            field.data = "en"


def _account_id(value: object) -> int | None | str:
    """An assignee field: empty is nobody, else an account id; anything else stays a string
    for the validator to refuse."""
    if not value:
        return None
    number = whole_number(value if isinstance(value, str) else None)
    return value if number is None else number


class ReportActionsForm(StaffForm):
    """Status, assignee and labels in one form, each with the value the page showed when it
    was loaded (`was_...`): only the fields the page sent count, and a conflict is someone else
    having changed the same field meanwhile (intake/staff/actions.py)."""

    status = StringField()
    was_status = StringField()
    assignee = StringField(filters=[_account_id])
    was_assignee = StringField(filters=[_account_id])
    labels = StringField(filters=[lambda v: parse_labels(cleaned(v))])
    was_labels = StringField(filters=[lambda v: parse_labels(cleaned(v))])

    def validate_assignee(self, field: StringField) -> None:
        if isinstance(field.data, str) or isinstance(self.was_assignee.data, str):
            raise ValidationError(_l("That is not an account."))

    def wanted_and_loaded(self) -> tuple[dict[str, object], dict[str, object]]:
        """The fields the form sent, and the values the page showed when it was loaded."""
        wanted: dict[str, object] = {}
        loaded: dict[str, object] = {}
        for name in FIELDS:
            if self[name].raw_data:
                wanted[name], loaded[name] = self[name].data, self[f"was_{name}"].data
        return wanted, loaded


class NoteForm(StaffForm):
    body = TextAreaField(filters=[cleaned])


class ReporterMessageForm(StaffForm):
    """A message from staff to the reporter, read on the follow-up page."""

    body = TextAreaField(filters=[cleaned])


class RevealForm(StaffForm):
    """Why a member of staff needs the originals: written to the audit log with the reveal."""

    reason = TextAreaField(filters=[cleaned])

    def validate_reason(self, field: TextAreaField) -> None:
        if len(field.data) < MIN_REASON:
            raise ValidationError(_l("Say why you need the original (at least 10 characters)."))


class RedactionCheckedForm(StaffForm):
    checked = StringField()

    @property
    def is_checked(self) -> bool:
        return self.checked.data == "y"


def _local_moment(value: object) -> datetime | None:
    """A datetime-local value, in the organisation's zone, as naive UTC; None if it is not one."""
    try:
        moment = datetime.fromisoformat(value if isinstance(value, str) else "")
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=organisation_zone())
    return moment.astimezone(UTC).replace(tzinfo=None)


class ContactForm(StaffForm):
    """A call or other contact with the reporter: how, what came of it, when."""

    method = SelectField(choices=list(CONTACT_METHODS), validate_choice=False)
    outcome = SelectField(choices=list(CONTACT_OUTCOMES), validate_choice=False)
    at = StringField(filters=[_local_moment])
    note = TextAreaField(filters=[cleaned])

    def validate_method(self, field: SelectField) -> None:
        if field.data not in CONTACT_METHODS or self.outcome.data not in CONTACT_OUTCOMES:
            raise ValidationError(_l("Choose how, and what came of it."))

    def validate_at(self, field: StringField) -> None:
        if field.data is None or field.data > utcnow() + CONTACT_CLOCK_SLACK:
            raise ValidationError(_l("Give when it happened (not later than now)."))


def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(value if isinstance(value, str) else "")
    except ValueError:
        return None


class ReferralForm(StaffForm):
    """To whom, when, their reference number, and whether the reporter consented."""

    destination = SelectField(choices=list(REFERRAL_DESTINATIONS), validate_choice=False)
    destination_other = StringField(filters=[lambda v: cleaned(v)[:200] or None])
    referred_on = StringField(filters=[_iso_date])
    reference = StringField(filters=[lambda v: cleaned(v)[:100] or None])
    consented = StringField()

    def validate_destination(self, field: SelectField) -> None:
        if field.data not in REFERRAL_DESTINATIONS or self.consented.data not in ("yes", "no"):
            raise ValidationError(_l("Choose to whom, and whether the reporter consented."))

    def validate_referred_on(self, field: StringField) -> None:
        if field.data is None or field.data > local(utcnow()).date():
            raise ValidationError(_l("Give the date of the referral (not later than today)."))


class CorrectionForm(StaffForm):
    """Redact more or restore a word, in the narrative or in one of the reporter's messages."""

    target = StringField(default="narrative")
    kind = StringField()
    text = StringField()
    label = StringField()
    word = StringField()
    why = TextAreaField(filters=[cleaned])

    @property
    def message_id(self) -> int | None:
        """The reporter's message corrected; None for the narrative (or a malformed target)."""
        value = self.target.data or "narrative"
        return int(value) if value.isdigit() else None

    @property
    def of_narrative(self) -> bool:
        return (self.target.data or "narrative") == "narrative"
