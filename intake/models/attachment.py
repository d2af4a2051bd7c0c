from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow

# sealed: the original is stored, the staff copy not made yet; safe: the copy is ready;
# unsafe: the tools could not read the file (it stays sealed, no copy); purged: retention
# deleted the files (the fingerprint stays, for the record).
SEALED, SAFE, UNSAFE, PURGED = "sealed", "safe", "unsafe", "purged"


class Attachment(db.Model):
    """An evidence file a reporter (or a volunteer for them) sent with a report.

    The original is kept sealed (encrypted, intake/evidence/sealing.py) with the SHA-256 it had
    on arrival, for chain of custody; staff see only the sterilised copy the worker makes
    (metadata removed, re-encoded), and the original only through a reveal with a reason.
    The file's name is never stored: it can name a person or a place.
    """

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_state_enqueued", "state", "enqueued_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Where it came from: the public form, the follow-up page, a volunteer's entry.
    source: Mapped[str] = mapped_column(String(12))
    position: Mapped[int]  # "file 1", "file 2" on the receipt, in the order sent
    kind: Mapped[str] = mapped_column(String(10))  # photo, video, audio, document
    media_type: Mapped[str] = mapped_column(String(40))  # found from the bytes, not the name
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    original_key: Mapped[str | None] = mapped_column(String(200))

    # --- the staff copy (made by the worker: workers/evidence_tasks.py)
    state: Mapped[str] = mapped_column(String(10), default=SEALED)
    safe_key: Mapped[str | None] = mapped_column(String(200))
    safe_media_type: Mapped[str | None] = mapped_column(String(40))
    safe_size: Mapped[int | None]
    thumbnail_key: Mapped[str | None] = mapped_column(String(200))
    removed: Mapped[list[str]] = mapped_column(JSON, default=list)  # what metadata was removed
    enqueued_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    processed_at: Mapped[datetime | None]
    failure_reason: Mapped[str | None] = mapped_column(String(200))
    purged_at: Mapped[datetime | None]

    @property
    def fingerprint_short(self) -> str:
        return self.sha256[:12]
