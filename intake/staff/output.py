"""What leaves the review side: partner exports and the statistics page."""

from __future__ import annotations

from flask import Response, abort, make_response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..auth.permissions import EXPORT, VIEW_STATS, requires
from ..extensions import db
from ..models import Report
from ..models.audit import audit
from ..timeutil import utcnow
from . import bp
from .charts import bar_chart
from .choices import filter_choices
from .exports import aggregate_csv, as_csv, as_json, records
from .queue import QueueFilters
from .stats import statistics

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "aggregate": ("text/csv; charset=utf-8", "csv"),
}


@bp.get("/export")
@requires(EXPORT)
def export_form() -> str:
    filters = QueueFilters.from_args(request.args)
    return render_template(
        "staff/export.html", filters=filters, choices=filter_choices(current_user)
    )


@bp.post("/export")
@requires(EXPORT)
def export() -> Response:
    """Redacted records as CSV or JSON, or counts only; audit-logged with its filters."""
    fmt = request.form.get("format", "")
    if fmt not in FORMATS:
        abort(400)
    include_officers = request.form.get("officers") == "y"
    checked_only = request.form.get("checked_only") == "y"
    free_text = request.form.get("no_free_text") != "y"
    filters = QueueFilters.from_args(request.form)
    query = filters.apply(select(Report), current_user)
    if checked_only:
        query = query.where(Report.redaction_checked_at.is_not(None))
    reports = db.session.scalars(query.order_by(Report.id).execution_options(yield_per=500)).all()
    if fmt == "aggregate":
        body = aggregate_csv(reports)
    else:
        rows = records(reports, include_officers, free_text)
        body = as_csv(rows) if fmt == "csv" else as_json(rows)
    audit(
        "report.export",
        actor=current_user,
        format=fmt,
        officers=include_officers,
        checked_only=checked_only,
        free_text=free_text,
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
    titles = {
        "by_month": _("Reports by month"),
        "by_queue": _("Reports by queue"),
        "by_agency": _("Reports by agency (top 25)"),
        "by_category": _("Reports by category"),
        "referrals": _("Referrals by destination"),
    }
    # Staff read the reports themselves: their statistics are exact. Suppression of small
    # counts is for what leaves the organisation (intake/suppression.py small_count).
    charts = {key: bar_chart(figures[key], str(title)) for key, title in titles.items()}
    return render_template(
        "staff/stats.html",
        filters=filters,
        figures=figures,
        charts=charts,
        titles=titles,
        choices=filter_choices(current_user),
    )
