"""Which stretch of time a digest covers. All times are naive UTC, as the database stores them.

A digest always covers the last complete period before `now`: the daily digest sent on March 4
covers March 3 (00:00 to 00:00 UTC), the weekly one sent on a Monday covers the Monday-to-Monday
week before. The start of that period is part of the delivery's unique key, so a beat that fires
twice, or late, or a retry after midnight, still means the same digest.
"""

from __future__ import annotations

from datetime import datetime, timedelta

PERIOD_LENGTH = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def period_bounds(period: str, now: datetime) -> tuple[datetime, datetime]:
    """(start, end) of the last complete `period` before `now`; end is exclusive."""
    if period not in PERIOD_LENGTH:
        raise ValueError(f"unknown digest period {period!r}")
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    end = today if period == "daily" else today - timedelta(days=today.weekday())
    return end - PERIOD_LENGTH[period], end


def bounds_from_start(period: str, start: datetime) -> tuple[datetime, datetime]:
    """(start, end) of the period that begins at `start` (a retry names its period this way)."""
    if period not in PERIOD_LENGTH:
        raise ValueError(f"unknown digest period {period!r}")
    return start, start + PERIOD_LENGTH[period]


def previous_start(period: str, start: datetime) -> datetime:
    """Start of the period before the one starting at `start` (for the change figures)."""
    return start - PERIOD_LENGTH[period]
