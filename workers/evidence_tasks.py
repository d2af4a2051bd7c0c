"""Thin Celery tasks for evidence files: make the staff copy of each (workers/sterilise), and
sweep up files whose message the broker never got.

Like process_report, a task takes an id, claims its row with one conditional UPDATE and is safe
to deliver twice. The original is opened from the store, decrypted into a private temporary
folder and checked against the fingerprint taken on arrival; the copy and thumbnail are sealed
back into the store; the temporary folder goes when the task ends.
"""

from __future__ import annotations

import logging
import tempfile
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from celery import shared_task
from sqlalchemy import or_, select, update

from intake.crypto import fernet
from intake.dispatch import enqueue_attachments, stamp_enqueued
from intake.evidence.sealing import SealBroken, seal, unseal_to
from intake.evidence.storage import StorageError, store
from intake.extensions import db
from intake.models import Attachment
from intake.models.attachment import SAFE, SEALED, UNSAFE
from intake.timeutil import utcnow

from .sterilise import CannotSterilise, sterilise

log = logging.getLogger(__name__)

MAX_RETRIES = 5
STUCK_AFTER = timedelta(minutes=30)  # a long video takes a while; a claim older is a dead one
ENQUEUE_GRACE = timedelta(minutes=5)
MAX_ATTEMPTS = 10


def claim(attachment_id: int) -> bool:
    now = utcnow()
    result = db.session.execute(
        update(Attachment)
        .where(Attachment.id == attachment_id, Attachment.state == SEALED)
        .where(or_(Attachment.claimed_at.is_(None), Attachment.claimed_at < now - STUCK_AFTER))
        .values(claimed_at=now, attempts=Attachment.attempts + 1)
    )
    db.session.commit()
    return result.rowcount == 1


def _put_sealed(path: Path, prefix: str) -> str:
    key = f"{prefix}/{utcnow():%Y/%m}/{path.parent.name}-{path.name}"
    with tempfile.TemporaryFile() as sealed, path.open("rb") as plain:
        seal(fernet(), plain, sealed)
        sealed.seek(0)
        store().put(key, sealed)
    return key


def make_staff_copy(attachment: Attachment, workdir: Path) -> None:
    """Sterilise the attachment's original into a sealed staff copy (and thumbnail); sets its
    state to safe, or unsafe when the tools cannot read it (the original stays sealed)."""
    original = workdir / "original"
    with closing(store().open(attachment.original_key)) as sealed, original.open("wb") as out:
        unseal_to(fernet(), sealed, out, attachment.sha256)
    try:
        result = sterilise(original, attachment.media_type, workdir)
    except CannotSterilise as exc:
        attachment.state = UNSAFE
        attachment.failure_reason = str(exc)[:200]
        attachment.processed_at = utcnow()
        return
    attachment.safe_key = _put_sealed(result.path, "copies")
    attachment.safe_media_type = result.media_type
    attachment.safe_size = result.path.stat().st_size
    if result.thumbnail:
        attachment.thumbnail_key = _put_sealed(result.thumbnail, "thumbnails")
    attachment.removed = [kind.value for kind in result.removed]
    attachment.state = SAFE
    attachment.failure_reason = None
    attachment.processed_at = utcnow()


@shared_task(name="sterilise_attachment", bind=True, max_retries=MAX_RETRIES, acks_late=True)
def sterilise_attachment(self, attachment_id: int) -> str:  # noqa: ANN001
    """Make the staff copy of one evidence file. Safe to deliver twice."""
    if not claim(attachment_id):
        log.info("attachment %s: already done or being done; nothing to do", attachment_id)
        return "skipped"
    attachment = db.session.get(Attachment, attachment_id)
    try:
        with tempfile.TemporaryDirectory(prefix="evidence-") as workdir:
            make_staff_copy(attachment, Path(workdir))
        db.session.commit()
    except (StorageError, OSError) as exc:
        db.session.rollback()
        _release(attachment_id, f"storage: {type(exc).__name__}")
        log.warning("attachment %s: store unavailable (%s)", attachment_id, type(exc).__name__)
        raise self.retry(countdown=30 * 2**self.request.retries) from None
    except SealBroken:
        db.session.rollback()
        db.session.execute(
            update(Attachment)
            .where(Attachment.id == attachment_id)
            .values(state=UNSAFE, failure_reason="the sealed file does not match its fingerprint")
        )
        db.session.commit()
        log.error("attachment %s: sealed file does not match its fingerprint", attachment_id)
        return "broken"
    log.info("attachment %s: %s", attachment_id, attachment.state)
    return attachment.state


def _release(attachment_id: int, reason: str) -> None:
    """Let a retry (or the sweep) claim it again at once."""
    db.session.execute(
        update(Attachment)
        .where(Attachment.id == attachment_id)
        .values(claimed_at=None, failure_reason=reason[:200])
    )
    db.session.commit()


@shared_task(name="sweep_attachments")
def sweep_attachments() -> int:
    """Enqueue evidence files still without a staff copy whose message the broker refused or
    sent longer ago than the grace period; returns how many the broker took."""
    now = utcnow()
    due = db.session.scalars(
        select(Attachment)
        .where(Attachment.state == SEALED, Attachment.attempts < MAX_ATTEMPTS)
        .where(
            or_(Attachment.enqueued_at.is_(None), Attachment.enqueued_at < now - ENQUEUE_GRACE)
        )
        .where(or_(Attachment.claimed_at.is_(None), Attachment.claimed_at < now - STUCK_AFTER))
        .order_by(Attachment.id)
        .limit(200)
    ).all()
    ids = [row.id for row in due]
    for row in due:
        stamp_enqueued(row)
    db.session.commit()
    sent = enqueue_attachments(ids)
    if ids:
        log.info("sweep: %s of %s evidence files enqueued", sent, len(ids))
    return sent
