"""Retention for evidence files: when a report's originals are deleted (intake/staff/
retention.py), its files go too — the sealed original, the staff copy and the thumbnail. The
row stays with its fingerprint, kind and size, for the record, as the redacted narrative does.

Files of reports already purged are looked up on every run, so a store that was unreachable
once is simply tried again next time.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Attachment, Report
from ..models.attachment import PURGED
from .storage import StorageError, store

log = logging.getLogger(__name__)
BATCH = 200


def purge_evidence(now: datetime) -> int:
    """Delete the stored files of every attachment whose report's originals were purged;
    returns how many attachments were purged."""
    rows = db.session.scalars(
        select(Attachment)
        .join(Report, Report.id == Attachment.report_id)
        .where(Report.original_purged_at.is_not(None), Attachment.purged_at.is_(None))
        .order_by(Attachment.id)
        .limit(BATCH)
    ).all()
    purged = 0
    for row in rows:
        try:
            for key in (row.original_key, row.safe_key, row.thumbnail_key):
                if key:
                    store().delete(key)
        except StorageError as exc:
            log.warning("retention: evidence file not deleted yet (%s)", type(exc).__name__)
            continue
        row.original_key = row.safe_key = row.thumbnail_key = None
        row.state = PURGED
        row.purged_at = now
        purged += 1
    db.session.commit()
    return purged
