"""What staff pages show of a report's evidence files (templates/staff/_attachments.html)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import Attachment, AuditEvent, Report
from .kinds import KIND_LABELS, Kind
from .sealed import size_label

# Staff-facing words for workers/sterilise's Removed codes.
REMOVED_LABELS = {
    "gps": _l("GPS position"),
    "device": _l("phone or camera model"),
    "serial": _l("device serial number"),
    "owner": _l("owner name"),
    "time": _l("date and time recorded"),
    "software": _l("software used"),
    "text": _l("titles and comments"),
    "xmp": _l("XMP metadata"),
    "iptc": _l("IPTC metadata"),
    "scripts": _l("scripts and embedded files"),
    "tracks": _l("extra data tracks or cover pictures"),
    "other": _l("other metadata"),
}
SOURCE_LABELS = {
    "form": _l("the public form"),
    "follow-up": _l("the follow-up page"),
    "volunteer": _l("a volunteer's entry"),
}


def attachments_of(report: Report) -> list[Attachment]:
    return list(
        db.session.scalars(
            select(Attachment)
            .where(Attachment.report_id == report.id)
            .order_by(Attachment.position, Attachment.id)
        )
    )


def file_reveals(report: Report) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.report_id == report.id, AuditEvent.action == "attachment.reveal")
            .order_by(AuditEvent.id)
        )
    )


def kind_label(attachment: Attachment) -> str:
    return str(KIND_LABELS[Kind(attachment.kind)])


def removed_sentence(attachment: Attachment) -> str:
    """'Removed: GPS position, phone or camera model, owner name.' (or that none was found)"""
    labels = [str(REMOVED_LABELS.get(code, code)) for code in attachment.removed or []]
    if not labels:
        return str(_l("No identifying metadata was found; the file was re-made all the same."))
    return str(_l("Removed from this copy: %(list)s.", list=", ".join(labels)))


def template_helpers() -> dict[str, object]:
    return {
        "attachments_of": attachments_of,
        "file_reveals": file_reveals,
        "attachment_kind": kind_label,
        "attachment_removed": removed_sentence,
        "attachment_size": lambda a: size_label(a.size),
        "attachment_source": lambda a: str(SOURCE_LABELS.get(a.source, a.source)),
    }
