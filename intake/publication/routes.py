"""GET /statistics (and /statistics.csv): the newest snapshot, never a query over reports."""

from __future__ import annotations

import csv
import io

from flask import Response, abort, current_app, render_template

from ..vocabulary import CATEGORIES
from . import bp
from .snapshot import EARLIER, latest


def _enabled() -> None:
    if not current_app.config.get("PUBLIC_STATS"):
        abort(404)


@bp.get("/statistics")
def statistics() -> str:
    _enabled()
    snapshot = latest()
    return render_template(
        "public/stats.html", snapshot=snapshot, categories=CATEGORIES, earlier=EARLIER
    )


def csv_rows(tables: dict) -> list[list[str]]:
    """The page's tables as rows of (table, row, column, value); hidden cells read
    "suppressed". Category codes, not labels: a CSV is read by programs."""
    out = [["table", "row", "state", "column", "reports"]]

    def value(v: int | None) -> str:
        return "suppressed" if v is None else str(v)

    columns = tables["columns"]
    for row in tables["agency_month"]["rows"]:
        for column, v in zip(columns, row["cells"], strict=True):
            out.append(["agency_month", row["label"], row["state"], column, value(v)])
        out.append(["agency_month", row["label"], row["state"], "total", value(row["total"])])
    for column, v in zip(columns, tables["agency_month"]["column_totals"], strict=True):
        out.append(["agency_month", "total", "", column, value(v)])
    out.append(["agency_month", "total", "", "total", value(tables["agency_month"]["total"])])
    for row in tables["by_state"]:
        out.append(["state", row["state"], row["state"], "total", value(row["total"])])
    for row in tables["by_model"]:
        out.append(["model", row["model"], "", "total", value(row["total"])])
    for row in tables["category_month"]["rows"]:
        for column, v in zip(columns, row["cells"], strict=True):
            out.append(["category_month", row["code"], "", column, value(v)])
        out.append(["category_month", row["code"], "", "total", value(row["total"])])
    for column, v in zip(columns, tables["category_month"]["column_totals"], strict=True):
        out.append(["category_month", "total", "", column, value(v)])
    out.append(["category_month", "total", "", "total", value(tables["category_month"]["total"])])
    return out


@bp.get("/statistics.csv")
def statistics_csv() -> Response:
    _enabled()
    snapshot = latest()
    if snapshot is None:
        abort(404)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in csv_rows(snapshot.tables):
        # A cell starting with = + - @ runs as a formula in a spreadsheet: neutralise it.
        writer.writerow(["'" + c if c[:1] in ("=", "+", "-", "@") else c for c in row])
    name = f"statistics-{snapshot.data_as_of:%Y-%m-%d}.csv"
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
