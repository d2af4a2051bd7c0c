"""Digest emails: who gets which digest, what was sent, and the one admin option.

A digest carries counts and links only; email is not a safe channel (docs/domain.md, "Privacy").
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workers.states import DeliveryStatus

from ..extensions import db
from ..timeutil import utcnow
from .checks import state_check

PERIODS = ("daily", "weekly")


class DigestSubscription(db.Model):
    """One staff member's choice for one period (daily or weekly).

    `queues` empty means every queue the account may see. No row: not subscribed, except that a
    supervisor with no weekly row gets the weekly all-queues digest by default; a row with
    `active` false is how anyone (a supervisor too) says no.
    """

    __tablename__ = "digest_subscription"
    __table_args__ = (
        UniqueConstraint("staff_user_id", "period", name="uq_digest_subscription_user_period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    queues: Mapped[list[str]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="en")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class DigestDelivery(db.Model):
    """One digest owed to one recipient for one period.

    The unique key (period, period_start, recipient) is what makes a digest go once even when beat
    fires twice or on two hosts: the row is made first, then claimed with one conditional UPDATE
    before anything is sent. Content is never stored; it is rebuilt from the counts.
    """

    __tablename__ = "digest_delivery"
    __table_args__ = (
        UniqueConstraint("period", "period_start", "recipient", name="uq_digest_delivery_once"),
        Index("ix_digest_delivery_status_created", "status", "created_at"),
        state_check("status", DeliveryStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10))
    period_start: Mapped[datetime]
    recipient: Mapped[str] = mapped_column(String(254))
    staff_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    # pending -> sending -> sent | failed (retried) | rejected (the server refused the address)
    status: Mapped[str] = mapped_column(String(12), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]


class DigestOption(db.Model):
    """A setting of the digests that an administrator changes in the staff UI (audit-logged).

    Kept in the database rather than the environment so that turning summaries on or off is a
    recorded decision of a named administrator, effective at once on every worker.
    """

    __tablename__ = "digest_option"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
