"""Evidence files end to end: a JPEG with GPS EXIF, a PDF with an author, an MP4 with a
location atom and voice notes go through the public form; the receipt shows each file's
fingerprint; the stored original is sealed (encrypted) and its hash matches the receipt; the
worker's staff copy has none of the metadata, read back with exiftool and the libraries."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from contextlib import closing

import pikepdf
import pytest
from PIL import Image
from sqlalchemy import select

from intake.crypto import fernet
from intake.evidence.sealing import pieces
from intake.evidence.storage import store
from intake.extensions import db
from intake.models import Attachment, AuditEvent, Report
from workers import evidence_tasks

from ..staff.conftest import browser
from ..staff.helpers import form_token, log_in, make_staff
from .helpers import post_report, receipt_code, receipt_fingerprints

IDENTIFYING = ("Rosa Ortega", "Samsung", "SM-A125U", "iPhone", "29.69", "+29.6911", "Word")


def processed(report: Report) -> None:
    """As the pipeline leaves a report (the anonymizer is not what these tests are about)."""
    report.pipeline_state = "processed"
    report.queue = "general-intake"
    report.priority = "normal"
    report.narrative_redacted = report.narrative
    report.summary = "Traffic stop."
    report.routing = {"explanation": "Default queue.", "matched": [{"rule": "default"}]}
    db.session.commit()


def stored_bytes(key: str) -> bytes:
    with closing(store().open(key)) as handle:
        return handle.read()


def opened(key: str) -> bytes:
    with closing(store().open(key)) as handle:
        return b"".join(pieces(fernet(), handle))


def exiftool_tags(data: bytes, tmp_path, name: str) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)[0]


def test_files_are_sealed_fingerprinted_and_sterilised(client, ctx, evidence, tmp_path):
    response = post_report(client, evidence)
    body = response.get_data(as_text=True)
    assert response.status_code == 200, body[:2000]
    shown = receipt_fingerprints(body)
    assert [kind for kind, _ in shown.values()] == [
        "photo", "document", "video", "voice note or audio", "voice note or audio",
    ]  # fmt: skip
    rows = db.session.scalars(select(Attachment).order_by(Attachment.position)).all()
    assert len(rows) == 5
    for row, (name, content) in zip(rows, evidence.items(), strict=True):
        digest = hashlib.sha256(content).hexdigest()
        assert shown[row.position][1] == digest == row.sha256, name
        # Sealed at rest: neither the file's bytes nor what its metadata says are readable.
        raw = stored_bytes(row.original_key)
        assert content[:16] not in raw and b"Rosa Ortega" not in raw
        assert opened(row.original_key) == content  # the original, byte for byte

    for row in rows:
        assert evidence_tasks.sterilise_attachment.run(row.id) == "safe"
    db.session.expire_all()
    rows = db.session.scalars(select(Attachment).order_by(Attachment.position)).all()
    photo, pdf, video, note, memo = rows

    copy = opened(photo.safe_key)
    image = Image.open(io.BytesIO(copy))
    assert not image.getexif() and "xmp" not in image.info
    assert {"gps", "device", "owner"} <= set(photo.removed)
    assert photo.thumbnail_key and Image.open(io.BytesIO(opened(photo.thumbnail_key))).width <= 320

    with pikepdf.open(io.BytesIO(opened(pdf.safe_key))) as document:
        assert "/Info" not in document.trailer and "/Metadata" not in document.Root
    assert {"owner", "xmp"} <= set(pdf.removed)

    assert {"gps", "device", "owner", "time"} <= set(video.removed)
    assert video.thumbnail_key
    assert {"owner", "text"} <= set(note.removed) and {"owner"} <= set(memo.removed)

    for row in rows:
        data = opened(row.safe_key)
        tags = exiftool_tags(data, tmp_path, f"copy-{row.position}")
        text = json.dumps(tags)
        for value in IDENTIFYING:
            assert value not in text, (row.media_type, value, tags)
        assert not any(key.startswith(("GPS:", "Keys:", "UserData:", "ItemList:")) for key in tags)
        assert hashlib.sha256(opened(row.original_key)).hexdigest() == row.sha256


def test_staff_see_the_copy_and_reveal_the_original_with_a_reason(client, ctx, evidence, app):
    post_report(client, {"photo.jpg": evidence["photo.jpg"]})
    row = db.session.scalar(select(Attachment))
    evidence_tasks.sterilise_attachment.run(row.id)
    report = db.session.get(Report, row.report_id)
    processed(report)

    make_staff(app, "rev@example.org", role="reviewer")
    make_staff(app, "sup@example.org", role="supervisor")
    reviewer = browser(app)
    log_in(reviewer, "rev@example.org")
    page = reviewer.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "GPS position, phone or camera model, owner name" in page
    assert row.sha256 in page
    copy = reviewer.get(f"/staff/evidence/{row.id}/copy")
    assert copy.status_code == 200
    assert copy.headers["Content-Disposition"].startswith("attachment;")
    assert copy.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'none'" in copy.headers["Content-Security-Policy"]
    assert b"Rosa Ortega" not in copy.data and b"Samsung" not in copy.data
    copy.close()  # as a WSGI server does: closes the temporary file it was sent from
    # A reviewer cannot have the original; a supervisor can, with a reason, audited.
    assert reviewer.post(f"/staff/evidence/{row.id}/original").status_code in (400, 403)

    supervisor = browser(app)
    log_in(supervisor, "sup@example.org")
    token = form_token(supervisor, f"/staff/reports/{report.id}")
    refused = supervisor.post(
        f"/staff/evidence/{row.id}/original", data={"csrf_token": token, "reason": "x"}
    )
    assert refused.status_code == 400
    original = supervisor.post(
        f"/staff/evidence/{row.id}/original",
        data={"csrf_token": token, "reason": "Attorney needs the GPS for the filing"},
    )
    assert original.status_code == 200
    assert original.data == evidence["photo.jpg"]
    assert original.mimetype == "application/octet-stream"
    original.close()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "attachment.reveal"))
    assert event.reason == "Attorney needs the GPS for the filing"
    assert event.detail["sha256"] == row.sha256


def test_a_file_the_tools_cannot_read_stays_sealed(client, ctx):
    fake = b"\xff\xd8\xff\xe0" + b"not really a photo" * 50
    post_report(client, {"photo.jpg": fake})
    row = db.session.scalar(select(Attachment))
    assert evidence_tasks.sterilise_attachment.run(row.id) == "unsafe"
    db.session.expire_all()
    row = db.session.get(Attachment, row.id)
    assert row.safe_key is None and row.original_key
    assert opened(row.original_key) == fake


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("evil.jpg", b"<script>alert(1)</script>" * 10, "we take photos, videos"),
        ("big.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (3 * 1024 * 1024), "larger than"),
    ],
)
def test_a_refused_file_never_loses_the_report(client, ctx, app, name, content, why):
    app.config["EVIDENCE_MAX_FILE_BYTES"] = 2 * 1024 * 1024
    try:
        response = post_report(client, {name: content}, narrative="They took my brother at 9pm.")
    finally:
        app.config["EVIDENCE_MAX_FILE_BYTES"] = 50 * 1024 * 1024
    # Werkzeug's test client spools a multipart body over 500 KB to a temporary file it never
    # closes (a real server reads a socket): close it here, not in the garbage collector later.
    response.request.environ["wsgi.input"].close()
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert receipt_code(body)
    assert why in body and "Your report was sent without it" in body
    report = db.session.scalar(select(Report))
    assert report.narrative == "They took my brother at 9pm."
    assert db.session.scalar(select(Attachment)) is None


def test_files_over_the_report_total_are_refused_one_by_one(client, ctx, app, evidence):
    app.config["EVIDENCE_MAX_REPORT_BYTES"] = len(evidence["photo.jpg"]) + 10
    try:
        response = post_report(
            client, {"photo.jpg": evidence["photo.jpg"], "citation.pdf": evidence["citation.pdf"]}
        )
    finally:
        app.config["EVIDENCE_MAX_REPORT_BYTES"] = 200 * 1024 * 1024
    body = response.get_data(as_text=True)
    assert list(receipt_fingerprints(body)) == [1]
    assert "file 2" in body and "in all" in body
    assert db.session.scalar(select(Report)) is not None


def test_the_message_is_in_the_reporters_language(app, ctx):
    client = browser(app)  # a fresh `g` per request: Flask-Babel keeps the locale there
    spanish = {"Accept-Language": "es-MX,es;q=0.9"}
    response = post_report(client, {"x.exe": b"MZ\x90\x00" * 100}, headers=spanish)
    body = response.get_data(as_text=True)
    assert "no se aceptó" in body and "Su reporte se envió sin él" in body


def test_follow_up_page_takes_files(client, ctx, evidence):
    code = receipt_code(post_report(client, {"photo.jpg": evidence["photo.jpg"]}).get_data(True))
    from ..conftest import csrf_token

    token = csrf_token(client, "/follow-up")
    response = client.post(
        "/follow-up",
        data={
            "csrf_token": token,
            "code": code,
            "body": "",
            "files": [(io.BytesIO(evidence["note.ogg"]), "note.ogg")],
        },
        content_type="multipart/form-data",
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    rows = db.session.scalars(select(Attachment).order_by(Attachment.position)).all()
    assert [(r.position, r.source, r.kind) for r in rows] == [
        (1, "form", "photo"),
        (2, "follow-up", "audio"),
    ]
    assert rows[1].sha256 in body.replace('<span class="fingerprint-start">', "").replace(
        "</span>", ""
    )


def test_exports_list_files_by_fingerprint_only(client, ctx, app, evidence):
    post_report(client, {"citation.pdf": evidence["citation.pdf"]})
    row = db.session.scalar(select(Attachment))
    result = app.test_cli_runner().invoke(args=["reports", "export", "--format", "jsonl"])
    record = json.loads(result.output.splitlines()[0])
    assert record["attachments"] == [
        {"kind": "document", "size": row.size, "sha256": row.sha256, "state": "sealed"}
    ]
    assert "Rosa" not in result.output


def test_retention_deletes_the_files_and_keeps_the_fingerprint(client, ctx, evidence):
    from datetime import timedelta

    from intake.evidence.storage import StorageError
    from intake.timeutil import utcnow
    from workers.retention import purge_closed_originals

    post_report(client, {"photo.jpg": evidence["photo.jpg"]})
    row = db.session.scalar(select(Attachment))
    evidence_tasks.sterilise_attachment.run(row.id)
    db.session.expire_all()
    row = db.session.get(Attachment, row.id)
    keys = [row.original_key, row.safe_key, row.thumbnail_key]
    report = db.session.get(Report, row.report_id)
    report.status, report.closed_at = "closed", utcnow() - timedelta(days=120)
    db.session.commit()
    assert purge_closed_originals(days=90) == 1
    db.session.expire_all()
    row = db.session.get(Attachment, row.id)
    assert row.state == "purged" and row.original_key is None and row.sha256
    for key in keys:
        with pytest.raises(StorageError):
            store().open(key)
