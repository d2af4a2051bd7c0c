from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workers.states import DeliveryStatus

from ..extensions import db
from ..timeutil import utcnow
from .checks import state_check


class Notification(db.Model):
    """One message owed to one staff recipient about one report (an urgent alert, for now).

    The unique key makes sending idempotent: a task that runs twice finds the row already
    `sent` and sends nothing. Content is never stored: it is rebuilt from the report.
    """

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("report_id", "kind", "recipient", name="uq_notification_once"),
        state_check("status", DeliveryStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # "urgent-alert"
    channel: Mapped[str] = mapped_column(String(10))  # "email" | "webhook"
    recipient: Mapped[str] = mapped_column(String(254))  # a staff email or the webhook name
    status: Mapped[str] = mapped_column(String(12), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
