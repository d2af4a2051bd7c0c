"""Turning a valid form into a stored report, once.

The same form can arrive twice: a refresh of the receipt page sends it again, a double tap or a
retry after a dropped connection too. Its submission id gives it the same receipt each time
(receipts.py), so the second insert hits the unique receipt hash; if the stored report says the
same, the reporter gets the same receipt back and nothing new is stored. If it says something
else (the form was changed and sent again), that is a new report with a receipt of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import get_locale
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..dispatch import stamp_enqueued
from ..extensions import db
from ..models import Agency, Attachment, Report
from .forms import AGENCY_OTHER, AGENCY_UNKNOWN, ReportForm
from .receipts import new_receipt, receipt_for, receipt_hash


def accept(
    form: ReportForm,
    extra: dict[str, Any] | None = None,
    attachments: Sequence[Attachment] = (),
) -> tuple[str, int | None]:
    """Store the report of `form` unless it is stored already; returns the receipt and the new
    report's id (None when this form had been received before: nothing new to enqueue).
    `extra` are columns the form does not have (a volunteer's entry: who, channel, language);
    `attachments` are its sealed evidence files, stored in the same transaction."""
    values = {**report_values(form), **(extra or {})}
    submission = form.submission_id()
    receipt = receipt_for(submission) if submission else new_receipt()
    try:
        return receipt, save_report(values, receipt, attachments)
    except IntegrityError:
        db.session.rollback()
        earlier = db.session.scalar(select(Report).filter_by(receipt_hash=receipt_hash(receipt)))
        if earlier is None or submission is None:
            raise  # not a receipt clash: a real error, which the 500 handler answers
        if all(getattr(earlier, name) == values[name] for name in values if name != "language"):
            # (The language is that of the page, not of the report: a reporter who switched it
            # on the receipt page and went back re-sends the same report in another.)
            return receipt, None
        receipt = new_receipt()
        return receipt, save_report(values, receipt, attachments)


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _chosen(values: list[str] | None) -> list[str]:
    """Options ticked, each once, in the order sent: a value sent 10,000 times (validation has
    checked each is an option) is one, so no list is longer than its field's options."""
    return list(dict.fromkeys(values or []))


def report_values(form: ReportForm) -> dict[str, Any]:
    """The report's columns, exactly as given (only blanks made None)."""
    agency_value = form.agency.data or AGENCY_UNKNOWN
    agency_id = None
    if agency_value not in (AGENCY_OTHER, AGENCY_UNKNOWN) and db.session.get(
        Agency, int(agency_value)
    ):
        agency_id = int(agency_value)
    incident_time = form.incident_time.data
    return {
        "language": str(get_locale() or "en"),
        "incident_date": form.incident_date.data,
        "incident_time": incident_time.strftime("%H:%M") if incident_time else None,
        "date_approximate": form.date_approximate.data,
        "city": _text(form.city.data),
        "county": _text(form.county.data),
        "state": form.state.data or None,
        "location_detail": _text(form.location_detail.data),
        "agency_id": agency_id,
        "agency_choice": "listed" if agency_id else agency_value,
        "agency_other": _text(form.agency_other.data),
        "officer_details": _text(form.officer_details.data),
        "categories": _chosen(form.categories.data),
        "narrative": form.narrative.data.strip(),
        "affected_role": form.affected_role.data or None,
        "affected_minor": form.affected_minor.data,
        "emergency_now": form.emergency_now.data or None,
        "detained_now": form.detained_now.data or _detained_from(form),
        "facility": _text(form.facility.data),
        "transfer_expected": form.transfer_expected.data or None,
        "urgent_signals": _chosen(form.urgent_signals.data),
        "evidence": _chosen(form.evidence.data),
        "help_wanted": _chosen(form.help_wanted.data),
        "contact_name": _text(form.contact_name.data),
        "contact_phone": _text(form.contact_phone.data),
        "contact_email": _text(form.contact_email.data),
        "contact_methods": _chosen(form.contact_methods.data),
        "voicemail_ok": form.voicemail_ok.data,
        "contact_notes": _text(form.contact_notes.data),
        "other_names": _text(form.other_names.data),
        "consent_review": form.consent_review.data,
        "consent_referral": form.consent_referral.data,
        "consent_statistics": form.consent_statistics.data,
    }


def _detained_from(form: ReportForm) -> str | None:
    """The form asks once, first: a tick on "someone is in custody right now" or a "no" to the
    emergency question answers "is someone detained now?" too (a POST may still send it)."""
    if "in_custody_now" in (form.urgent_signals.data or []):
        return "yes"
    return "no" if form.emergency_now.data == "no" else None


def save_report(
    values: dict[str, Any], receipt: str, attachments: Sequence[Attachment] = ()
) -> int:
    """Store the report (sensitive fields encrypt themselves) and its attachments and commit,
    in one transaction and one round trip for the row; returns its id."""
    report = Report(receipt_hash=receipt_hash(receipt), **values)
    stamp_enqueued(report)
    db.session.add(report)
    db.session.flush()  # the INSERT ... RETURNING id, which the commit would issue anyway
    report_id = report.id  # read before the commit expires the row (a reload is a round trip)
    for attachment in attachments:
        attachment.report_id = report_id
        db.session.add(attachment)
    if attachments:
        db.session.flush()  # their ids, for the enqueue after the commit
    db.session.commit()
    return report_id
