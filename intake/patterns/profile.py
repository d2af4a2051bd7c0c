"""One agency's profile for staff: its 287(g) agreement, its reports over time by category, and
the figures that point at the agreement's limits. Exact counts: staff can read the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Agency, StaffUser
from ..vocabulary import CATEGORIES
from .agreements import AgreementRow, agreements_of
from .queries import Pattern, PatternFilters, ReportFacts, find_patterns, load_facts, reporter_map

# Status questioning is what the Warrant Service Officer model does not allow (docs/domain.md).
BEYOND_AGREEMENT_FLAG = "beyond-agreement"


@dataclass(frozen=True)
class Share:
    count: int
    total: int
    report_ids: tuple[int, ...]

    @property
    def percent(self) -> int | None:
        return round(100 * self.count / self.total) if self.total else None


@dataclass(frozen=True)
class AgencyProfile:
    agency: Agency
    agreements: tuple[AgreementRow, ...]
    total: int
    months: tuple[str, ...]
    categories: tuple[str, ...]
    by_month: dict[str, dict[str, int]]  # month -> category -> reports
    month_totals: dict[str, int]
    stop_questioning: Share
    detainer_holds: Share
    beyond_agreement: Share | None  # only for agencies whose only model is WSO
    officers: tuple[Pattern, ...]


def _share(facts: list[ReportFacts], ids: list[int]) -> Share:
    return Share(count=len(ids), total=len(facts), report_ids=tuple(sorted(ids)))


def agency_profile(
    agency: Agency, user: StaffUser | None, flags: dict[int, list[str]] | None = None
) -> AgencyProfile:
    filters = PatternFilters(agency=agency.id, date_from=None, min_reports=2)
    facts = load_facts(filters, user)
    flags = flags if flags is not None else report_flags([f.id for f in facts])
    by_month: dict[str, dict[str, int]] = {}
    month_totals: dict[str, int] = {}
    for f in facts:
        month = f"{f.day:%Y-%m}"
        month_totals[month] = month_totals.get(month, 0) + 1
        row = by_month.setdefault(month, {})
        for code in f.categories:
            row[code] = row.get(code, 0) + 1
    used = {code for row in by_month.values() for code in row}
    categories = tuple(code for code in CATEGORIES if code in used)
    stop = [f.id for f in facts if {"traffic_stop", "status_questioning"} <= set(f.categories)]
    holds = [f.id for f in facts if "detainer_hold" in f.categories]
    beyond = None
    if set(agency.models or []) == {"WSO"}:
        beyond = _share(
            facts,
            [
                f.id
                for f in facts
                if "status_questioning" in f.categories
                or BEYOND_AGREEMENT_FLAG in flags.get(f.id, [])
            ],
        )
    officers = find_patterns(facts, reporter_map([f.id for f in facts]), filters).by_kind["officer"]
    return AgencyProfile(
        agency=agency,
        agreements=tuple(agreements_of(agency)),
        total=len(facts),
        months=tuple(sorted(by_month)),
        categories=categories,
        by_month=by_month,
        month_totals=month_totals,
        stop_questioning=_share(facts, stop),
        detainer_holds=_share(facts, holds),
        beyond_agreement=beyond,
        officers=tuple(officers),
    )


def report_flags(report_ids: list[int]) -> dict[int, list[str]]:
    from sqlalchemy import select

    from ..extensions import db
    from ..models import Report

    rows = db.session.execute(select(Report.id, Report.flags).where(Report.id.in_(report_ids)))
    return {i: list(f or []) for i, f in rows}


def month_label(month: str) -> str:
    return date.fromisoformat(month + "-01").strftime("%b %Y")
