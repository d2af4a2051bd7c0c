"""Evidence files: photos, videos, voice notes and PDFs sent with a report.

- kinds.py     what a file is, from its bytes
- uploads.py   receiving files with per-file and per-report limits, never losing the report
- sealing.py   the original encrypted at rest, with its SHA-256
- storage.py   where sealed files live (instance/ or an S3-compatible store)
- sealed.py    sealing a request's files into a report's attachments; receipts of files
- routes.py    staff: thumbnails, the sterilised copy, the original with a reason (audited)

The staff copy (metadata removed, re-encoded) is made by the worker: workers/evidence_tasks.py
calls the pure steps in workers/sterilise/.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Flask

bp = Blueprint("evidence", __name__, url_prefix="/staff/evidence")

# What the file picker offers (a hint to the phone; the bytes decide what is accepted).
ACCEPT = "image/*,video/*,audio/*,application/pdf,.heic,.heif,.amr,.3gp,.m4a,.mov,.opus"


@dataclass(frozen=True)
class Limits:
    file: str
    total: str
    accept: str = ACCEPT


def init_evidence(app: Flask) -> None:
    from .sealed import size_label
    from .storage import init_storage
    from .uploads import IntakeRequest, file_limit, report_limit

    app.request_class = IntakeRequest
    init_storage(app)
    from .views import template_helpers

    app.jinja_env.globals["evidence_limits"] = lambda: Limits(
        size_label(file_limit()), size_label(report_limit())
    )
    app.jinja_env.globals.update(template_helpers())
    app.register_blueprint(bp)


from . import routes  # noqa: E402,F401
