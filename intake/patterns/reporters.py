"""Who counts as one reporter when reports can be anonymous.

Reports carry no account, and receipts are one per report, so by default each report is its own
reporter. Two reports are the same reporter when they give the same contact email or the same
phone number: those are compared as keyed hashes in memory, never stored or shown. A reporter who
sends two anonymous reports counts twice; we cannot know, and the patterns page says so.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable

from sqlalchemy import select

from ..extensions import db
from ..models import Report


def contact_key(secret: str, email: str | None, phone: str | None) -> list[str]:
    """Keyed hashes of a report's contact details, as compared (email folded, phone's last ten
    digits)."""
    keys = []
    if email and email.strip():
        keys.append("e:" + email.strip().lower())
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 7:
        keys.append("p:" + digits[-10:])
    return [hmac.new(secret.encode(), k.encode(), hashlib.sha256).hexdigest() for k in keys]


def reporter_keys(report_ids: Iterable[int], secret: str) -> dict[int, str]:
    """report id -> a reporter key, equal for reports that share an email or a phone number."""
    ids = sorted(set(report_ids))
    parent = {i: i for i in ids}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for start in range(0, len(ids), 1000):
        rows = db.session.execute(
            select(Report.id, Report.contact_email, Report.contact_phone).where(
                Report.id.in_(ids[start : start + 1000])
            )
        ).all()
        for report_id, email, phone in rows:
            for key in contact_key(secret, email, phone):
                if key in seen:
                    parent[find(report_id)] = find(seen[key])
                else:
                    seen[key] = report_id
    return {i: f"r{find(i)}" for i in ids}
