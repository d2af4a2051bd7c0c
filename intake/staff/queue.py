"""The queue's filters as one query, shared by the queue page, exports and statistics."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select, type_coerce
from sqlalchemy.dialects.postgresql import JSONB
from werkzeug.datastructures import MultiDict

from ..extensions import db
from ..models import Report, StaffUser
from ..timeutil import utcnow
from ..untrusted import whole_number
from ..vocabulary import CATEGORIES
from .workflow import OPEN_STATUSES, STATUSES

PRIORITIES = ("urgent", "check-now", "high", "normal", "low")
DUE_SOON = timedelta(hours=24)
MAX_TEXT = 200
# A free-text search counts its matches up to here and no further: a word found in most reports
# would otherwise cost a scan of every narrative on each page view, for a number nobody reads.
TEXT_COUNT_CAP = 1000


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return whole_number(value)


@dataclass
class QueueFilters:
    """What the queue's filter form asked for; unknown values are ignored, never an error."""

    queue: str | None = None
    status: str | None = None  # a status, "open" (default) or "all"
    priority: str | None = None
    category: str | None = None
    agency: int | None = None
    language: str | None = None
    assigned: str | None = None  # "me", "anyone", "nobody"
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    page: int = 1
    args: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: MultiDict[str, str]) -> QueueFilters:
        status = args.get("status") or "open"
        if status not in STATUSES and status not in ("open", "all"):
            status = "open"
        priority = args.get("priority") if args.get("priority") in PRIORITIES else None
        category = args.get("category") if args.get("category") in CATEGORIES else None
        assigned = (
            args.get("assigned") if args.get("assigned") in ("me", "anyone", "nobody") else None
        )
        text = (args.get("q") or "").strip()[:MAX_TEXT] or None
        page = max(_int(args.get("page")) or 1, 1)
        kept = {k: v for k, v in args.items() if v and k != "page"}
        return cls(
            queue=(args.get("queue") or "").strip()[:40] or None,
            status=status,
            priority=priority,
            category=category,
            agency=_int(args.get("agency")),
            language=(args.get("language") or "").strip()[:8] or None,
            assigned=assigned,
            date_from=_date(args.get("from")),
            date_to=_date(args.get("to")),
            text=text,
            page=min(page, 10_000),
            args=kept,
        )

    def link(self, **changes: object) -> dict[str, object]:
        """These filters' query arguments with `changes` (a None value drops the argument)."""
        args: dict[str, object] = {k: v for k, v in self.args.items() if k not in changes}
        args.update({k: v for k, v in changes.items() if v is not None})
        return args

    def apply(self, query: Select[Any], user: StaffUser, *, with_queue: bool = True) -> Select[Any]:
        """Restrict `query` (over Report) to these filters and to what `user` may see."""
        query = query.where(Report.pipeline_state == "processed")
        if user.queues:
            query = query.where(Report.queue.in_(user.queues))
        if with_queue and self.queue:
            query = query.where(Report.queue == self.queue)
        if self.status == "open":
            query = query.where(Report.status.in_(OPEN_STATUSES))
        elif self.status and self.status != "all":
            query = query.where(Report.status == self.status)
        if self.priority:
            query = query.where(Report.priority == self.priority)
        if self.category:
            if db.session.get_bind().dialect.name == "postgresql":
                # jsonb containment, served by ix_report_categories_gin.
                query = query.where(type_coerce(Report.categories, JSONB).contains([self.category]))
            else:
                # JSON list of codes; the quoted code cannot match inside another code.
                query = query.where(cast(Report.categories, String).like(f'%"{self.category}"%'))
        if self.agency:
            query = query.where(Report.agency_id == self.agency)
        if self.language:
            query = query.where(Report.language == self.language)
        if self.assigned == "me":
            query = query.where(Report.assigned_to_id == user.id)
        elif self.assigned == "anyone":
            query = query.where(Report.assigned_to_id.is_not(None))
        elif self.assigned == "nobody":
            query = query.where(Report.assigned_to_id.is_(None))
        if self.date_from:
            query = query.where(
                Report.created_at >= datetime.combine(self.date_from, datetime.min.time())
            )
        if self.date_to:
            end = datetime.combine(self.date_to, datetime.min.time()) + timedelta(days=1)
            query = query.where(Report.created_at < end)
        if self.text:
            # ILIKE on both databases (the same matches); on PostgreSQL the pg_trgm indexes
            # ix_report_narrative_trgm and ix_report_summary_trgm serve it.
            pattern = (
                "%" + self.text.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
            )
            query = query.where(
                or_(
                    Report.narrative_redacted.ilike(pattern, escape="\\"),
                    Report.summary.ilike(pattern, escape="\\"),
                )
            )
        return query


def queue_page(filters: QueueFilters, user: StaffUser, page_size: int) -> list[Report]:
    """One page of the queue, sorted by priority, then deadline (none last), then age."""
    rows = db.session.scalars(
        filters.apply(select(Report), user)
        .order_by(Report.priority_rank, Report.deadline_at.asc().nulls_last(), Report.id)
        .limit(page_size)
        .offset((filters.page - 1) * page_size)
    ).all()
    return list(rows)


def queue_counts(filters: QueueFilters, user: StaffUser) -> list[tuple[str | None, int]]:
    """Reports per queue under every filter except the queue itself.

    With free text, only the first TEXT_COUNT_CAP + 1 matches are counted: when the counts add
    up to more than TEXT_COUNT_CAP they are partial, and the page says "more than" instead.
    """
    if filters.text:
        matches = (
            filters.apply(select(Report.queue), user, with_queue=False)
            .limit(TEXT_COUNT_CAP + 1)
            .subquery()
        )
        query = select(matches.c.queue, func.count()).group_by(matches.c.queue)
        return [(q, n) for q, n in db.session.execute(query.order_by(matches.c.queue))]
    query = filters.apply(
        select(Report.queue, func.count()).select_from(Report), user, with_queue=False
    )
    return [
        (q, n) for q, n in db.session.execute(query.group_by(Report.queue).order_by(Report.queue))
    ]


def text_total(filters: QueueFilters, user: StaffUser) -> int:
    """Matches of a free-text search in the chosen queue, counted up to TEXT_COUNT_CAP + 1."""
    matches = filters.apply(select(Report.id), user).limit(TEXT_COUNT_CAP + 1).subquery()
    return db.session.scalar(select(func.count()).select_from(matches)) or 0


def deadline_badge(report: Report, now: datetime | None = None) -> str | None:
    """ "overdue", "due_soon" (within 24 hours) or None, for open reports with a deadline."""
    if report.deadline_at is None or report.status not in OPEN_STATUSES:
        return None
    if report.first_response_at is not None:
        return None
    now = now or utcnow()
    if report.deadline_at < now:
        return "overdue"
    if report.deadline_at - now <= DUE_SOON:
        return "due_soon"
    return None
