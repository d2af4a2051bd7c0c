from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow


class PatternAlert(db.Model):
    """One officer found in reports from enough different reporters within the window: the
    ledger that makes the alert go out once per pattern (intake/patterns/alerts.py)."""

    __tablename__ = "pattern_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(20), default="officer")
    label: Mapped[str] = mapped_column(String(300))  # staff pages only; never in the email
    agency_key: Mapped[str] = mapped_column(String(240))
    reporters: Mapped[int]
    report_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    first_day: Mapped[date]
    last_day: Mapped[date]
    reviewed_at: Mapped[datetime | None]


class PatternAlertKey(db.Model):
    """Each identity of an alerted officer (badge, name within the agency). A unique key, so
    the same officer found again, under any identity already known, is not alerted twice."""

    __tablename__ = "pattern_alert_key"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("pattern_alert.id", ondelete="CASCADE"), index=True
    )
