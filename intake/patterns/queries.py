"""Patterns across reports: officers, agencies, places and categories that recur, each with its
distinct reporters (intake/patterns/reporters.py), date range and reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.orm import load_only
from werkzeug.datastructures import MultiDict

from workers.states import PipelineState

from ..extensions import db
from ..models import Agency, Report, StaffUser
from ..timeutil import utcnow
from ..vocabulary import CATEGORIES
from .officers import Mention, Officer, fold, group_officers, mentions_in_text, name_tokens
from .places import county as county_name
from .places import places_in_text
from .reporters import reporter_keys

KINDS = ("officer", "agency", "place", "category")
SORTS = ("reporters", "reports", "last", "first", "label")
DEFAULT_DAYS = 365


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class PatternFilters:
    """What the patterns page asked for; unknown values are ignored, never an error."""

    agency: int | None = None
    county: str | None = None
    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "reporters"
    min_reports: int = 2
    received_from: date | None = None  # not on the page: the alert check's own limit

    @classmethod
    def from_args(cls, args: MultiDict[str, str]) -> PatternFilters:
        agency = args.get("agency", "")
        minimum = args.get("min", "")
        sort = args.get("sort") if args.get("sort") in SORTS else "reporters"
        date_from = _date(args.get("from"))
        if "from" not in args:  # the default period; an empty field means "all time"
            date_from = (utcnow() - timedelta(days=DEFAULT_DAYS)).date()
        return cls(
            agency=int(agency) if agency.isdigit() else None,
            county=(args.get("county") or "").strip()[:120] or None,
            category=args.get("category") if args.get("category") in CATEGORIES else None,
            date_from=date_from,
            date_to=_date(args.get("to")),
            sort=sort,
            min_reports=int(minimum) if minimum.isdigit() and 1 <= int(minimum) <= 50 else 2,
        )


@dataclass(frozen=True)
class Pattern:
    """One thing that recurs: an officer, an agency, a place or a category."""

    kind: str
    key: str
    label: str
    agency: str | None
    reporters: int
    report_ids: tuple[int, ...]
    first: date
    last: date
    detail: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportFacts:
    """What pattern finding reads of one report (redacted data only)."""

    id: int
    day: date
    agency_key: str
    agency_id: int | None
    categories: tuple[str, ...]
    county: str | None
    city: str | None
    state: str | None
    mentions: tuple[Mention, ...]
    places: tuple[tuple[str, str], ...]


def report_day(report: Report) -> date:
    """The incident date when the reporter gave one, else the day the report came in."""
    return report.incident_date or report.created_at.date()


def agency_key(report: Report) -> str:
    if report.agency_id:
        return f"agency:{report.agency_id}"
    if report.agency_other and name_tokens(report.agency_other):
        return "other:" + " ".join(name_tokens(report.agency_other))
    return "unknown"


def facts_of(report: Report) -> ReportFacts:
    key = agency_key(report)
    redaction = report.redaction or {}
    mentions = mentions_in_text(
        report.id, key, report.narrative_redacted or "", redaction.get("kept", [])
    )
    # What the reporter typed in the officers field, kept spans stored since issue 17.
    mentions += mentions_in_text(
        report.id,
        key,
        redaction.get("officer_details") or "",
        redaction.get("officer_details_kept", []),
    )
    places = places_in_text(report.narrative_redacted or "", redaction.get("kept", []))
    return ReportFacts(
        id=report.id,
        day=report_day(report),
        agency_key=key,
        agency_id=report.agency_id,
        categories=tuple(report.categories or ()),
        county=report.county,
        city=report.city,
        state=report.state,
        mentions=tuple(mentions),
        places=tuple(places),
    )


def load_facts(filters: PatternFilters, user: StaffUser | None) -> list[ReportFacts]:
    """The processed reports under the filters that `user` may see (None: every report)."""
    query = (
        select(Report)
        .where(Report.pipeline_state == PipelineState.PROCESSED)
        .options(
            load_only(
                Report.id,
                Report.created_at,
                Report.incident_date,
                Report.agency_id,
                Report.agency_other,
                Report.categories,
                Report.county,
                Report.city,
                Report.state,
                Report.narrative_redacted,
                Report.redaction,
                Report.queue,
            )
        )
        .order_by(Report.id)
    )
    if user is not None and user.queues:
        query = query.where(Report.queue.in_(user.queues))
    if filters.agency:
        query = query.where(Report.agency_id == filters.agency)
    day = func.coalesce(Report.incident_date, func.date(Report.created_at))
    if filters.date_from:
        query = query.where(day >= filters.date_from)
    if filters.date_to:
        query = query.where(day <= filters.date_to)
    if filters.received_from:
        query = query.where(Report.created_at >= filters.received_from)
    if filters.county:
        wanted = fold(filters.county).removesuffix(" county").strip()
        query = query.outerjoin(Agency, Report.agency_id == Agency.id).where(
            or_(
                func.lower(Report.county).like(f"{wanted}%"),
                func.lower(Agency.county).like(f"{wanted}%"),
            )
        )
    facts = [facts_of(r) for r in db.session.scalars(query).unique()]
    if filters.category:
        facts = [f for f in facts if filters.category in f.categories]
    return facts


def agency_names(keys: Iterable[str]) -> dict[str, str]:
    ids = [int(k.split(":")[1]) for k in keys if k.startswith("agency:")]
    names = {
        f"agency:{i}": f"{name} ({state})"
        for i, name, state in db.session.execute(
            select(Agency.id, Agency.name, Agency.state).where(Agency.id.in_(ids))
        )
    }
    for key in keys:
        if key.startswith("other:"):
            names[key] = key.removeprefix("other:").title() + " (not on ICE's list)"
        elif key == "unknown":
            names[key] = "Agency not known"
    return names


def _pattern(
    kind: str,
    key: str,
    label: str,
    agency: str | None,
    ids: Iterable[int],
    by_id: dict[int, ReportFacts],
    reporter: dict[int, str],
    detail: tuple[str, ...] = (),
) -> Pattern:
    ids = tuple(sorted(set(ids)))
    days = [by_id[i].day for i in ids]
    return Pattern(
        kind=kind,
        key=key,
        label=label,
        agency=agency,
        reporters=len({reporter[i] for i in ids}),
        report_ids=ids,
        first=min(days),
        last=max(days),
        detail=detail,
    )


def officers_of(facts: Iterable[ReportFacts]) -> list[Officer]:
    return group_officers(m for f in facts for m in f.mentions)


@dataclass
class Patterns:
    by_kind: dict[str, list[Pattern]] = field(default_factory=dict)
    reports: int = 0


def find_patterns(
    facts: list[ReportFacts], reporter: dict[int, str], filters: PatternFilters
) -> Patterns:
    """Every officer, agency, place and category in at least `filters.min_reports` reports."""
    by_id = {f.id: f for f in facts}
    names = agency_names({f.agency_key for f in facts})
    found: dict[str, list[Pattern]] = {kind: [] for kind in KINDS}
    for officer in officers_of(facts):
        found["officer"].append(
            _pattern(
                "officer",
                officer.keys[0] if officer.keys else "",
                officer.label,
                names.get(officer.agency_key),
                officer.report_ids,
                by_id,
                reporter,
                tuple(officer.names),
            )
        )
    groups: dict[tuple[str, str], set[int]] = {}
    for f in facts:
        groups.setdefault(("agency", f.agency_key), set()).add(f.id)
        for code in f.categories:
            groups.setdefault(("category", code), set()).add(f.id)
        places = set(f.places)
        if f.county and f.county.strip():
            places.add(("county", county_name(f.county) or f"{f.county.strip().title()} County"))
        if f.city:
            places.add(("city", " ".join(f.city.split()).title()))
        for kind, name in places:
            suffix = f", {f.state}" if f.state else ""
            groups.setdefault(("place", f"{kind}|{name}{suffix}"), set()).add(f.id)
    for (kind, key), ids in groups.items():
        if kind == "agency":
            label, agency, detail = names.get(key, key), None, ()
        elif kind == "category":
            # The code: the page shows its label in the reader's language.
            label, agency, detail = key, None, ()
        else:
            place_kind, label = key.split("|", 1)
            agency, detail = None, (place_kind,)
        found[kind].append(_pattern(kind, key, label, agency, ids, by_id, reporter, detail))
    order = {
        "reporters": lambda p: (-p.reporters, -len(p.report_ids), p.label),
        "reports": lambda p: (-len(p.report_ids), -p.reporters, p.label),
        "last": lambda p: (-p.last.toordinal(), p.label),
        "first": lambda p: (p.first.toordinal(), p.label),
        "label": lambda p: (fold(p.label), p.first),
    }[filters.sort]
    by_kind = {
        kind: sorted((p for p in rows if len(p.report_ids) >= filters.min_reports), key=order)
        for kind, rows in found.items()
    }
    return Patterns(by_kind=by_kind, reports=len(facts))


def patterns_for(filters: PatternFilters, user: StaffUser | None) -> Patterns:
    facts = load_facts(filters, user)
    reporter = reporter_map([f.id for f in facts])
    return find_patterns(facts, reporter, filters)


def reporter_map(report_ids: list[int]) -> dict[int, str]:
    return reporter_keys(report_ids, current_app.config["SECRET_KEY"])
