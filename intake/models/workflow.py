"""What staff add to a report: status history, notes, and the conversation with the reporter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workers.states import Sender, Status

from ..crypto import EncryptedText
from ..extensions import db
from ..timeutil import utcnow
from .checks import state_check
from .staff import StaffUser


class StatusChange(db.Model):
    """One step of a report's workflow, with who and when."""

    __tablename__ = "status_change"
    __table_args__ = (
        Index("ix_status_change_report_at", "report_id", "at"),
        state_check("from_status", Status),
        state_check("to_status", Status),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    actor: Mapped[StaffUser | None] = relationship(lazy="joined")
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))


class ReportNote(db.Model):
    """A staff note on a report. Encrypted at rest: a call-back note can name people."""

    __tablename__ = "report_note"
    __table_args__ = (Index("ix_report_note_report_at", "report_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    author: Mapped[StaffUser | None] = relationship(lazy="joined")
    body: Mapped[str] = mapped_column(EncryptedText)


# Reporter messages the anonymizer has not done yet: the sweep's partial index.
UNREDACTED_MESSAGE = f"redacted_at IS NULL AND sender = '{Sender.REPORTER}'"


class ReportMessage(db.Model):
    """The anonymous follow-up: a question from staff or what the reporter wrote back.

    `sender` is a `Sender`. A reporter's words are an original like the narrative:
    `body` is encrypted at rest, removed by the retention job, and shown only on the reveal
    page; the worker's `redact_message` writes `body_redacted` (and `redacted_at`), which is
    what staff read. A staff message is ours: its `body` is shown, `body_redacted` stays NULL.
    """

    __tablename__ = "report_message"
    __table_args__ = (
        Index("ix_report_message_report_at", "report_id", "created_at"),
        Index(
            "ix_report_message_unredacted",
            "created_at",
            postgresql_where=text(UNREDACTED_MESSAGE),
            sqlite_where=text(UNREDACTED_MESSAGE),
        ),
        state_check("sender", Sender),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sender: Mapped[str] = mapped_column(String(10))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    author: Mapped[StaffUser | None] = relationship(lazy="joined")
    body: Mapped[str | None] = mapped_column(EncryptedText)
    purged_at: Mapped[datetime | None]
    body_redacted: Mapped[str | None] = mapped_column(Text)
    redacted_at: Mapped[datetime | None]
    enqueued_at: Mapped[datetime | None]  # last handed to the broker (dispatch.py), as a report
