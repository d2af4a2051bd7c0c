from __future__ import annotations

import io
import re

from flask.testing import FlaskClient

from ..conftest import hidden_fields

FINGERPRINT_RE = re.compile(
    r'file (\d+): ([^,<]+), ([\d.]+ [KM]B), fingerprint\s*<code class="fingerprint"[^>]*>'
    r'<span class="fingerprint-start">([0-9a-f]{4})</span>([0-9a-f]{60})</code>'
)


def post_report(
    client: FlaskClient, files: dict[str, bytes], headers: dict | None = None, **fields: object
):
    """The public form sent as a browser sends it with files chosen (multipart)."""
    data: dict[str, object] = {
        "narrative": "The deputy stopped us on the highway and I filmed it.",
        "state": "TX",
        "agency": "unknown",
        "consent_review": "y",
        **hidden_fields(client),
        **fields,
        "files": [(io.BytesIO(content), name) for name, content in files.items()],
    }
    return client.post(
        "/report", data=data, content_type="multipart/form-data", headers=headers or {}
    )


def receipt_fingerprints(body: str) -> dict[int, tuple[str, str]]:
    """file number -> (kind, sha256) as the receipt page shows them."""
    return {int(m[1]): (m[2].strip(), m[4] + m[5]) for m in FINGERPRINT_RE.finditer(body)}


def receipt_code(body: str) -> str:
    match = re.search(r'class="receipt-code"[^>]*>([^<]+)<', body)
    assert match, body[:3000]
    return match.group(1).strip()
