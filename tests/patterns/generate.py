"""Generated reports for the pattern tests: a redacted narrative written as pieces, some of
them tagged the way the anonymizer keeps them (OFFICER, BADGE, PLACE), so the kept spans are
exact without running the anonymizer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from intake.extensions import db
from intake.models import Agency, Report

from ..staff.helpers import make_report


def tagged(*pieces: str | tuple[str, str]) -> tuple[str, list[dict]]:
    """("Deputy ", ("R. Treviño", "OFFICER"), " stopped us") -> (text, kept spans)."""
    text, kept = "", []
    for piece in pieces:
        if isinstance(piece, tuple):
            value, label = piece
            kept.append(
                {"start": len(text), "end": len(text) + len(value), "label": label, "text": value}
            )
            text += value
        else:
            text += piece
    return text, kept


def agency(name: str, state: str) -> Agency:
    found = db.session.scalar(select(Agency).where(Agency.name == name, Agency.state == state))
    assert found is not None, f"{name} ({state}) is not in the seeded ICE list"
    return found


def report(
    *pieces: str | tuple[str, str],
    agency_id: int | None,
    day: date,
    officers: tuple = (),
    email: str | None = None,
    phone: str | None = None,
    **fields: object,
) -> Report:
    """A processed report with this narrative (and officers field) on this incident date."""
    text, kept = tagged(*pieces)
    officer_text, officer_kept = tagged(*officers) if officers else (None, [])
    created, _ = make_report(
        narrative_redacted=text,
        redaction={
            "kept": kept,
            "officer_details": officer_text,
            "officer_details_kept": officer_kept,
        },
        agency_id=agency_id,
        agency_choice=str(agency_id) if agency_id else "unknown",
        incident_date=day,
        contact_email=email,
        contact_phone=phone,
        contact_name=None,
        **fields,
    )
    return created
