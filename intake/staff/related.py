"""Related reports, first version: the same agency within 14 days, or the same officer or badge
text kept by the anonymizer. Simple on purpose; pattern finding can grow from here."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from ..extensions import db
from ..models import Report, StaffUser

WINDOW = timedelta(days=14)
OFFICER_LABELS = ("OFFICER", "BADGE")
LIMIT = 10


def kept_officer_texts(report: Report) -> list[str]:
    """The officer names and badge numbers the anonymizer kept in the redacted narrative."""
    text = report.narrative_redacted or ""
    found: list[str] = []
    for tag in (report.redaction or {}).get("kept", []):
        if tag.get("label") in OFFICER_LABELS and 0 <= tag["start"] < tag["end"] <= len(text):
            value = text[tag["start"] : tag["end"]].strip()
            if len(value) >= 3 and value not in found:
                found.append(value)
    return found


def related_reports(report: Report, user: StaffUser) -> list[tuple[Report, str]]:
    """Up to LIMIT other processed reports, each with why it is listed."""
    base = select(Report).where(Report.id != report.id, Report.pipeline_state == "processed")
    if user.queues:
        base = base.where(Report.queue.in_(user.queues))
    found: dict[int, tuple[Report, str]] = {}
    if report.agency_id:
        same_agency = base.where(
            Report.agency_id == report.agency_id,
            Report.created_at.between(report.created_at - WINDOW, report.created_at + WINDOW),
        )
        for other in db.session.scalars(
            same_agency.order_by(Report.created_at.desc()).limit(LIMIT)
        ):
            found.setdefault(other.id, (other, "same agency within 14 days"))
    for value in kept_officer_texts(report)[:5]:
        if len(found) >= LIMIT:
            break
        pattern = "%" + value.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
        same_officer = base.where(Report.narrative_redacted.like(pattern, escape="\\"))
        for other in db.session.scalars(same_officer.order_by(Report.id.desc()).limit(LIMIT)):
            found.setdefault(other.id, (other, f"mentions “{value}”"))
    return list(found.values())[:LIMIT]
