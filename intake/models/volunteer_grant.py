from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow


class VolunteerGrant(db.Model):
    """A supervisor's leave for a volunteer to see more than the reports they entered: the
    reports of the listed queues (none listed: every queue the supervisor sees), as a
    reviewer sees them (redacted; no reveal, no export). Revoked rows stay, for the record;
    a volunteer has at most one grant in force (revoked_at empty)."""

    __tablename__ = "volunteer_grant"
    __table_args__ = (
        Index(
            "uq_volunteer_grant_in_force",
            "volunteer_id",
            unique=True,
            postgresql_where="revoked_at IS NULL",
            sqlite_where="revoked_at IS NULL",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("staff_user.id", ondelete="CASCADE"), index=True
    )
    queues: Mapped[list[str]] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(Text)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    revoked_at: Mapped[datetime | None]
