"""`keys rotate` re-encrypts the sealed evidence files too (intake/evidence/rotation.py): after
it, every original, staff copy and thumbnail opens with the new key alone, the original still
matches the fingerprint the receipt showed, and a file that no longer matches is left alone
and named, with the old keys kept."""

from __future__ import annotations

import hashlib
import io
from contextlib import closing

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from intake.crypto import build_fernet
from intake.evidence.sealing import SealBroken, pieces, seal
from intake.evidence.storage import store
from intake.extensions import db
from intake.models import Attachment
from workers import evidence_tasks

from .helpers import post_report, receipt_fingerprints


def opened_with(keys, key: str) -> bytes:
    with closing(store().open(key)) as handle:
        return b"".join(pieces(keys, handle))


@pytest.fixture
def new_key(app):
    """new_key() puts a new key in front of the old ones, as an operator does before a
    rotation; returns it. The old keys come back after the test."""
    old = app.extensions["intake.fernet"]

    def put_in_front() -> str:
        key = Fernet.generate_key().decode()
        listed = key + "," + app.config["INTAKE_ENCRYPTION_KEYS"]
        app.extensions["intake.fernet"] = build_fernet(listed)
        return key

    yield put_in_front
    app.extensions["intake.fernet"] = old


def test_rotation_reseals_originals_copies_and_thumbnails(app, client, ctx, evidence, new_key):
    files = {"photo.jpg": evidence["photo.jpg"], "citation.pdf": evidence["citation.pdf"]}
    shown = receipt_fingerprints(post_report(client, files).get_data(as_text=True))
    rows = db.session.scalars(select(Attachment).order_by(Attachment.position)).all()
    for row in rows:
        assert evidence_tasks.sterilise_attachment.run(row.id) == "safe"
    db.session.expire_all()
    rows = db.session.scalars(select(Attachment).order_by(Attachment.position)).all()
    keys = [k for row in rows for k in (row.original_key, row.safe_key, row.thumbnail_key) if k]
    assert len(keys) == 5  # two originals, two copies, the photo's thumbnail
    only_new = build_fernet(new_key())
    with pytest.raises(SealBroken):
        opened_with(only_new, rows[0].original_key)  # sealed with the old key so far

    result = app.test_cli_runner().invoke(args=["keys", "rotate"])
    assert result.exit_code == 0, result.output
    assert "5 evidence files" in result.output
    for key in keys:
        opened_with(only_new, key)  # raises if a piece still needs the old key
    for row, content in zip(rows, files.values(), strict=True):
        original = opened_with(only_new, row.original_key)
        assert original == content
        assert hashlib.sha256(original).hexdigest() == shown[row.position][1] == row.sha256


def test_an_original_that_no_longer_matches_is_left_alone_and_named(
    app, client, ctx, evidence, new_key
):
    post_report(client, {"photo.jpg": evidence["photo.jpg"]})
    row = db.session.scalar(select(Attachment))
    # Storage swapped the file for another one sealed with our key: not what arrived.
    swapped = io.BytesIO()
    seal(app.extensions["intake.fernet"], io.BytesIO(b"another file"), swapped)
    swapped.seek(0)
    store().put(row.original_key, swapped)
    before = opened_with(app.extensions["intake.fernet"], row.original_key)
    new_key()

    result = app.test_cli_runner().invoke(args=["keys", "rotate"])
    assert result.exit_code != 0
    assert f"attachment {row.id} original" in result.output
    assert "keep the older keys" in result.output
    assert opened_with(app.extensions["intake.fernet"], row.original_key) == before
