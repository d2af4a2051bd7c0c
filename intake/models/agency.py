from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow


class Agency(db.Model):
    """A law-enforcement agency from ICE's 287(g) lists (one row per agency, all its models)."""

    __tablename__ = "agency"
    __table_args__ = (UniqueConstraint("state", "name", name="uq_agency_state_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(2), index=True)
    county: Mapped[str | None] = mapped_column(String(120))
    agency_type: Mapped[str | None] = mapped_column(String(80))
    # 287(g) models as short codes: JEM, TFM, WSO.
    models: Mapped[list[str]] = mapped_column(JSON, default=list)
    # participating | pending | former (left the program; kept because people report the past).
    status: Mapped[str] = mapped_column(String(20), default="participating")
    signed: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def label(self) -> str:
        models = ", ".join(self.models or [])
        suffix = f" ({models})" if models else ""
        if self.status == "former":
            suffix += " [former]"
        elif self.status == "pending":
            suffix += " [pending]"
        return f"{self.name}{suffix}"

    def as_facts(self) -> dict:
        return {
            "name": self.name,
            "state": self.state,
            "county": self.county,
            "models": list(self.models or []),
            "status": self.status,
        }
