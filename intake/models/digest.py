"""Digest emails: who gets which digest, what was sent, and the one admin option.

A digest carries counts and links only; email is not a safe channel (docs/domain.md, "Privacy").
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow

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
