"""The plain data the pipeline steps see of a report: no contact details, redacted text only.

Built here, typed by the workers (workers/contracts.py); shared by the worker pipeline
(workers/pipeline.py) and the routing dry run (`rules test`, the admin rules page).
"""

from __future__ import annotations

from flask_babel import force_locale

from workers.contracts import AgencyFacts, Consent, KnownValues, ReportFacts

from ..models import Report
from ..vocabulary import AFFECTED_ROLES, CATEGORIES, EVIDENCE, HELP_WANTED, URGENT_SIGNALS

STAFF_LANGUAGE = "en"


def _labels(vocabulary: dict[str, object], codes: list[str]) -> tuple[str, ...]:
    return tuple(str(vocabulary[code]) for code in codes if code in vocabulary)


def known_values(report: Report) -> KnownValues:
    """What the reporter typed in separate fields, so every variant leaves the narrative."""
    return KnownValues(
        reporter_name=report.contact_name or "",
        phone=report.contact_phone or "",
        email=report.contact_email or "",
        other_names=tuple(
            n.strip() for n in (report.other_names or "").splitlines() if n.strip()
        ),
    )


def facts_of(
    report: Report, redacted: dict[str, str | None], language: str = STAFF_LANGUAGE
) -> ReportFacts:
    """The plain data the routing and summary steps see: no contact details, redacted text.
    Labels are in `language` (the staff language unless a summary in another is wanted)."""
    with force_locale(language):
        return ReportFacts(
            id=report.id,
            language=report.language or "en",
            categories=tuple(report.categories or []),
            category_labels=_labels(CATEGORIES, report.categories or []),
            agency=AgencyFacts.from_mapping(report.agency.as_facts()) if report.agency else None,
            agency_choice=report.agency_choice,
            state=report.state,
            county=report.county,
            city=report.city,
            location_detail=redacted.get("location_detail"),
            incident_date=report.incident_date.isoformat() if report.incident_date else None,
            incident_time=report.incident_time,
            date_approximate=bool(report.date_approximate),
            urgent_signals=tuple(report.urgent_signals or []),
            urgency_labels=_labels(URGENT_SIGNALS, report.urgent_signals or []),
            detained_now=report.detained_now,
            facility=redacted.get("facility"),
            transfer_expected=report.transfer_expected,
            emergency_now=report.emergency_now,
            affected_role_label=str(AFFECTED_ROLES[report.affected_role])
            if report.affected_role in AFFECTED_ROLES
            else None,
            affected_minor=bool(report.affected_minor),
            help_wanted_labels=_labels(HELP_WANTED, report.help_wanted or []),
            evidence_labels=_labels(EVIDENCE, report.evidence or []),
            consent=Consent(
                review=bool(report.consent_review),
                referral=bool(report.consent_referral),
                statistics=bool(report.consent_statistics),
            ),
            contact_possible=bool(report.contact_possible),
            narrative_redacted=redacted["narrative"] or "",
        )
