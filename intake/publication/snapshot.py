"""Computing the public statistics: only reports whose reporters consented to statistics, only
coded fields (agency on ICE's list, its models and state, categories, month), never officer
names, free text or an agency a reporter typed in; then suppression (intake/suppression.py).

Two tables, each with its row and column totals, and roll-ups of the first by state and by
287(g) model, all suppressed together as one system so that no hidden cell can be worked out:
- reports by agency and month (the last twelve months, and earlier);
- category mentions by category and month (a report can name several categories).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from sqlalchemy import select

from workers.states import PipelineState

from ..extensions import db
from ..models import Agency, PublicStatsSnapshot, Report
from ..suppression import Suppression, suppress
from ..timeutil import utcnow
from ..vocabulary import CATEGORIES, US_STATES

EARLIER = "earlier"
OTHER_AGENCY = "other"  # not on ICE's list, or not known: published only as a group
MONTHS_SHOWN = 12


def month_columns(today: date) -> list[str]:
    """The last MONTHS_SHOWN months (oldest first), then one column for everything earlier."""
    months = []
    year, month = today.year, today.month
    for _ in range(MONTHS_SHOWN):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return [*reversed(months), EARLIER]


def _bucket(day: date, columns: list[str]) -> str:
    month = f"{day:%Y-%m}"
    return month if month in columns else EARLIER


def consenting_reports() -> list[tuple[date, int | None, str | None, list[str]]]:
    """(month day, agency id, state, categories) of every processed report with consent."""
    rows = db.session.execute(
        select(
            Report.incident_date,
            Report.created_at,
            Report.agency_id,
            Report.state,
            Report.categories,
        ).where(
            Report.consent_statistics.is_(True), Report.pipeline_state == PipelineState.PROCESSED
        )
    ).all()
    return [
        (incident or created.date(), agency_id, state, list(categories or []))
        for incident, created, agency_id, state, categories in rows
    ]


def _published(keys, values, suppression: Suppression, aggregate: bool = False) -> list:  # noqa: ANN001
    return [suppression.shown(key, values[key], aggregate) for key in keys]


@dataclass
class Tally:
    """The counts before suppression: reports per (agency row, month), category mentions per
    (category, month), and what each agency row shows beside its counts."""

    columns: list[str]
    cells: Counter = field(default_factory=Counter)
    mentions: Counter = field(default_factory=Counter)
    label: dict[str, str] = field(default_factory=dict)
    state: dict[str, str] = field(default_factory=dict)
    models: dict[str, list[str]] = field(default_factory=dict)

    def add(self, day: date, agency: Agency | None, state: str | None, categories: list[str]):
        """Count one report: its agency's row (or the "other" row of its state) and its
        categories, in its month's column."""
        state = agency.state if agency else (state if state in US_STATES else "")
        row = f"agency:{agency.id}" if agency else f"{OTHER_AGENCY}:{state}"
        self.label[row] = agency.name if agency else "Other or unknown agency"
        self.state[row] = state
        self.models[row] = sorted(agency.models or []) if agency else []
        column = _bucket(day, self.columns)
        self.cells[("a", row, column)] += 1
        for code in categories:
            if code in CATEGORIES:
                self.mentions[("c", code, column)] += 1

    def rows(self) -> list[str]:
        """Agency rows by state, ICE's agencies before the state's "other" row, then by name."""
        return sorted(
            self.label, key=lambda r: (self.state[r], r.startswith(OTHER_AGENCY), self.label[r])
        )

    def codes(self) -> list[str]:
        """The categories mentioned at all, in the vocabulary's order."""
        return [
            code for code in CATEGORIES if any(self.mentions[("c", code, c)] for c in self.columns)
        ]

    def states(self, rows: list[str]) -> list[str]:
        return sorted({self.state[r] for r in rows})

    def model_names(self, rows: list[str]) -> list[str]:
        return sorted({m for r in rows for m in self.models[r]})

    def all_cells(self, rows: list[str], codes: list[str]) -> dict[tuple, int]:
        """Every cell of both tables, zeros included (a zero is published too)."""
        columns = self.columns
        found = {("a", r, c): self.cells[("a", r, c)] for r in rows for c in columns}
        return found | {
            ("c", code, c): self.mentions[("c", code, c)] for code in codes for c in columns
        }


def _tally(today: date) -> Tally:
    """The consenting reports counted, with their agencies as ICE lists them."""
    tally = Tally(month_columns(today))
    reports = consenting_reports()
    agencies = {
        a.id: a
        for a in db.session.scalars(
            select(Agency).where(Agency.id.in_({r[1] for r in reports if r[1]}))
        )
    }
    for day, agency_id, state, categories in reports:
        tally.add(day, agencies.get(agency_id) if agency_id else None, state, categories)
    return tally


def _table_totals(columns: list[str], rows: list[str], codes: list[str]) -> dict:
    """Both tables' row, column and grand totals, as the cells each sums."""
    aggregates: dict[tuple, frozenset] = {}
    for r in rows:
        aggregates[("a-row", r)] = frozenset(("a", r, c) for c in columns)
    for c in columns:
        aggregates[("a-col", c)] = frozenset(("a", r, c) for r in rows)
        aggregates[("c-col", c)] = frozenset(("c", code, c) for code in codes)
    for code in codes:
        aggregates[("c-row", code)] = frozenset(("c", code, c) for c in columns)
    aggregates[("a-all",)] = frozenset(("a", r, c) for r in rows for c in columns)
    aggregates[("c-all",)] = frozenset(("c", code, c) for code in codes for c in columns)
    return aggregates


def _rollups(tally: Tally, rows: list[str]) -> dict:
    """The agency table rolled up by state and by 287(g) model."""
    aggregates: dict[tuple, frozenset] = {}
    for state in tally.states(rows):
        aggregates[("state", state)] = frozenset(
            ("a", r, c) for r in rows if tally.state[r] == state for c in tally.columns
        )
    for model in tally.model_names(rows):
        aggregates[("model", model)] = frozenset(
            ("a", r, c) for r in rows if model in tally.models[r] for c in tally.columns
        )
    return aggregates


def _aggregates(tally: Tally, rows: list[str], codes: list[str]) -> dict:
    """Every total published, as the cells it sums (an empty one is not published)."""
    aggregates = _table_totals(tally.columns, rows, codes) | _rollups(tally, rows)
    return {key: members for key, members in aggregates.items() if members}


def compute(today: date, k: int) -> dict:
    """The suppressed tables, as stored in the snapshot and shown on the page."""
    tally = _tally(today)
    columns, rows, codes = tally.columns, tally.rows(), tally.codes()
    all_cells = tally.all_cells(rows, codes)
    aggregates = _aggregates(tally, rows, codes)
    hidden = suppress(all_cells, aggregates, k)
    totals = {key: sum(all_cells[m] for m in members) for key, members in aggregates.items()}

    def agg(key: tuple) -> int | None:
        return hidden.shown(key, totals[key], aggregate=True) if key in totals else 0

    def cells(kind: str, row: str) -> list:
        return _published([(kind, row, c) for c in columns], all_cells, hidden)

    states, models = tally.states(rows), tally.model_names(rows)
    return {
        "columns": columns,
        "agency_month": {
            "rows": [
                {
                    "label": tally.label[r],
                    "state": tally.state[r],
                    "models": tally.models[r],
                    "cells": cells("a", r),
                    "total": agg(("a-row", r)),
                }
                for r in rows
            ],
            "column_totals": [agg(("a-col", c)) for c in columns],
            "total": agg(("a-all",)),
        },
        "by_state": [
            {"state": s, "name": US_STATES.get(s, ""), "total": agg(("state", s))} for s in states
        ],
        "by_model": [{"model": m, "total": agg(("model", m))} for m in models],
        "category_month": {
            "rows": [
                {"code": code, "cells": cells("c", code), "total": agg(("c-row", code))}
                for code in codes
            ],
            "column_totals": [agg(("c-col", c)) for c in columns],
            "total": agg(("c-all",)),
        },
    }


def store_snapshot() -> PublicStatsSnapshot:
    """Compute the statistics now and keep them as the newest snapshot."""
    now = utcnow()
    k = current_app.config["PUBLIC_STATS_K"]
    snapshot = PublicStatsSnapshot(
        computed_at=now, data_as_of=now, k=k, tables=compute(now.date(), k)
    )
    db.session.add(snapshot)
    db.session.commit()
    return snapshot


def latest() -> PublicStatsSnapshot | None:
    return db.session.scalar(
        select(PublicStatsSnapshot).order_by(PublicStatsSnapshot.id.desc()).limit(1)
    )
