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


def compute(today: date, k: int) -> dict:
    """The suppressed tables, as stored in the snapshot and shown on the page."""
    columns = month_columns(today)
    reports = consenting_reports()
    agencies = {
        a.id: a
        for a in db.session.scalars(
            select(Agency).where(Agency.id.in_({r[1] for r in reports if r[1]}))
        )
    }
    cells: Counter = Counter()
    mentions: Counter = Counter()
    row_state: dict[str, str] = {}
    row_models: dict[str, list[str]] = {}
    row_label: dict[str, str] = {}
    for day, agency_id, state, categories in reports:
        agency = agencies.get(agency_id) if agency_id else None
        state = agency.state if agency else (state if state in US_STATES else "")
        row = f"agency:{agency.id}" if agency else f"{OTHER_AGENCY}:{state}"
        row_label[row] = agency.name if agency else "Other or unknown agency"
        row_state[row] = state
        row_models[row] = sorted(agency.models or []) if agency else []
        column = _bucket(day, columns)
        cells[("a", row, column)] += 1
        for code in categories:
            if code in CATEGORIES:
                mentions[("c", code, column)] += 1
    rows = sorted(row_label, key=lambda r: (row_state[r], r.startswith(OTHER_AGENCY), row_label[r]))
    codes = [code for code in CATEGORIES if any(mentions[("c", code, c)] for c in columns)]
    all_cells = {("a", r, c): cells[("a", r, c)] for r in rows for c in columns}
    all_cells |= {("c", code, c): mentions[("c", code, c)] for code in codes for c in columns}
    aggregates: dict[tuple, frozenset] = {}
    for r in rows:
        aggregates[("a-row", r)] = frozenset(("a", r, c) for c in columns)
    for c in columns:
        aggregates[("a-col", c)] = frozenset(("a", r, c) for r in rows)
        aggregates[("c-col", c)] = frozenset(("c", code, c) for code in codes)
    for code in codes:
        aggregates[("c-row", code)] = frozenset(("c", code, c) for c in columns)
    aggregates[("a-all",)] = frozenset(k_ for k_ in all_cells if k_[0] == "a")
    aggregates[("c-all",)] = frozenset(k_ for k_ in all_cells if k_[0] == "c")
    states = sorted({row_state[r] for r in rows})
    for state in states:
        aggregates[("state", state)] = frozenset(
            ("a", r, c) for r in rows if row_state[r] == state for c in columns
        )
    models = sorted({m for r in rows for m in row_models[r]})
    for model in models:
        aggregates[("model", model)] = frozenset(
            ("a", r, c) for r in rows if model in row_models[r] for c in columns
        )
    aggregates = {key: members for key, members in aggregates.items() if members}
    hidden = suppress(all_cells, aggregates, k)
    totals = {key: sum(all_cells[m] for m in members) for key, members in aggregates.items()}

    def agg(key: tuple) -> int | None:
        return hidden.shown(key, totals[key], aggregate=True) if key in totals else 0

    return {
        "columns": columns,
        "agency_month": {
            "rows": [
                {
                    "label": row_label[r],
                    "state": row_state[r],
                    "models": row_models[r],
                    "cells": _published([("a", r, c) for c in columns], all_cells, hidden),
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
                {
                    "code": code,
                    "cells": _published([("c", code, c) for c in columns], all_cells, hidden),
                    "total": agg(("c-row", code)),
                }
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
