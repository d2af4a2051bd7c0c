"""The digest's figures, computed in the database: a handful of GROUP BY queries over one period
(and the one before it, for the change), restricted to the recipient's queues.

Only processed reports count (before processing a report has no queue). Returns the plain data
that workers/digest/content.py turns into an email; nothing here is a narrative, a name or an
officer identifier, except the opt-in summaries, which are redacted text with officers removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import force_locale
from sqlalchemy import String, case, cast, func, select
from sqlalchemy.sql.elements import ColumnElement

from workers.digest import previous_start
from workers.states import OPEN_STATUSES, PipelineState, Role

from ..extensions import db
from ..models import Agency, DigestOption, DigestSubscription, Report, StaffUser
from ..staff.exports import without_officers
from ..vocabulary import CATEGORIES

TOP = 5
MAX_SUMMARIES = 25
INCLUDE_SUMMARIES = "include_summaries"


@dataclass(frozen=True)
class Recipient:
    """Who gets one digest: `queues` None means every queue (the account sees them all)."""

    user_id: int
    email: str
    language: str
    queues: list[str] | None


def effective_queues(chosen: list[str] | None, allowed: list[str] | None) -> list[str] | None:
    """The queues a digest covers: what the account chose, within what it may see.

    Empty `chosen` means every queue it may see; empty `allowed` means it may see every queue.
    Returns [] when nothing is left (a choice the account may no longer see)."""
    if not chosen:
        return sorted(allowed) if allowed else None
    if not allowed:
        return sorted(chosen)
    return sorted(set(chosen) & set(allowed))


def subscribed_by_default(user: StaffUser, period: str) -> bool:
    """Digests reach people out of the box: administrators and supervisors get the weekly
    digest of every queue they see, members of particular queues the daily digest of those
    queues. Anyone can turn either off (a subscription row with `active` false)."""
    if period == "weekly":
        return user.role in (Role.ADMIN, Role.SUPERVISOR)
    return period == "daily" and bool(user.queues)


def recipients(period: str) -> list[Recipient]:
    """Everyone owed a `period` digest: active accounts with an active subscription, and those
    with no choice of their own who get it by default (subscribed_by_default)."""
    users = db.session.scalars(
        select(StaffUser).where(StaffUser.active).order_by(StaffUser.email)
    ).all()
    subscriptions = {
        s.staff_user_id: s
        for s in db.session.scalars(
            select(DigestSubscription).where(DigestSubscription.period == period)
        )
    }
    found: list[Recipient] = []
    for user in users:
        sub = subscriptions.get(user.id)
        if sub is None:
            if not subscribed_by_default(user, period):
                continue
            chosen, language = [], user.language or "en"
        elif not sub.active:
            continue
        else:
            chosen, language = list(sub.queues or []), sub.language
        queues = effective_queues(chosen, list(user.queues or []))
        if queues == []:
            continue
        found.append(Recipient(user.id, user.email, language, queues))
    return found


def summaries_enabled() -> bool:
    option = db.session.get(DigestOption, INCLUDE_SUMMARIES)
    return bool(option and option.enabled)


def _scope(queues: list[str] | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Report.pipeline_state == PipelineState.PROCESSED]
    if queues is not None:
        conditions.append(Report.queue.in_(queues))
    return conditions


def _in(start: datetime, end: datetime) -> ColumnElement[bool]:
    return (Report.created_at >= start) & (Report.created_at < end)


def _counted(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def digest_figures(
    period: str,
    start: datetime,
    end: datetime,
    queues: list[str] | None,
    *,
    now: datetime,
    language: str = "en",
    include_summaries: bool = False,
    base_url: str = "",
) -> dict[str, Any]:
    """The figures of one digest (see workers/digest/content.py for their shape)."""
    before = previous_start(period, start)
    scope = _scope(queues)
    current, previous = _in(start, end), _in(before, start)

    by_queue = db.session.execute(
        select(Report.queue, func.count())
        .where(*scope, current)
        .group_by(Report.queue)
        .order_by(func.count().desc(), Report.queue)
    ).all()
    previous_total = db.session.scalar(select(func.count()).where(*scope, previous)) or 0

    open_now = Report.status.in_(OPEN_STATUSES)
    urgent_unassigned, overdue = db.session.execute(
        select(
            _counted(Report.urgent & Report.assigned_to_id.is_(None)),
            _counted((Report.deadline_at < now) & Report.first_response_at.is_(None)),
        ).where(*scope, open_now)
    ).one()

    cur_n, prev_n = _counted(current).label("cur"), _counted(previous).label("prev")
    agencies = db.session.execute(
        select(Report.agency_id, cur_n, prev_n)
        .where(*scope, _in(before, end))
        .group_by(Report.agency_id)
        .order_by(cur_n.desc(), Report.agency_id)
        .limit(TOP)
    ).all()
    names = dict(
        db.session.execute(
            select(Agency.id, Agency.name).where(
                Agency.id.in_([a for a, _, _ in agencies if a is not None])
            )
        ).all()
    )

    # Categories are a JSON list of codes; a quoted code cannot match inside another code.
    text = cast(Report.categories, String)
    codes = list(CATEGORIES)
    sums = [_counted(current & text.like(f'%"{code}"%')) for code in codes] + [
        _counted(previous & text.like(f'%"{code}"%')) for code in codes
    ]
    counts = db.session.execute(select(*sums).where(*scope, _in(before, end))).one()
    with force_locale(language):
        category_rows = [
            {"label": str(CATEGORIES[code]), "count": int(n), "previous": int(p)}
            for code, n, p in zip(codes, counts[: len(codes)], counts[len(codes) :], strict=True)
            if n
        ]
    category_rows.sort(key=lambda row: -row["count"])

    base = base_url.rstrip("/")
    figures: dict[str, Any] = {
        "period": period,
        "start": start,
        "end": end,
        "scope": queues,
        "queues": [(q or "-", int(n)) for q, n in by_queue],
        "total": sum(int(n) for _, n in by_queue),
        "previous_total": int(previous_total),
        "urgent_unassigned": int(urgent_unassigned or 0),
        "overdue": int(overdue or 0),
        "agencies": [
            {"label": names.get(a) if a is not None else None, "count": int(c), "previous": int(p)}
            for a, c, p in agencies
            if c
        ],
        "categories": category_rows[:TOP],
        "summaries": None,
        "links": {
            "queue": f"{base}/staff/",
            "settings": f"{base}/staff/settings/digests",
            "report": f"{base}/staff/reports/{{id}}",
        },
    }
    if include_summaries:
        figures["summaries"] = anonymized_summaries(start, end, queues, language)
    return figures


def anonymized_summaries(
    start: datetime, end: datetime, queues: list[str] | None, language: str = "en"
) -> list[dict[str, Any]]:
    """The machine summaries of the period's reports (built only from redacted text), with kept
    officer names and badge numbers replaced: email is not a safe channel. In `language` where
    the worker wrote one (summary_texts), else in the staff language."""
    reports = db.session.scalars(
        select(Report)
        .where(*_scope(queues), _in(start, end))
        .order_by(Report.priority_rank, Report.id)
        .limit(MAX_SUMMARIES)
    ).all()
    found = []
    for report in reports:
        summary = ((report.summary_detail or {}).get("texts") or {}).get(language)
        summary = summary or report.summary
        if not summary:
            continue
        text = without_officers(report, {"summary": summary})["summary"]
        found.append({"id": report.id, "queue": report.queue, "text": text})
    return found
