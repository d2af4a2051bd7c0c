"""Facts staff record about a report: contacts with the reporter and referrals.

The first-response clock (`Report.first_response_at`) stops at the first message to the
reporter or the first contact that reached them (or left them a message); never on a status
change, which can happen without anyone talking to the reporter.
"""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l

from workers.states import Status

from ..extensions import db
from ..models import ContactLogEntry, Referral, Report, StaffUser
from ..models.audit import audit
from .workflow import TRANSITIONS, change_status_now

CONTACT_METHODS: dict[str, object] = {
    "phone": _l("Phone call"),
    "text": _l("Text message"),
    "whatsapp": _l("WhatsApp or Signal"),
    "email": _l("Email"),
    "in_person": _l("In person"),
    "through_someone": _l("Through a family member or advocate"),
}
CONTACT_OUTCOMES: dict[str, object] = {
    "reached": _l("Spoke with the reporter"),
    "left_message": _l("Left a message"),
    "no_answer": _l("No answer"),
    "wrong_number": _l("Wrong or disconnected number"),
    "declined": _l("Reporter did not want to talk"),
}
# Outcomes in which the reporter heard from us: these stop the first-response clock.
CONTACTED = ("reached", "left_message", "declined")

REFERRAL_DESTINATIONS: dict[str, object] = {
    "crcl": _l("DHS Office for Civil Rights and Civil Liberties (CRCL)"),
    "ice_opr": _l("ICE Office of Professional Responsibility (OPR)"),
    "dhs_oig": _l("DHS Office of Inspector General (OIG)"),
    "internal_affairs": _l("The agency's internal affairs"),
    "attorney": _l("An attorney"),
    "other_org": _l("Another organisation"),
}
SHORT_DESTINATIONS: dict[str, str] = {
    "crcl": "CRCL",
    "ice_opr": "ICE OPR",
    "dhs_oig": "DHS OIG",
    "internal_affairs": "IA",
}


def mark_first_response(report: Report, at: datetime) -> None:
    if report.first_response_at is None or at < report.first_response_at:
        report.first_response_at = at


def record_contact(
    report: Report, actor: StaffUser, at: datetime, method: str, outcome: str, note: str | None
) -> ContactLogEntry:
    entry = ContactLogEntry(
        report_id=report.id, at=at, method=method, outcome=outcome, note=note, author_id=actor.id
    )
    db.session.add(entry)
    if outcome in CONTACTED:
        mark_first_response(report, at)
    audit("contact.logged", actor=actor, report_id=report.id, method=method, outcome=outcome)
    return entry


def record_referral(
    report: Report,
    actor: StaffUser,
    *,
    destination: str,
    destination_other: str | None,
    referred_on: date,
    reference: str | None,
    consented: bool,
) -> Referral:
    """The referral, and the report moves to "Referred" if its status allows that step."""
    referral = Referral(
        report_id=report.id,
        destination=destination,
        destination_other=destination_other,
        referred_on=referred_on,
        reference=reference,
        reporter_consented=consented,
        author_id=actor.id,
    )
    db.session.add(referral)
    audit(
        "report.referred",
        actor=actor,
        report_id=report.id,
        destination=destination,
        consented=consented,
    )
    if Status.REFERRED in TRANSITIONS.get(report.status, ()):
        change_status_now(report, Status.REFERRED, actor)
    return referral
