"""What staff record as facts about a report: contacts with the reporter, referrals, and
corrections of the anonymizer's redaction."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..crypto import EncryptedText
from ..extensions import db
from ..timeutil import utcnow
from .staff import StaffUser


class ContactLogEntry(db.Model):
    """One contact with the reporter outside the follow-up page: a call, a text, a visit.

    A contact that reached the reporter (or left them a message) stops the first-response clock
    (intake/staff/casework.py); a status change never does. The note is encrypted: it may name
    people.
    """

    __tablename__ = "contact_log"
    __table_args__ = (Index("ix_contact_log_report_at", "report_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    at: Mapped[datetime]  # when the contact happened (UTC), as staff gave it
    method: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    author: Mapped[StaffUser | None] = relationship(lazy="joined")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Referral(db.Model):
    """A report passed to someone who can act on it: to whom, when, their reference number, and
    whether the reporter consented."""

    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_report", "report_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    destination: Mapped[str] = mapped_column(String(20), index=True)
    destination_other: Mapped[str | None] = mapped_column(String(200))
    referred_on: Mapped[date]
    reference: Mapped[str | None] = mapped_column(String(100))
    reporter_consented: Mapped[bool] = mapped_column(Boolean, default=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    author: Mapped[StaffUser | None] = relationship(lazy="joined")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RedactionCorrection(db.Model):
    """Staff corrected the anonymizer: redacted more (`redact`) or restored a word it removed
    by mistake (`restore`), in the narrative or in one reporter message (`message_id`).

    `label` is what kind of text it was (PERSON, PHONE, ID…): counted per label, these rows are
    the anonymizer's real misses. The text itself is not stored here: for a redaction it is
    what was removed, which must not be kept in the clear.
    """

    __tablename__ = "redaction_correction"
    __table_args__ = (Index("ix_redaction_correction_report", "report_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("report_message.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(10))  # redact | restore
    label: Mapped[str] = mapped_column(String(20), index=True)
    occurrences: Mapped[int] = mapped_column(default=1)
    reason: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    author: Mapped[StaffUser | None] = relationship(lazy="joined")
    at: Mapped[datetime] = mapped_column(default=utcnow)
