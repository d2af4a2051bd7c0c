"""The public report form (intake/public/forms.py), reused as it is, with what only a person
entering it for someone else answers. The consent questions keep their field names (the report
stores them the same way) but say what the volunteer confirms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField
from wtforms.validators import DataRequired

from ..public.forms import ChoiceField, RadiosField, ReportForm, choices

CHANNELS = {
    "phone": _l("Phone call"),
    "in_person": _l("In person"),
    "text": _l("Text message"),
    "social": _l("Social media message"),
    "other": _l("Other"),
}
OTHER_LANGUAGE = "other"


class VolunteerReportForm(ReportForm):
    channel = RadiosField(
        _l("How did the person reach us?"),
        choices=choices(CHANNELS),
        validators=[DataRequired(message=_l("Say how the person reached us."))],
    )
    spoken_language = ChoiceField(_l("Language the person spoke"), choices=[])
    script_read = BooleanField(
        _l("I read the consent script aloud, in the language the person spoke."),
        validators=[DataRequired(message=_l("Read the consent script to the person first."))],
    )
    consent_review = BooleanField(
        _l("The person agreed that our staff read the report."),
        validators=[DataRequired(message=_l("Without this agreement the report cannot be taken."))],
    )
    consent_referral = BooleanField(
        _l("The person agreed that we may refer the case (DHS civil rights, ICE OPR, an attorney).")
    )
    consent_statistics = BooleanField(
        _l("The person agreed that the report may count, without names, in public statistics.")
    )
    # Which language the script on the page was shown in (the GET that chose it).
    script_language = HiddenField()

    def set_languages(self, names: dict[str, str]) -> None:
        self.spoken_language.choices = choices(
            {**{code: name.capitalize() for code, name in names.items()},
             OTHER_LANGUAGE: str(_l("Another language (interpreted)"))}
        )  # fmt: skip
