"""Build one digest email (subject, plain text, HTML, PNG chart) from plain figures.

Pure: takes counts and labels, returns strings and bytes; imports nothing from `intake`. The
caller (intake/digest/queries.py) computes the figures in SQL and passes category labels already
in the recipient's language. Figures:

    {
      "period": "daily" | "weekly", "start": datetime, "end": datetime (exclusive, naive UTC),
      "scope": None (every queue the recipient may see) or ["intake", ...],
      "queues": [("intake", 12), ...],          # new reports per queue, this period
      "total": 12, "previous_total": 9,
      "urgent_unassigned": 1, "overdue": 0,     # open reports, as of now
      "agencies":   [{"label": str, "count": int, "previous": int}, ...],
      "categories": [{"label": str, "count": int, "previous": int}, ...],
      "summaries": None, or [{"id": int, "queue": str, "text": str}, ...] (admin opt-in only),
      "links": {"queue": url, "settings": url, "report": url with "{id}"},
    }

Nothing in the figures is a narrative, a name or an officer identifier unless an administrator
turned on summaries, and then only redacted text with officers removed (the caller's duty).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from workers.i18n import ENGLISH, N_, Nn_, Translator

from .chart import bar_chart_png


def _templates() -> Path:
    """templates/email of the checkout, or its copy a wheel carries as intake/templates/email
    (setup.py; intake/paths.py resolves the app's templates the same way). Found by path, not
    by importing intake: this package stays pure."""
    root = Path(__file__).resolve().parents[2]  # the checkout, or site-packages
    shipped = root / "intake" / "templates" / "email"
    return shipped if (shipped / "digest.html").is_file() else root / "templates" / "email"


TEMPLATES = _templates()
CHART_CID = "digest-chart@intake"

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Digest:
    subject: str
    text: str
    html: str
    chart_png: bytes | None  # None when there is nothing to draw (an empty period)
    language: str


def shown(count: int) -> str:
    """A count as a staff digest shows it: exactly. Staff can read the reports themselves;
    suppressing small counts is for what leaves the organisation (partner exports)."""
    return str(count)


def change(count: int, previous: int, t: Translator = ENGLISH) -> str:
    """The change from the previous period."""
    if count == previous:
        return t.gettext("no change")
    if previous == 0:
        return t.pgettext("change from the previous period", "new")
    return f"{count - previous:+d}"


def _one_day(start: datetime, end: datetime) -> bool:
    return (end - timedelta(seconds=1)).date() == start.date()


def dates(start: datetime, end: datetime, t: Translator = ENGLISH) -> str:
    """The period's day, or its first and last day ("del 16 ... al 22 de noviembre de 2026")."""
    if _one_day(start, end):
        return t.date(start)
    last = end - timedelta(seconds=1)
    return t.gettext("%(first)s to %(last)s", first=t.date(start), last=t.date(last))


def _period_line(start: datetime, end: datetime, span: str, t: Translator) -> str:
    if _one_day(start, end):
        return t.gettext("Reports received on %(day)s (UTC).", day=span)
    return t.gettext("Reports received %(dates)s (UTC).", dates=span)


# Whole sentences per period, so that each language puts the period, the dates and the count
# in its own order: (heading, subject of an empty period, subject with new reports).
_PERIOD_WORDS = {
    "daily": (
        N_("Daily digest of reports"),
        N_("Daily digest, %(dates)s: no new reports"),
        Nn_(
            "Daily digest, %(dates)s: %(num)d new report",
            "Daily digest, %(dates)s: %(num)d new reports",
        ),
    ),
    "weekly": (
        N_("Weekly digest of reports"),
        N_("Weekly digest, %(dates)s: no new reports"),
        Nn_(
            "Weekly digest, %(dates)s: %(num)d new report",
            "Weekly digest, %(dates)s: %(num)d new reports",
        ),
    ),
}


def titles(period: str, span: str, total: int, t: Translator = ENGLISH) -> tuple[str, str]:
    """(heading, subject) of a daily or weekly digest of `total` new reports."""
    heading, empty, (one, many) = _PERIOD_WORDS[period]
    subject = t.ngettext(one, many, total, dates=span) if total else t.gettext(empty, dates=span)
    return t.gettext(heading), subject


def _rows(items: list[dict[str, Any]], t: Translator) -> list[dict[str, str]]:
    return [
        {
            "label": item["label"] or t.gettext("Unknown or other agency"),
            "count": shown(item["count"]),
            "change": change(item["count"], item.get("previous", 0), t),
        }
        for item in items
    ]


def _scope_line(scope: list[str] | None, t: Translator) -> str:
    if scope:
        return t.gettext("Queues: %(queues)s.", queues=", ".join(scope))
    return t.gettext("Queues: all the queues you may see.")


def build_digest(figures: dict[str, Any], t: Translator = ENGLISH) -> Digest:
    """The digest for one recipient, in the language of `t`."""
    span = dates(figures["start"], figures["end"], t)
    total = int(figures.get("total", 0))
    heading, subject = titles(figures["period"], span, total, t)
    empty = total == 0
    queues = [(name or "-", int(n)) for name, n in figures.get("queues", [])]
    chart = None if empty else bar_chart_png(queues, t.gettext("New reports by queue"))
    previous = int(figures.get("previous_total", 0))
    context = {
        "_": t.gettext,
        "pgettext": t.pgettext,
        "language": t.language,
        "subject": subject,
        "heading": heading,
        "period_line": _period_line(figures["start"], figures["end"], span, t),
        "scope_line": _scope_line(figures.get("scope"), t),
        "empty": empty,
        "total_line": t.ngettext(
            "%(num)d new report (%(change)s from the previous period).",
            "%(num)d new reports (%(change)s from the previous period).",
            total,
            change=change(total, previous, t),
        ),
        "queues": [{"label": name, "count": shown(n)} for name, n in queues],
        "urgent_unassigned": shown(int(figures.get("urgent_unassigned", 0))),
        "overdue": shown(int(figures.get("overdue", 0))),
        "agencies": _rows(figures.get("agencies", []), t),
        "categories": _rows(figures.get("categories", []), t),
        "summaries": figures.get("summaries"),
        "links": figures.get("links", {}),
        "chart_src": f"cid:{CHART_CID}",
        "has_chart": chart is not None,
    }
    text = _env.get_template("digest.txt").render(context)
    html = _env.get_template("digest.html").render(context)
    return Digest(subject=subject, text=text, html=html, chart_png=chart, language=t.language)
