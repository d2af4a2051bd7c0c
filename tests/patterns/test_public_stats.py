"""The public statistics page on generated data: off by default, only consenting reports, no
count under k shown, and no hidden number recoverable from what the page and its CSV publish."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from fractions import Fraction

import pytest

from intake.publication.snapshot import store_snapshot
from intake.timeutil import utcnow
from workers import accountability_tasks

from ..staff.conftest import browser
from .generate import agency, report

TODAY = utcnow().date()


def solve(equations: list[tuple[dict, int]]) -> dict:
    """Unknowns an attacker pins exactly: Gaussian elimination over the rationals.
    Each equation is ({unknown: coefficient}, value)."""
    unknowns = sorted({u for coefficients, _ in equations for u in coefficients}, key=repr)
    index = {u: i for i, u in enumerate(unknowns)}
    rows = []
    for coefficients, value in equations:
        row = [Fraction(0)] * (len(unknowns) + 1)
        for u, c in coefficients.items():
            row[index[u]] += c
        row[-1] = Fraction(value)
        rows.append(row)
    pivots, top = [], 0
    for col in range(len(unknowns)):
        found = next((r for r in range(top, len(rows)) if rows[r][col] != 0), None)
        if found is None:
            continue
        rows[top], rows[found] = rows[found], rows[top]
        rows[top] = [v / rows[top][col] for v in rows[top]]
        for r in range(len(rows)):
            if r != top and rows[r][col] != 0:
                f = rows[r][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[top], strict=True)]
        pivots.append((top, col))
        top += 1
    return {
        unknowns[col]: rows[r][-1]
        for r, col in pivots
        if all(rows[r][c] == 0 for c in range(len(unknowns)) if c != col)
    }


def equations_of(tables: dict) -> list[tuple[dict, int]]:
    """Every equation the published tables give an attacker: each shown total equals the sum of
    its row's or column's cells (hidden ones are unknowns, hidden totals too)."""
    equations = []
    columns = range(len(tables["columns"]))
    for name in ("agency_month", "category_month"):
        t = tables[name]
        rows = t["rows"]

        def cell(r: int, c: int, name: str = name, rows: list = rows) -> tuple[dict, int]:
            v = rows[r]["cells"][c]
            return ({(name, r, c): 1}, 0) if v is None else ({}, v)

        def add(total: int | None, members: list, key: tuple) -> None:
            coefficients, known = {}, 0
            for co, v in members:
                coefficients.update(co)
                known += v
            if total is None:  # a hidden total is an unknown tied to its cells
                coefficients = {**{u: -1 for u in coefficients}, key: 1}
                equations.append((coefficients, known))
            else:
                equations.append((coefficients, total - known))

        for r, row in enumerate(rows):
            add(row["total"], [cell(r, c) for c in columns], (name, "row", r))
        for c in columns:
            add(t["column_totals"][c], [cell(r, c) for r in range(len(rows))], (name, "col", c))
        add(t["total"], [cell(r, c) for r in range(len(rows)) for c in columns], (name, "all"))
        if name == "agency_month":
            for s in tables["by_state"]:
                members = [
                    cell(r, c)
                    for r, row in enumerate(rows)
                    if row["state"] == s["state"]
                    for c in columns
                ]
                add(s["total"], members, ("state", s["state"]))
            for m in tables["by_model"]:
                members = [
                    cell(r, c)
                    for r, row in enumerate(rows)
                    if m["model"] in row["models"]
                    for c in columns
                ]
                add(m["total"], members, ("model", m["model"]))
    return [(co, v) for co, v in equations if co]


def numbers(tables: dict) -> list[int | None]:
    found = [tables["agency_month"]["total"], tables["category_month"]["total"]]
    for name in ("agency_month", "category_month"):
        found += tables[name]["column_totals"]
        for row in tables[name]["rows"]:
            found += [*row["cells"], row["total"]]
    found += [r["total"] for r in tables["by_state"]] + [r["total"] for r in tables["by_model"]]
    return found


AGENCIES = [
    ("Galveston County Sheriff's Office", "TX"),
    ("Harris County Sheriff's Office", "GA"),
    ("Cherokee County Sheriff's Office", "AL"),
    ("Collier County Sheriff's Office", "FL"),
]
CATEGORY_CHOICES = [
    "traffic_stop",
    "status_questioning",
    "detainer_hold",
    "profiling",
    "transfer_to_ice",
]


def generate(seed: int) -> None:
    rng = random.Random(seed)
    ids = [agency(name, state).id for name, state in AGENCIES]
    for i in range(90):
        consent = i % 6 != 0
        report(
            "Deputy ",
            ("Ramsey", "OFFICER"),
            " stopped us.",
            agency_id=rng.choice([*ids, ids[0], ids[0], None]),
            agency_other=None if i % 9 else "Podunk Marshal Smith",
            day=TODAY - timedelta(days=rng.randint(0, 500)),
            categories=rng.sample(CATEGORY_CHOICES, rng.randint(1, 2)),
            consent_statistics=consent,
            state=rng.choice(["TX", "GA", None]),
        )


def test_off_by_default(app, client, ctx):
    assert app.config["PUBLIC_STATS"] is False
    assert client.get("/statistics").status_code == 404
    assert client.get("/statistics.csv").status_code == 404
    assert accountability_tasks.compute_public_stats.run() is None


@pytest.fixture
def public(app):
    app.config["PUBLIC_STATS"] = True
    yield app
    app.config["PUBLIC_STATS"] = False


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_cell_under_k_and_nothing_recoverable(public, client, ctx, seed):
    generate(seed)
    snapshot = store_snapshot()
    tables = snapshot.tables
    assert all(v is None or v == 0 or v >= 5 for v in numbers(tables))
    assert None in numbers(tables)  # the generated data has small cells: some are hidden
    assert solve(equations_of(tables)) == {}
    # Only consenting reports: 75 of 90.
    consenting = tables["agency_month"]["total"]
    assert consenting is None or consenting == 75


def test_page_and_csv_in_both_languages_without_names_or_free_text(public, ctx):
    client = browser(public)  # a fresh request context each time, as a real browser has
    generate(4)
    assert client.get("/statistics").status_code == 200  # no snapshot yet: says so
    assert accountability_tasks.compute_public_stats.run() is not None
    page = client.get("/statistics").get_data(as_text=True)
    assert "Data as of" in page and "Galveston County Sheriff" in page
    assert "<script" not in page
    spanish = client.get("/statistics?lang=es").get_data(as_text=True)
    assert "Datos al" in spanish and "Estadísticas públicas" in spanish
    download = client.get("/statistics.csv")
    assert download.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True))))
    assert rows[0] == ["table", "row", "state", "column", "reports"]
    values = [r[4] for r in rows[1:]]
    assert all(v == "suppressed" or int(v) == 0 or int(v) >= 5 for v in values)
    for text in (page, spanish, download.get_data(as_text=True)):
        assert "Ramsey" not in text and "Podunk" not in text and "stopped us" not in text


def test_month_columns_span_a_year_and_earlier(public, ctx):
    from intake.publication.snapshot import month_columns

    columns = month_columns(date(2026, 3, 15))
    assert columns[0] == "2025-04" and columns[-2] == "2026-03" and columns[-1] == "earlier"
