from __future__ import annotations

from flask import abort, render_template
from flask_login import login_required
from sqlalchemy import select

from ..extensions import db
from ..models import Report
from ..vocabulary import AFFECTED_ROLES, CATEGORIES, URGENT_SIGNALS
from . import bp

PAGE_SIZE = 50


@bp.get("/")
@login_required
def queue() -> str:
    """Processed reports, urgent first, then oldest; and any the pipeline has not finished."""
    processed = db.session.scalars(
        select(Report)
        .where(Report.pipeline_state == "processed")
        .order_by(Report.priority_rank, Report.created_at)
        .limit(PAGE_SIZE)
    ).all()
    pending = db.session.scalars(
        select(Report)
        .where(Report.pipeline_state != "processed")
        .order_by(Report.created_at)
        .limit(PAGE_SIZE)
    ).all()
    return render_template(
        "staff/queue.html", reports=processed, pending=pending, categories=CATEGORIES
    )


@bp.get("/reports/<int:report_id>")
@login_required
def report(report_id: int) -> str:
    found = db.session.get(Report, report_id)
    if found is None:
        abort(404)
    return render_template(
        "staff/report.html",
        report=found,
        categories=CATEGORIES,
        urgent_signals=URGENT_SIGNALS,
        roles=AFFECTED_ROLES,
    )
