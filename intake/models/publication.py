from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow


class PublicStatsSnapshot(db.Model):
    """The public statistics as computed on a schedule, already suppressed: the public page
    and its CSV read the newest row and never query reports."""

    __tablename__ = "public_stats_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    data_as_of: Mapped[datetime]
    k: Mapped[int]
    tables: Mapped[dict] = mapped_column(JSON, default=dict)
