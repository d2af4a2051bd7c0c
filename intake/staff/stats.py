"""Figures for the statistics page, computed in the database under the queue's filters."""

from __future__ import annotations

from statistics import median, quantiles
from typing import Any

from sqlalchemy import String, case, cast, func, select

from workers.states import OPEN_STATUSES

from ..extensions import db
from ..models import Agency, Referral, Report, StaffUser
from ..vocabulary import CATEGORIES
from .casework import REFERRAL_DESTINATIONS
from .queue import QueueFilters


def _month(column: Any) -> Any:
    if db.engine.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def statistics(filters: QueueFilters, user: StaffUser) -> dict[str, Any]:
    month = _month(Report.created_at).label("month")
    by_month = db.session.execute(
        filters.apply(select(month, func.count()).select_from(Report), user)
        .group_by(month)
        .order_by(month)
    ).all()
    by_queue = db.session.execute(
        filters.apply(select(Report.queue, func.count()).select_from(Report), user)
        .group_by(Report.queue)
        .order_by(func.count().desc())
    ).all()
    agency_name = func.coalesce(Agency.name, "unknown or other")
    by_agency = db.session.execute(
        filters.apply(select(agency_name, func.count()).select_from(Report).outerjoin(Agency), user)
        .group_by(agency_name)
        .order_by(func.count().desc())
        .limit(25)
    ).all()
    text = cast(Report.categories, String)
    sums = [
        func.coalesce(func.sum(case((text.like(f'%"{code}"%'), 1), else_=0)), 0)
        for code in CATEGORIES
    ]
    counts = db.session.execute(filters.apply(select(*sums).select_from(Report), user)).one()
    by_category = sorted(
        ((str(label), int(n)) for label, n in zip(CATEGORIES.values(), counts, strict=True) if n),
        key=lambda row: -row[1],
    )
    responses = db.session.execute(
        filters.apply(
            select(Report.queue, Report.created_at, Report.first_response_at).select_from(Report),
            user,
        ).where(Report.first_response_at.is_not(None))
    ).all()
    hours: dict[str, list[float]] = {}
    for queue, created, first in responses:
        hours.setdefault(queue or "none", []).append((first - created).total_seconds() / 3600)
    everyone = [value for values in hours.values() for value in values]
    response_rows = [_spread(queue, values) for queue, values in sorted(hours.items())]
    if len(hours) > 1:
        response_rows.append(_spread(None, everyone))
    waiting = db.session.scalar(
        filters.apply(select(func.count()).select_from(Report), user).where(
            Report.first_response_at.is_(None), Report.status.in_(OPEN_STATUSES)
        )
    )
    referrals = db.session.execute(
        filters.apply(
            select(
                Referral.destination,
                func.count(),
                func.sum(case((Referral.reporter_consented, 1), else_=0)),
            )
            .select_from(Report)
            .join(Referral, Referral.report_id == Report.id),
            user,
        )
        .group_by(Referral.destination)
        .order_by(func.count().desc())
    ).all()
    return {
        "by_month": [(m or "?", int(n)) for m, n in by_month],
        "by_queue": [(q or "none", int(n)) for q, n in by_queue],
        "by_agency": [(a, int(n)) for a, n in by_agency],
        "by_category": by_category,
        "first_response": response_rows,
        "not_contacted": int(waiting or 0),
        "referrals": [(str(REFERRAL_DESTINATIONS.get(d, d)), int(n)) for d, n, _ in referrals],
        "referral_rows": [
            {
                "destination": str(REFERRAL_DESTINATIONS.get(d, d)),
                "count": int(n),
                "consented": int(c or 0),
            }
            for d, n, c in referrals
        ],
        "total": sum(int(n) for _, n in by_queue),
    }


def _spread(queue: str | None, values: list[float]) -> dict[str, Any]:
    """Exact figures of the hours to first contact (staff statistics are not suppressed)."""
    return {
        "queue": queue,
        "reports": len(values),
        "median": round(median(values), 1),
        "p90": round(quantiles(values, n=10, method="inclusive")[-1], 1)
        if len(values) > 1
        else round(values[0], 1),
    }
