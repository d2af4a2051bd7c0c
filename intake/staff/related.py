"""Related reports: the same agency with incidents within 14 days of each other, or the same
officer or badge text kept by the anonymizer. Simple on purpose; pattern finding can grow
from here."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from workers.states import PipelineState

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
    base = select(Report).where(
        Report.id != report.id, Report.pipeline_state == PipelineState.PROCESSED
    )
    if user.queues:
        base = base.where(Report.queue.in_(user.queues))
    found: dict[int, tuple[Report, str]] = {}
    if report.agency_id:
        # What happened when matters, not when it was reported: people report weeks later.
        if report.incident_date is not None:
            near = Report.incident_date.between(
                report.incident_date - WINDOW, report.incident_date + WINDOW
            )
        else:
            near = Report.incident_date.is_(None) & Report.created_at.between(
                report.created_at - WINDOW, report.created_at + WINDOW
            )
        same_agency = base.where(Report.agency_id == report.agency_id, near)
        for other in db.session.scalars(
            same_agency.order_by(Report.incident_date.desc(), Report.id.desc()).limit(LIMIT)
        ):
            found.setdefault(
                other.id, (other, str(_l("same agency, incidents within 14 days of each other")))
            )
    for value in kept_officer_texts(report)[:5]:
        if len(found) >= LIMIT:
            break
        pattern = "%" + value.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
        same_officer = base.where(Report.narrative_redacted.like(pattern, escape="\\"))
        for other in db.session.scalars(same_officer.order_by(Report.id.desc()).limit(LIMIT)):
            found.setdefault(other.id, (other, str(_l("mentions “%(text)s”", text=value))))
    return list(found.values())[:LIMIT]
