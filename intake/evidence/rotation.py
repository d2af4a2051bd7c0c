"""Key rotation for evidence files: every sealed original, staff copy and thumbnail is
re-encrypted with the first key of INTAKE_ENCRYPTION_KEYS (`flask --app intake keys rotate`
calls this after the database's values), so the old keys can then be dropped.

Each file is re-sealed into a temporary file and put back under the same key (the local store
renames into place, S3 replaces the object whole), so a run stopped half-way leaves every file
readable with the keys still listed, and running it again finishes the job. An original is
put back only when it still matches the fingerprint taken on arrival; one that does not is
left as it is and counted, never overwritten.
"""

from __future__ import annotations

import logging
import tempfile
from contextlib import closing
from dataclasses import dataclass, field

from sqlalchemy import select

from ..crypto import fernet
from ..extensions import db
from ..models import Attachment
from .sealing import SealBroken, reseal
from .storage import StorageError, store

log = logging.getLogger(__name__)


@dataclass
class Resealed:
    files: int = 0
    failed: list[str] = field(default_factory=list)  # "attachment 12 original: why"


def reseal_file(key: str, sha256: str | None) -> None:
    """Re-encrypt the stored file `key` in place; `sha256`: the original's fingerprint."""
    keys = fernet()
    with tempfile.TemporaryFile() as fresh:
        with closing(store().open(key)) as sealed:
            digest = reseal(keys, sealed, fresh)
        if sha256 is not None and digest != sha256:
            raise SealBroken("the file does not match the fingerprint recorded when it arrived")
        fresh.seek(0)
        store().put(key, fresh)


def reseal_all() -> Resealed:
    """Re-encrypt every stored evidence file with the first key."""
    result = Resealed()
    rows = db.session.execute(
        select(Attachment.id, Attachment.original_key, Attachment.sha256, Attachment.safe_key,
               Attachment.thumbnail_key).where(Attachment.purged_at.is_(None))
    ).all()  # fmt: skip
    for row in rows:
        for what, key, sha256 in (
            ("original", row.original_key, row.sha256),
            ("copy", row.safe_key, None),
            ("thumbnail", row.thumbnail_key, None),
        ):
            if not key:
                continue
            try:
                reseal_file(key, sha256)
            except (SealBroken, StorageError, OSError) as exc:
                log.warning("evidence file not re-encrypted (%s)", type(exc).__name__)
                result.failed.append(f"attachment {row.id} {what}: {exc}")
                continue
            result.files += 1
    return result
