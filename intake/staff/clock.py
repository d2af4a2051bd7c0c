"""Times as staff read them: in the organisation's time zone (INTAKE_TIMEZONE), deadlines as
"overdue by 3 h" / "due in 40 min", and the exact UTC time on hover.

Every timestamp column stores naive UTC (intake/timeutil.py); only these helpers convert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, format_timedelta
from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from ..timeutil import utcnow


def organisation_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("INTAKE_TIMEZONE") or "UTC")


def local(moment: datetime) -> datetime:
    """A naive UTC timestamp in the organisation's time zone."""
    return moment.replace(tzinfo=UTC).astimezone(organisation_zone())


def utc_title(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def local_time(moment: datetime | None, short: bool = False) -> Markup:
    """`<time>` in the organisation's zone (its abbreviation shown), UTC in the title.
    `short`: "24 Nov 03:45" in the page's language, for table cells."""
    if moment is None:
        return Markup("—")
    shown = local(moment)
    if short:
        text = format_datetime(shown, "d MMM HH:mm", locale=str(get_locale() or "en"))
    else:
        text = shown.strftime("%Y-%m-%d %H:%M %Z")
    return Markup(  # noqa: S704 (both values are escaped)
        f'<time datetime="{moment.isoformat()}Z" title="{escape(utc_title(moment))}">'
        f"{escape(text)}</time>"
    )


def duration(delta: timedelta) -> str:
    """ "40 min", "3 hr", "2 days" in the page's language."""
    return format_timedelta(delta, threshold=1.5, format="short", locale=str(get_locale() or "en"))


@dataclass(frozen=True)
class Deadline:
    """The first-response deadline of an open report nobody has contacted yet."""

    state: str  # "overdue" | "soon" (within a day) | "later"
    text: str
    at: datetime

    @property
    def title(self) -> str:
        return utc_title(self.at)


DUE_SOON = timedelta(hours=24)


def deadline_of(report: object, now: datetime | None = None) -> Deadline | None:
    """None once the reporter was contacted, the report is closed, or it has no deadline."""
    from workers.states import OPEN_STATUSES

    at = getattr(report, "deadline_at", None)
    if at is None or getattr(report, "first_response_at", None) is not None:
        return None
    if getattr(report, "status", None) not in OPEN_STATUSES:
        return None
    now = now or utcnow()
    if at < now:
        return Deadline("overdue", _("overdue by %(time)s", time=duration(now - at)), at)
    state = "soon" if at - now <= DUE_SOON else "later"
    return Deadline(state, _("due in %(time)s", time=duration(at - now)), at)
