"""The export record of a report (docs/contract.md). Redacted data only, by construction:
this is the one place that decides what leaves the system, so it lists fields, never copies rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..evidence.views import attachments_of
from ..models import Report


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def export_record(report: Report) -> dict[str, Any]:
    routing = report.routing or {}
    return {
        "id": report.id,
        "status": report.status,
        "pipeline_state": report.pipeline_state,
        "created_at": _iso(report.created_at),
        "processed_at": _iso(report.processed_at),
        "language": report.language,
        "incident_date": report.incident_date.isoformat() if report.incident_date else None,
        "city": report.city,
        "state": report.state,
        "agency": report.agency.name if report.agency else None,
        "agency_models": list(report.agency.models) if report.agency else [],
        "agency_choice": report.agency_choice,
        "categories": list(report.categories or []),
        "queue": report.queue,
        "priority": report.priority,
        "urgent": bool(report.urgent),
        "level": report.level,
        "deadline_at": _iso(report.deadline_at),
        "flags": list(report.flags or []),
        "routing": report.routing_rules,
        "routing_explanation": routing.get("explanation"),
        "summary": report.summary,
        "narrative_redacted": report.narrative_redacted,
        # Evidence files by fingerprint only: never their content, name or metadata.
        "attachments": [
            {"kind": a.kind, "size": a.size, "sha256": a.sha256, "state": a.state}
            for a in attachments_of(report)
        ],
    }
