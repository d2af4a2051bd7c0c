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

from babel import dates as babel_dates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .chart import bar_chart_png
from .phrases import PHRASES, phrases_for


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


def shown(count: int, p: dict) -> str:
    """A count as a staff digest shows it: exactly. Staff can read the reports themselves;
    suppressing small counts is for what leaves the organisation (partner exports)."""
    return str(count)


def change(count: int, previous: int, p: dict) -> str:
    """The change from the previous period."""
    if count == previous:
        return p["same"]
    if previous == 0:
        return p["new"]
    return f"{count - previous:+d}"


def _day(value: datetime, p: dict) -> str:
    return babel_dates.format_date(value, "long", locale=p["locale"])


def dates(start: datetime, end: datetime, p: dict) -> str:
    last = end - timedelta(seconds=1)
    if last.date() == start.date():
        return _day(start, p)
    return p["dates_range"].format(first=_day(start, p), last=_day(last, p))


def _rows(items: list[dict[str, Any]], p: dict) -> list[dict[str, str]]:
    return [
        {
            "label": item["label"] or p["agency_unknown"],
            "count": shown(item["count"], p),
            "change": change(item["count"], item.get("previous", 0), p),
        }
        for item in items
    ]


def build_digest(figures: dict[str, Any], language: str = "en") -> Digest:
    """The digest for one recipient, in `language` (English when it has no phrase table)."""
    p = phrases_for(language)
    language = language if language in PHRASES else "en"
    period = figures["period"]
    period_title = p["period_title"][period]
    span = dates(figures["start"], figures["end"], p)
    total = int(figures.get("total", 0))
    empty = total == 0
    if empty:
        subject = p["subject_empty"].format(period_title=period_title, dates=span)
    else:
        subject = p["subject"].format(period_title=period_title, dates=span, total=shown(total, p))
    subject = subject[0].upper() + subject[1:]
    queues = [(name or "-", int(n)) for name, n in figures.get("queues", [])]
    chart = None if empty else bar_chart_png(queues, p["chart_title"])
    scope = figures.get("scope")
    context = {
        "p": p,
        "language": language,
        "subject": subject,
        "heading": p["heading"].format(period_title=period_title),
        "period_line": p["period_line"].format(dates=span),
        "scope_line": p["scope_some"].format(queues=", ".join(scope)) if scope else p["scope_all"],
        "empty": empty,
        "total_line": p["new_total"].format(
            total=shown(total, p), change=change(total, int(figures.get("previous_total", 0)), p)
        ),
        "queues": [{"label": name, "count": shown(n, p)} for name, n in queues],
        "urgent_unassigned": shown(int(figures.get("urgent_unassigned", 0)), p),
        "overdue": shown(int(figures.get("overdue", 0)), p),
        "agencies": _rows(figures.get("agencies", []), p),
        "categories": _rows(figures.get("categories", []), p),
        "summaries": figures.get("summaries"),
        "links": figures.get("links", {}),
        "chart_src": f"cid:{CHART_CID}",
        "has_chart": chart is not None,
    }
    text = _env.get_template("digest.txt").render(context)
    html = _env.get_template("digest.html").render(context)
    return Digest(subject=subject, text=text, html=html, chart_png=chart, language=language)
