"""Staff side of evidence files: the thumbnail, the sterilised copy, and the sealed original
(reveal permission and a stated reason, audit-logged). Never reachable without signing in.

Every file is sent as an attachment (never shown inline by the browser, thumbnails aside, which
we drew ourselves) with nosniff and a CSP that forbids scripts and plugins, from a response
nobody caches. The original is decrypted into a temporary file and checked against its
fingerprint before a byte is sent.
"""

from __future__ import annotations

import tempfile
from contextlib import closing

from flask import Response, abort, make_response, render_template, request, send_file
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..auth.permissions import REVEAL_ORIGINAL, VIEW_REPORTS, requires
from ..crypto import fernet
from ..extensions import db
from ..models import Attachment, Report
from ..models.attachment import SAFE
from ..models.audit import audit
from . import bp
from .kinds import EXTENSIONS
from .sealing import SealBroken, pieces, unseal_to
from .storage import StorageError, store

FILE_POLICY = "default-src 'none'; script-src 'none'; object-src 'none'; sandbox"
MIN_REASON = 10


def visible_attachment(attachment_id: int) -> tuple[Attachment, Report]:
    """The attachment if this account may see its report; 404 otherwise (nothing leaks)."""
    attachment = db.session.get(Attachment, attachment_id)
    report = db.session.get(Report, attachment.report_id) if attachment else None
    if report is None or not current_user.sees_queue(report.queue):
        abort(404)
    return attachment, report


def _guarded(response: Response, download_name: str | None = None) -> Response:
    headers = response.headers
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = FILE_POLICY
    headers["Cache-Control"] = "no-store"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    if download_name:
        headers["Content-Disposition"] = f'attachment; filename="{download_name}"'
    return response


def _decrypted(key: str, sha256: str | None = None) -> tempfile.SpooledTemporaryFile:
    """The plaintext of a sealed object in a temporary file (checked against `sha256`)."""
    out = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)  # noqa: SIM115
    try:
        with closing(store().open(key)) as sealed:
            if sha256:
                unseal_to(fernet(), sealed, out, sha256)
            else:
                for piece in pieces(fernet(), sealed):
                    out.write(piece)
    except (StorageError, SealBroken):
        out.close()
        raise
    out.seek(0)
    return out


def _name(attachment: Attachment, what: str, media_type: str) -> str:
    """A download's name: the report and file number, never the name the reporter's file had."""
    extension = EXTENSIONS.get(media_type, "bin")
    return f"report-{attachment.report_id}-file-{attachment.position}-{what}.{extension}"


@bp.get("/<int:attachment_id>/thumbnail")
@requires(VIEW_REPORTS)
def thumbnail(attachment_id: int) -> Response:
    """A small JPEG we drew from the sterilised copy (safe to show inline)."""
    attachment, _report = visible_attachment(attachment_id)
    if attachment.state != SAFE or not attachment.thumbnail_key:
        abort(404)
    try:
        data = _decrypted(attachment.thumbnail_key)
    except (StorageError, SealBroken):
        abort(503)
    return _guarded(send_file(data, mimetype="image/jpeg"))


@bp.get("/<int:attachment_id>/copy")
@requires(VIEW_REPORTS)
def staff_copy(attachment_id: int) -> Response:
    """The sterilised copy, as a download."""
    attachment, _report = visible_attachment(attachment_id)
    if attachment.state != SAFE or not attachment.safe_key:
        abort(404)
    try:
        data = _decrypted(attachment.safe_key)
    except (StorageError, SealBroken):
        abort(503)
    media_type = attachment.safe_media_type or "application/octet-stream"
    name = _name(attachment, "copy", media_type)
    return _guarded(send_file(data, mimetype=media_type), name)


@bp.post("/<int:attachment_id>/original")
@requires(REVEAL_ORIGINAL)
def reveal_original(attachment_id: int) -> Response:
    """The sealed original, exactly as it arrived (metadata included), for a stated reason;
    audit-logged with the fingerprint, and checked against it before it is sent."""
    attachment, report = visible_attachment(attachment_id)
    reason = (request.form.get("reason") or "").strip()[:2000]
    if len(reason) < MIN_REASON or not attachment.original_key:
        message = (
            _l("This file's original was deleted by the retention rules.")
            if not attachment.original_key
            else _l("Say why you need the original (at least 10 characters).")
        )
        page = render_template("staff/evidence_error.html", report=report, message=message)
        return make_response(page, 400)
    try:
        data = _decrypted(attachment.original_key, attachment.sha256)
    except SealBroken:
        audit("attachment.broken", actor=current_user, report_id=report.id,
              attachment=attachment.id, sha256=attachment.sha256)  # fmt: skip
        db.session.commit()
        message = _l("The stored original does not match its fingerprint. Tell an administrator.")
        page = render_template("staff/evidence_error.html", report=report, message=message)
        return make_response(page, 500)
    except StorageError:
        abort(503)
    audit(
        "attachment.reveal",
        actor=current_user,
        report_id=report.id,
        reason=reason,
        attachment=attachment.id,
        sha256=attachment.sha256,
    )
    db.session.commit()
    name = _name(attachment, "original", attachment.media_type)
    # application/octet-stream: the browser saves it and never renders what it holds.
    return _guarded(send_file(data, mimetype="application/octet-stream"), name)
