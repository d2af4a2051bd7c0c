"""The plain data the pipeline steps see of a report: no contact details, redacted text only.

Shared by the worker glue (workers/tasks.py) and the routing dry run (`rules test`).
"""

from __future__ import annotations

from flask_babel import force_locale

from ..models import Report
from ..vocabulary import AFFECTED_ROLES, CATEGORIES, EVIDENCE, HELP_WANTED, URGENT_SIGNALS

STAFF_LANGUAGE = "en"


def _labels(vocabulary: dict[str, object], codes: list[str]) -> list[str]:
    return [str(vocabulary[code]) for code in codes if code in vocabulary]


def known_values(report: Report) -> dict:
    """What the reporter typed in separate fields, so every variant leaves the narrative."""
    return {
        "reporter_name": report.contact_name or "",
        "phone": report.contact_phone or "",
        "email": report.contact_email or "",
        "other_names": [n.strip() for n in (report.other_names or "").splitlines() if n.strip()],
    }


def facts_of(
    report: Report, redacted: dict[str, str | None], language: str = STAFF_LANGUAGE
) -> dict:
    """The plain data the routing and summary steps see: no contact details, redacted text.
    Labels are in `language` (the staff language unless a summary in another is wanted)."""
    with force_locale(language):
        return {
            "id": report.id,
            "language": report.language,
            "categories": list(report.categories or []),
            "category_labels": _labels(CATEGORIES, report.categories or []),
            "agency": report.agency.as_facts() if report.agency else None,
            "agency_choice": report.agency_choice,
            "state": report.state,
            "county": report.county,
            "city": report.city,
            "location_detail": redacted.get("location_detail"),
            "incident_date": report.incident_date.isoformat() if report.incident_date else None,
            "incident_time": report.incident_time,
            "date_approximate": report.date_approximate,
            "urgent_signals": list(report.urgent_signals or []),
            "urgency_labels": _labels(URGENT_SIGNALS, report.urgent_signals or []),
            "detained_now": report.detained_now,
            "facility": redacted.get("facility"),
            "transfer_expected": report.transfer_expected,
            "emergency_now": report.emergency_now,
            "affected_role_label": _labels(AFFECTED_ROLES, [report.affected_role or ""])[0]
            if report.affected_role in AFFECTED_ROLES
            else None,
            "affected_minor": report.affected_minor,
            "help_wanted_labels": _labels(HELP_WANTED, report.help_wanted or []),
            "evidence_labels": _labels(EVIDENCE, report.evidence or []),
            "consent": {
                "review": report.consent_review,
                "referral": report.consent_referral,
                "statistics": report.consent_statistics,
            },
            "contact_possible": report.contact_possible,
            "narrative_redacted": redacted["narrative"],
        }
