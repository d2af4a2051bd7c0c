"""What leaves the review side: partner exports and the statistics page."""

from __future__ import annotations

from flask import Response, abort, make_response, render_template, request
from flask_login import current_user
from sqlalchemy import select

from ..auth.permissions import EXPORT, VIEW_STATS, requires
from ..extensions import db
from ..models import Agency, Report
from ..models.audit import audit
from ..timeutil import utcnow
from ..vocabulary import CATEGORIES
from . import bp
from .charts import bar_chart
from .exports import aggregate_csv, as_csv, as_json, records
from .queue import PRIORITIES, QueueFilters
from .stats import statistics
from .workflow import STATUSES

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "aggregate": ("text/csv; charset=utf-8", "csv"),
}


def _filter_choices() -> dict[str, object]:
    agencies = db.session.execute(
        select(Agency.id, Agency.name, Agency.state).order_by(Agency.state, Agency.name)
    ).all()
    return {
        "categories": CATEGORIES,
        "statuses": STATUSES,
        "priorities": PRIORITIES,
        "agencies": agencies,
    }


@bp.get("/export")
@requires(EXPORT)
def export_form() -> str:
    filters = QueueFilters.from_args(request.args)
    return render_template("staff/export.html", filters=filters, **_filter_choices())


@bp.post("/export")
@requires(EXPORT)
def export() -> Response:
    """Redacted records as CSV or JSON, or counts only; audit-logged with its filters."""
    fmt = request.form.get("format", "")
    if fmt not in FORMATS:
        abort(400)
    include_officers = request.form.get("officers") == "y"
    filters = QueueFilters.from_args(request.form)
    reports = db.session.scalars(
        filters.apply(select(Report), current_user)
        .order_by(Report.id)
        .execution_options(yield_per=500)
    ).all()
    if fmt == "aggregate":
        body = aggregate_csv(reports)
    else:
        rows = records(reports, include_officers)
        body = as_csv(rows) if fmt == "csv" else as_json(rows)
    audit(
        "report.export",
        actor=current_user,
        format=fmt,
        officers=include_officers,
        reports=len(reports),
        filters=filters.args,
    )
    db.session.commit()
    mimetype, extension = FORMATS[fmt]
    response = make_response(body)
    response.headers["Content-Type"] = mimetype
    stamp = utcnow().strftime("%Y%m%d-%H%M")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="reports-{fmt}-{stamp}.{extension}"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/stats")
@requires(VIEW_STATS)
def stats() -> str:
    filters = QueueFilters.from_args(request.args)
    if "status" not in request.args:
        filters.status = "all"
    figures = statistics(filters, current_user)
    charts = {
        "by_month": bar_chart(figures["by_month"], "Reports by month"),
        "by_queue": bar_chart(figures["by_queue"], "Reports by queue"),
        "by_agency": bar_chart(figures["by_agency"], "Reports by agency"),
        "by_category": bar_chart(figures["by_category"], "Reports by category"),
    }
    return render_template(
        "staff/stats.html", filters=filters, figures=figures, charts=charts, **_filter_choices()
    )
