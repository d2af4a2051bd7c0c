"""The delivery ledger: every message owed to one recipient (digests, urgent alerts, pattern
alerts), sent once (workers/delivery.py holds the one claim helper)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workers.states import Channel, DeliveryKind, DeliveryStatus

from ..extensions import db
from ..timeutil import utcnow
from .checks import state_check


class Delivery(db.Model):
    """One message owed to one recipient over one channel.

    The unique key (kind, about, channel, recipient) makes it go once whoever else is trying:
    a sender claims the row `sending` (a conditional insert, or a conditional update of a row
    still owed) before anything is sent, then marks it sent, failed (retried) or rejected (the
    server refused the address). Content is never stored: it is rebuilt from the report, the
    pattern alert or the counts.
    """

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("kind", "about", "channel", "recipient", name="uq_delivery_once"),
        Index("ix_delivery_status_claimed", "status", "claimed_at"),
        Index("ix_delivery_kind_id", "kind", "id"),
        state_check("kind", DeliveryKind),
        state_check("channel", Channel),
        state_check("status", DeliveryStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    # What is delivered, as the unique key's text: the report's or the pattern alert's id, or
    # the digest's period and start (workers/delivery.py, `Owed.about`).
    about: Mapped[str] = mapped_column(String(60))
    channel: Mapped[str] = mapped_column(String(10), default=Channel.EMAIL)
    recipient: Mapped[str] = mapped_column(String(254))  # a staff email or "webhook"
    # What `about` names, for the pages, the sweep and cascading deletes.
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), index=True
    )
    pattern_alert_id: Mapped[int | None] = mapped_column(
        ForeignKey("pattern_alert.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str | None] = mapped_column(String(10))  # digests: "daily" | "weekly"
    period_start: Mapped[datetime | None]
    staff_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    # (pending ->) sending -> sent | failed (retried) | rejected; a stale `sending` is a dead
    # sender's claim, claimed again by the next sender or the sweep.
    status: Mapped[str] = mapped_column(String(12), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
