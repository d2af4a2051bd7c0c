"""Sealing received files into a report's attachments, and what the reporter is told.

Each accepted file is encrypted into the store under a random key before the report's
transaction commits (an orphan object if the commit then fails, never a row without its file);
its SHA-256 is computed from the bytes as they are sealed. A file the store refuses is
reported back as not saved, and the report goes on without it.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..crypto import fernet
from ..models import Attachment
from ..timeutil import utcnow
from .kinds import KIND_LABELS, Kind
from .sealing import seal
from .storage import StorageError, store
from .uploads import MB, Refused, Upload, file_limit, report_limit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileReceipt:
    """What the receipt page says of one file: accepted with its fingerprint, or why not."""

    number: int
    kind: str | None
    size: int
    sha256: str | None
    refused: Refused | None = None

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[Kind(self.kind)]) if self.kind else ""

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def why(self) -> str:
        return str(refusal_message(self.refused)) if self.refused else ""

    def as_field(self) -> str:
        """The value carried by the receipt page's forms (language switch, save, print): the
        reporter's own data, checked against RECEIPT_FILE when it comes back."""
        return f"{self.number}:{self.kind or '-'}:{self.size}:{self.sha256 or '-'}:" + (
            self.refused.value if self.refused else "-"
        )


def size_label(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f}".removesuffix(".0") + " MB"  # "50 MB", "2.1 MB"
    return f"{max(1, round(size / 1024))} KB"


def refusal_message(why: Refused) -> object:
    return {
        Refused.TOO_LARGE: _l(
            "not accepted: it is larger than %(limit)s. Your report was sent without it.",
            limit=size_label(file_limit()),
        ),
        Refused.OVER_TOTAL: _l(
            "not accepted: the files of one report can be %(limit)s in all. "
            "Your report was sent without it.",
            limit=size_label(report_limit()),
        ),
        Refused.NOT_EVIDENCE: _l(
            "not accepted: we take photos, videos, voice notes and PDF documents only. "
            "Your report was sent without it."
        ),
        Refused.NOT_SAVED: _l(
            "not saved because of a problem on our side. Your report was sent without it: "
            "please add the file later on the follow-up page."
        ),
    }[why]


def seal_uploads(
    uploads: list[Upload], source: str, first_position: int = 1
) -> tuple[list[Attachment], list[FileReceipt]]:
    """Seal each accepted upload into the store; the attachment rows (not added to a session:
    the caller adds them with the report) and a FileReceipt for every file chosen."""
    rows: list[Attachment] = []
    receipts: list[FileReceipt] = []
    position = first_position
    for upload in uploads:
        if upload.refused or upload.stream is None or upload.detected is None:
            receipts.append(FileReceipt(upload.number, None, upload.size, None, upload.refused))
            continue
        key = f"originals/{utcnow():%Y/%m}/{secrets.token_hex(16)}"
        try:
            with tempfile.TemporaryFile() as sealed:
                sha256, size = seal(fernet(), upload.stream, sealed)
                sealed.seek(0)
                store().put(key, sealed)
        except (StorageError, OSError) as exc:
            log.warning("an evidence file was not stored (%s)", type(exc).__name__)
            receipts.append(FileReceipt(upload.number, None, upload.size, None, Refused.NOT_SAVED))
            continue
        rows.append(
            Attachment(
                source=source,
                position=position,
                kind=upload.detected.kind.value,
                media_type=upload.detected.media_type,
                size=size,
                sha256=sha256,
                original_key=key,
                enqueued_at=utcnow(),
            )
        )
        receipts.append(FileReceipt(upload.number, upload.detected.kind.value, size, sha256))
        position += 1
    return rows, receipts


def discard(rows: list[Attachment]) -> None:
    """Delete the sealed files of rows that will not be stored (the report was a resend)."""
    for row in rows:
        if row.original_key:
            try:
                store().delete(row.original_key)
            except StorageError as exc:
                log.warning("a discarded evidence file was not deleted (%s)", type(exc).__name__)
