from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text, false, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workers.states import Level, PipelineState, Priority, Status

from ..crypto import EncryptedText
from ..extensions import db
from ..timeutil import utcnow
from .agency import Agency
from .checks import state_check
from .staff import StaffUser


def sensitive():  # noqa: ANN201
    """An encrypted column, loaded (and decrypted) only when code reads it."""
    return mapped_column(EncryptedText, deferred=True, deferred_group="sensitive")


# The saved views' partial indexes (migration 0012_staff_casework).
URGENT_UNASSIGNED = "urgent AND assigned_to_id IS NULL"
UNANSWERED = "first_response_at IS NULL"
REPLIED = "reporter_replied_at IS NOT NULL"


class Report(db.Model):
    """One complaint, as the reporter gave it and as the pipeline made it safe to read.

    What identifies the reporter (original narrative, contact details, names they listed) is
    encrypted at rest; staff pages, exports and emails use only the redacted fields.
    """

    __tablename__ = "report"
    __table_args__ = (
        state_check("pipeline_state", PipelineState),
        state_check("status", Status),
        state_check("priority", Priority),
        state_check("level", Level),
        # The staff queue: processed reports, urgent first, then oldest.
        Index("ix_report_queue_order", "pipeline_state", "priority_rank", "created_at"),
        # The staff queue as sorted now: priority, then the first-response deadline.
        Index("ix_report_queue_deadline", "pipeline_state", "priority_rank", "deadline_at", "id"),
        Index("ix_report_status_queue", "status", "queue"),
        Index("ix_report_agency_created", "agency_id", "created_at"),
        Index("ix_report_assigned_status", "assigned_to_id", "status"),
        Index("ix_report_closed_purged", "closed_at", "original_purged_at"),
        # The queue's category and free-text filters (intake/staff/queue.py) on PostgreSQL: GIN
        # over the categories (jsonb containment) and trigram GIN (pg_trgm) over the redacted
        # text, which serve ILIKE '%...%'. SQLite has neither: there each index is declared
        # empty (WHERE 0, never used) so that one schema and one migration serve both databases.
        Index(
            "ix_report_categories_gin",
            "categories",
            postgresql_using="gin",
            postgresql_ops={"categories": "jsonb_path_ops"},
            sqlite_where=false(),
        ),
        Index(
            "ix_report_narrative_trgm",
            "narrative_redacted",
            postgresql_using="gin",
            postgresql_ops={"narrative_redacted": "gin_trgm_ops"},
            sqlite_where=false(),
        ),
        # The queue's saved views (intake/staff/queue.py, view_conditions): partial indexes
        # hold only the few reports each view can match, so counting them is cheap.
        Index(
            "ix_report_urgent_unassigned",
            "status",
            postgresql_where=text(URGENT_UNASSIGNED),
            sqlite_where=text(URGENT_UNASSIGNED),
        ),
        Index(
            "ix_report_unanswered_deadline",
            "deadline_at",
            postgresql_where=text(UNANSWERED),
            sqlite_where=text(UNANSWERED),
        ),
        Index(
            "ix_report_reporter_replied",
            "reporter_replied_at",
            postgresql_where=text(REPLIED),
            sqlite_where=text(REPLIED),
        ),
        Index(
            "ix_report_summary_trgm",
            "summary",
            postgresql_using="gin",
            postgresql_ops={"summary": "gin_trgm_ops"},
            sqlite_where=false(),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    receipt_hash: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(8), default="en")

    # --- when and where
    incident_date: Mapped[date | None]
    incident_time: Mapped[str | None] = mapped_column(String(5))
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    city: Mapped[str | None] = mapped_column(String(120))
    county: Mapped[str | None] = mapped_column(String(120))
    state: Mapped[str | None] = mapped_column(String(2))
    location_detail: Mapped[str | None] = sensitive()

    # --- who: the agency and its officers
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    agency: Mapped[Agency | None] = relationship(lazy="joined")
    agency_choice: Mapped[str] = mapped_column(String(10), default="unknown")
    agency_other: Mapped[str | None] = mapped_column(String(200))
    officer_details: Mapped[str | None] = sensitive()

    # --- what happened
    # jsonb on PostgreSQL so that a GIN index serves the queue's category filter.
    categories: Mapped[list[str]] = mapped_column(
        JSON().with_variant(JSONB(), "postgresql"), default=list
    )
    narrative: Mapped[str | None] = sensitive()
    affected_role: Mapped[str | None] = mapped_column(String(20))
    affected_minor: Mapped[bool] = mapped_column(Boolean, default=False)
    detained_now: Mapped[str | None] = mapped_column(String(10))
    facility: Mapped[str | None] = sensitive()
    transfer_expected: Mapped[str | None] = mapped_column(String(10))
    # The form's first question: held, about to be transferred, hurt, a child alone, right now?
    emergency_now: Mapped[str | None] = mapped_column(String(10))
    urgent_signals: Mapped[list[str]] = mapped_column(JSON, default=list)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    help_wanted: Mapped[list[str]] = mapped_column(JSON, default=list)

    # --- contact (all optional: anonymous reports are first-class)
    contact_name: Mapped[str | None] = sensitive()
    contact_phone: Mapped[str | None] = sensitive()
    contact_email: Mapped[str | None] = sensitive()
    other_names: Mapped[str | None] = sensitive()  # names listed, one per line
    contact_methods: Mapped[list[str]] = mapped_column(JSON, default=list)
    voicemail_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_notes: Mapped[str | None] = sensitive()

    # --- consent, each separately
    consent_review: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_referral: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_statistics: Mapped[bool] = mapped_column(Boolean, default=False)

    # --- pipeline: received -> processing -> processed | failed
    pipeline_state: Mapped[str] = mapped_column(
        String(12), default=PipelineState.RECEIVED, index=True
    )
    enqueued_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    failure_reason: Mapped[str | None] = mapped_column(String(300))
    processed_at: Mapped[datetime | None]

    # --- what the pipeline made (only redacted text from here on)
    narrative_redacted: Mapped[str | None] = mapped_column(Text)
    redaction: Mapped[dict | None] = mapped_column(JSON)  # spans, kept tags, mode
    summary: Mapped[str | None] = mapped_column(Text)
    summary_detail: Mapped[dict | None] = mapped_column(JSON)
    queue: Mapped[str | None] = mapped_column(String(40), index=True)
    priority: Mapped[str | None] = mapped_column(String(10))
    priority_rank: Mapped[int] = mapped_column(default=Priority.NORMAL.rank)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # The urgency level of the routing decision: urgent (paged), check-now or normal.
    level: Mapped[str] = mapped_column(
        String(10), default=Level.NORMAL, server_default=Level.NORMAL.value
    )
    deadline_at: Mapped[datetime | None]
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    routing: Mapped[dict | None] = mapped_column(JSON)  # the routing decision, with its reasons

    # --- workflow (staff side)
    status: Mapped[str] = mapped_column(String(20), default=Status.NEW)
    # Optimistic locking: every staff change checks and bumps it (intake/staff/workflow.py).
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    assigned_to: Mapped[StaffUser | None] = relationship(
        lazy="joined", foreign_keys=[assigned_to_id]
    )
    labels: Mapped[list[str]] = mapped_column(JSON, default=list)
    status_changed_at: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # entered resolved/closed; the retention clock
    original_purged_at: Mapped[datetime | None]  # the retention job removed the originals
    reporter_replied_at: Mapped[datetime | None]
    # A member of staff read the redacted text and found nothing left to correct; partner
    # exports can be limited to such reports.
    redaction_checked_at: Mapped[datetime | None]
    redaction_checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    # --- taken by a volunteer for someone (intake/volunteer): who typed it, how the person
    # reached us and the language they spoke. NULL for reports sent on the public form.
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    channel: Mapped[str | None] = mapped_column(String(20))
    spoken_language: Mapped[str | None] = mapped_column(String(8))

    @property
    def contact_possible(self) -> bool:
        return bool(self.contact_phone or self.contact_email)

    @property
    def routing_rules(self) -> list[str]:
        return [match["rule"] for match in (self.routing or {}).get("matched", [])]
