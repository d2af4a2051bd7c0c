from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow


class ReferralPacket(db.Model):
    """A referral packet prepared for one channel (intake/referrals/). Minimal on purpose: when
    it was prepared, by whom, what it included, and whether an answer came; the packet itself
    is rebuilt from the report, never stored. A reminder goes out when no answer is recorded
    within REFERRAL_REMINDER_DAYS."""

    __tablename__ = "referral_packet"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    prepared_at: Mapped[datetime] = mapped_column(default=utcnow)
    prepared_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    identity_included: Mapped[bool] = mapped_column(Boolean, default=False)
    own_words_included: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_at: Mapped[datetime | None]
    reference: Mapped[str | None] = mapped_column(String(120))
    reminded_at: Mapped[datetime | None]
