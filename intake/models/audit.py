from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import utcnow


class AuditEvent(db.Model):
    """Who did what, when: logins, reveals, status changes, exports, permission changes.

    Never an IP address or user agent; `reason` is what staff typed to justify a reveal.
    Rows are only ever added.
    """

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_action_at", "action", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    # Kept as typed so the log stays readable if the account is renamed.
    actor_email: Mapped[str | None] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    target_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


def audit(
    action: str,
    *,
    actor: object | None = None,
    actor_email: str | None = None,
    report_id: int | None = None,
    target_user_id: int | None = None,
    reason: str | None = None,
    **detail: object,
) -> AuditEvent:
    """Add an audit event to the session; it commits with the change it records."""
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        actor_email=actor_email or getattr(actor, "email", None),
        action=action,
        report_id=report_id,
        target_user_id=target_user_id,
        reason=reason,
        detail=dict(detail),
    )
    db.session.add(event)
    return event
