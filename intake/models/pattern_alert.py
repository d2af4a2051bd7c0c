from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workers.states import DeliveryStatus

from ..extensions import db
from ..timeutil import utcnow
from .checks import state_check


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


class PatternAlertDelivery(db.Model):
    """One alert to one supervisor (or the webhook), sent once even if the task runs twice."""

    __tablename__ = "pattern_alert_delivery"
    __table_args__ = (
        UniqueConstraint("alert_id", "channel", "recipient", name="uq_pattern_alert_delivery"),
        state_check("status", DeliveryStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("pattern_alert.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10))  # "email" | "webhook"
    recipient: Mapped[str] = mapped_column(String(254))
    status: Mapped[str] = mapped_column(String(12), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None]
