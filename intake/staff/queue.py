"""The queue's filters as one query, shared by the queue page, exports and statistics."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, String, cast, exists, func, or_, select, type_coerce
from sqlalchemy.dialects.postgresql import JSONB
from werkzeug.datastructures import MultiDict

from workers.states import OPEN_STATUSES, Level, PipelineState, Priority, Sender, Status

from ..extensions import db
from ..models import Report, ReportMessage, StaffUser
from ..timeutil import utcnow
from ..untrusted import whole_number
from ..vocabulary import CATEGORIES

# The status filter's two choices besides a status: every open report, or every report.
OPEN, ALL = "open", "all"
MAX_TEXT = 200
# A free-text search counts its matches up to here and no further: a word found in most reports
# would otherwise cost a scan of every narrative on each page view, for a number nobody reads.
TEXT_COUNT_CAP = 1000

# The saved views of the queue, in the order of the bar above it.
VIEWS: dict[str, object] = {
    "mine": _l("Mine"),
    "urgent_unassigned": _l("Urgent, unassigned"),
    "check_now": _l("Check now"),
    "overdue": _l("Overdue"),
    "waiting": _l("Waiting for reporter"),
    "new_message": _l("New message"),
}

# Each letter with the accented forms Spanish and English text use, both cases, so that
# "carcel" finds "cárcel" (and "cárcel" finds "carcel") on PostgreSQL and SQLite alike.
_VARIANTS = {
    "a": "aáàâäã",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôöõ",
    "u": "uúùûü",
    "n": "nñ",
    "c": "cç",
    "y": "yý",
}
_REGEX_SPECIAL = set(".^$*+?()[]{}|\\-/")


def _plain(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )


def accent_pattern(text: str) -> str:
    """A case- and accent-insensitive regular expression matching `text` literally.

    A regular expression rather than ILIKE because PostgreSQL's trigram indexes
    (ix_report_narrative_trgm, ix_report_summary_trgm) serve it; SQLAlchemy gives SQLite a
    REGEXP function with the same meaning.
    """
    out = []
    for ch in _plain(" ".join(text.split())):
        lower = ch.lower()
        if lower in _VARIANTS:
            forms = _VARIANTS[lower]
            out.append("[" + forms + forms.upper() + "]")
        elif ch.isalpha():
            out.append("[" + lower + lower.upper() + "]" if lower != lower.upper() else ch)
        elif ch in _REGEX_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return whole_number(value)


def _one_of(value: str | None, known: Collection[str]) -> str | None:
    return value if value in known else None


def _short(value: str | None, most: int) -> str | None:
    """The value stripped and cut to `most` characters; None if nothing is left."""
    return (value or "").strip()[:most] or None


def _status(value: str | None) -> str:
    """A status, or "open" or "all"; anything else (or nothing) is "open"."""
    status = value or OPEN
    return status if status in Status.values() or status in (OPEN, ALL) else OPEN


def _assigned(value: str | None) -> str | None:
    """ "me", "anyone", "nobody" or an account's id; anything else is no filter."""
    if value in ("me", "anyone", "nobody") or (value or "").isdigit():
        return value
    return None


@dataclass
class QueueFilters:
    """What the queue's filter bar asked for; unknown values are ignored, never an error.

    `unknown_queue` keeps a queue name that no configured queue has, so the page can say so
    instead of showing an empty list.
    """

    queue: str | None = None
    status: str | None = None  # a status, "open" (default) or "all"
    priority: str | None = None
    category: str | None = None
    agency: int | None = None
    language: str | None = None
    assigned: str | None = None  # "me", "anyone", "nobody" or an account id
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    view: str | None = None
    page: int = 1
    args: dict[str, str] = field(default_factory=dict)
    unknown_queue: str | None = None

    @classmethod
    def from_args(cls, args: MultiDict[str, str], queues: list[str] | None = None) -> QueueFilters:
        """`queues`: the queues that exist; a queue not among them is dropped (not matched)."""
        filters = cls(
            queue=_short(args.get("queue"), 40),
            status=_status(args.get("status")),
            priority=_one_of(args.get("priority"), Priority.values()),
            category=_one_of(args.get("category"), CATEGORIES),
            agency=_int(args.get("agency")),
            language=_short(args.get("language"), 8),
            assigned=_assigned(args.get("assigned")),
            date_from=_date(args.get("from")),
            date_to=_date(args.get("to")),
            text=(args.get("q") or "").strip()[:MAX_TEXT] or None,
            view=_one_of(args.get("view"), VIEWS),
            page=min(max(_int(args.get("page")) or 1, 1), 10_000),
            args={k: v for k, v in args.items() if v and k not in ("page", "csrf_token")},
        )
        if queues is not None:
            filters.check_queue(queues)
        return filters

    def check_queue(self, queues: list[str]) -> None:
        """Drop a queue that is not among `queues` (and remember it, for the message)."""
        if self.queue and self.queue not in queues:
            self.unknown_queue, self.queue = self.queue, None
            self.args.pop("queue", None)

    @property
    def folded(self) -> int:
        """How many of the filters behind "more filters" are set (the fold opens if any)."""
        return sum(
            bool(value)
            for value in (self.category, self.agency, self.language, self.date_from, self.date_to)
        )

    def link(self, **changes: object) -> dict[str, object]:
        """These filters' query arguments with `changes` (a None value drops the argument)."""
        args: dict[str, object] = {k: v for k, v in self.args.items() if k not in changes}
        args.update({k: v for k, v in changes.items() if v is not None})
        return args

    def apply(self, query: Select[Any], user: StaffUser, *, with_queue: bool = True) -> Select[Any]:
        """Restrict `query` (over Report) to these filters and to what `user` may see."""
        query = query.where(Report.pipeline_state == PipelineState.PROCESSED)
        if user.queues:
            query = query.where(Report.queue.in_(user.queues))
        if with_queue and self.queue:
            query = query.where(Report.queue == self.queue)
        if self.view:
            query = query.where(*view_conditions(self.view, user))
        if self.status == OPEN:
            query = query.where(Report.status.in_(OPEN_STATUSES))
        elif self.status and self.status != ALL:
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
        elif self.assigned:
            query = query.where(Report.assigned_to_id == int(self.assigned))
        if self.date_from:
            query = query.where(
                Report.created_at >= datetime.combine(self.date_from, datetime.min.time())
            )
        if self.date_to:
            end = datetime.combine(self.date_to, datetime.min.time()) + timedelta(days=1)
            query = query.where(Report.created_at < end)
        if self.text:
            pattern = accent_pattern(self.text)
            query = query.where(
                or_(
                    Report.narrative_redacted.regexp_match(pattern),
                    Report.summary.regexp_match(pattern),
                )
            )
        return query


def check_now_condition() -> Any:
    """The "check now" level, which the router stores on the report."""
    return Report.level == Level.CHECK_NOW


def view_conditions(view: str, user: StaffUser, now: datetime | None = None) -> list[Any]:
    """What one saved view means, as conditions over open reports (each view is work to do).

    The conditions match the partial indexes of migration 0012_staff_casework
    (ix_report_urgent_unassigned, ix_report_unanswered_deadline, ix_report_reporter_replied), so
    each view's count is an index scan, not a pass over every report."""
    now = now or utcnow()
    if view == "mine":
        return [Report.assigned_to_id == user.id]
    if view == "urgent_unassigned":
        return [Report.urgent, Report.assigned_to_id.is_(None)]
    if view == "check_now":
        return [check_now_condition()]
    if view == "overdue":
        return [Report.first_response_at.is_(None), Report.deadline_at < now]
    if view == "waiting":
        return [Report.status == Status.WAITING_REPORTER]
    if view == "new_message":
        answered = exists().where(
            ReportMessage.report_id == Report.id,
            ReportMessage.sender == Sender.STAFF,
            ReportMessage.created_at > Report.reporter_replied_at,
        )
        return [Report.reporter_replied_at.is_not(None), ~answered]
    raise ValueError(view)


# A saved view's count stops here ("99+"): past it the number changes nothing for the person
# reading it, and counting every overdue report of a large backlog would cost a full scan.
VIEW_COUNT_CAP = 99


def view_counts(user: StaffUser) -> dict[str, int]:
    """How many open reports each saved view holds now, up to VIEW_COUNT_CAP + 1 each: one
    statement, a small count per view, each served by an index or stopped by its limit."""
    base = QueueFilters(status=OPEN)
    now = utcnow()
    counts = [
        select(func.count())
        .select_from(
            base.apply(select(Report.id), user)
            .where(*view_conditions(view, user, now))
            .limit(VIEW_COUNT_CAP + 1)
            .subquery()
        )
        .scalar_subquery()
        .label(view)
        for view in VIEWS
    ]
    row = db.session.execute(select(*counts)).one()
    return {view: int(n or 0) for view, n in zip(VIEWS, row, strict=True)}


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


ONE_LINE = 160


def one_line(report: Report) -> str:
    """What happened, in one line: the summary's first sentence from the narrative, else the
    start of the redacted narrative (both redacted text)."""
    sentences = (report.summary_detail or {}).get("sentences") or []
    text = sentences[0].get("text", "") if sentences else ""
    text = text or report.narrative_redacted or ""
    text = " ".join(text.split())
    return text if len(text) <= ONE_LINE else text[: ONE_LINE - 1].rstrip() + "…"
