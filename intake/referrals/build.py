"""From a report to ReferralFacts, limited to what the reporter consented to share.

- No consent to referral: no packet at all (ReferralRefused).
- The reporter's name and contact: only with `share_identity`, which staff tick when the
  reporter agreed to share them with this channel (and say how they confirmed it).
- The reporter's own words: only with `attach_words`; the redacted narrative, or the original
  when the reporter also agreed to share their identity.
Everything else is the redacted record: kept officer names, badges and car numbers are public
officials' and belong in a complaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale

from ..models import Report
from ..patterns.queries import facts_of as pattern_facts
from ..vocabulary import AFFECTED_ROLES, CATEGORIES, CONTACT_METHODS, EVIDENCE, HELP_WANTED
from .packet import Identity, OwnWords, ReferralFacts


class ReferralRefused(Exception):
    """The report's reporter did not consent to referral."""


@dataclass(frozen=True)
class Consent:
    share_identity: bool = False
    attach_words: bool = False
    how_confirmed: str = ""


def _labels(vocabulary: dict, codes: list[str] | None) -> tuple[str, ...]:
    return tuple(str(vocabulary[c]) for c in codes or [] if c in vocabulary)


def referral_facts(report: Report, consent: Consent) -> ReferralFacts:
    if not report.consent_referral:
        raise ReferralRefused(report.id)
    with force_locale("en"):  # the packet is in English whatever the staff language
        return ReferralFacts(
            reference=f"Report {report.id}",
            when=_when(report),
            where=_where(report),
            agency=_agency(report),
            officers=_officers(report),
            categories=_labels(CATEGORIES, report.categories),
            summary=_summary(report),
            people=_people(report),
            wants=_labels(HELP_WANTED, report.help_wanted),
            evidence=_labels(EVIDENCE, report.evidence),
            steps_taken=(),
            identity=Identity(
                name=report.contact_name,
                phone=report.contact_phone,
                email=report.contact_email,
                how_to_contact=", ".join(_labels(CONTACT_METHODS, report.contact_methods))
                + ("; voicemail is fine" if report.voicemail_ok else "; no voicemail"),
            )
            if consent.share_identity
            else None,
            own_words=_own_words(report, consent) if consent.attach_words else None,
            consent_note=_consent_note(consent),
        )


def _when(report: Report) -> str:
    if not report.incident_date:
        return f"Date not given (reported {report.created_at:%Y-%m-%d})."
    text = f"{report.incident_date:%B %d, %Y}"
    if report.incident_time:
        text += f", about {report.incident_time}"
    return text + (" (approximate)" if report.date_approximate else "")


def _where(report: Report) -> str:
    parts = [
        p for p in (report.city, report.county and f"{report.county} County", report.state) if p
    ]
    detail = (report.redaction or {}).get("location_detail")
    text = ", ".join(parts) or "Place not given"
    return f"{text}. {detail}" if detail else f"{text}."


def _agency(report: Report) -> str:
    agency = report.agency
    if agency is None:
        return (
            f"{report.agency_other} (not on ICE's 287(g) list)"
            if report.agency_other
            else "Not known."
        )
    models = ", ".join(agency.models or []) or "no model listed"
    signed = f", agreement signed {agency.signed:%Y-%m-%d}" if agency.signed else ""
    return f"{agency.name} ({agency.state}), 287(g) model(s): {models}{signed}; {agency.status}."


def _officers(report: Report) -> tuple[str, ...]:
    found = []
    for mention in pattern_facts(report).mentions:
        parts = [mention.shown] if mention.name else []
        if mention.badge:
            parts.append(f"badge {mention.badge}")
        if mention.car:
            parts.append(f"car {mention.car}")
        line = ", ".join(parts)
        if line and line not in found:
            found.append(line)
    described = (report.redaction or {}).get("officer_details")
    if described:
        found.append(f"As the reporter described them: {described}")
    return tuple(found)


def _summary(report: Report) -> str:
    texts = (report.summary_detail or {}).get("texts") or {}
    summary = texts.get("en") or report.summary or ""
    return f"Summary (machine-generated from the redacted report):\n{summary}" if summary else ""


def _people(report: Report) -> tuple[str, ...]:
    role = _labels(AFFECTED_ROLES, [report.affected_role] if report.affected_role else [])
    lines = [f"Affected person: {role[0].lower()} (as the reporter put it)"] if role else []
    if report.affected_minor:
        lines.append("A minor is involved.")
    if report.detained_now == "yes":
        lines.append("Still detained when reported.")
    if (report.redaction or {}).get("facility"):
        lines.append(f"Facility: {report.redaction['facility']}")
    if report.transfer_expected == "yes":
        lines.append("A transfer was expected.")
    return tuple(lines)


def _own_words(report: Report, consent: Consent) -> OwnWords:
    if consent.share_identity and report.narrative:
        return OwnWords(language=report.language, text=report.narrative, redacted=False)
    return OwnWords(language=report.language, text=report.narrative_redacted or "", redacted=True)


def _consent_note(consent: Consent) -> str:
    shared = []
    if consent.share_identity:
        shared.append("their identity and contact details")
    if consent.attach_words:
        shared.append("their own words")
    base = "The reporter consented to referral"
    if shared:
        base += " and to sharing " + " and ".join(shared) + " with this channel"
    else:
        base += "; not to sharing their identity"
    if consent.how_confirmed:
        base += f" (confirmed: {consent.how_confirmed})"
    return base + "."
