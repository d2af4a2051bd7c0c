from __future__ import annotations

from flask import Response, current_app, make_response, redirect, render_template, url_for
from flask_babel import get_locale

from ..agencies import grouped_choices
from ..extensions import db
from ..models import Agency, Report
from ..queueing import enqueue_report
from ..ratelimit import limiter
from . import bp
from .forms import AGENCY_OTHER, AGENCY_UNKNOWN, ReportForm
from .receipts import new_receipt, receipt_hash


def no_store(response: Response) -> Response:
    # Form and receipt pages must not stay in a shared phone's cache or history.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def index() -> Response:
    return redirect(url_for("public.report"))


@bp.route("/report", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_SUBMIT"], methods=["POST"])
def report() -> Response:
    form = ReportForm()
    form.set_agency_choices(grouped_choices())
    if form.validate_on_submit():
        if form.website.data:
            # A bot filled the honeypot: answer like a success, keep nothing.
            return no_store(make_response(render_template("public/received.html", receipt=None)))
        receipt = new_receipt()
        saved = save_report(form, receipt)
        enqueue_report(saved)
        return no_store(make_response(render_template("public/received.html", receipt=receipt)))
    status = 400 if form.errors else 200
    return no_store(make_response(render_template("public/report.html", form=form), status))


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def save_report(form: ReportForm, receipt: str) -> Report:
    """Store the report exactly as given (sensitive fields encrypt themselves) and commit."""
    agency_value = form.agency.data or AGENCY_UNKNOWN
    agency = None
    if agency_value not in (AGENCY_OTHER, AGENCY_UNKNOWN):
        agency = db.session.get(Agency, int(agency_value))
    report = Report(
        receipt_hash=receipt_hash(receipt),
        language=str(get_locale() or "en"),
        incident_date=form.incident_date.data,
        incident_time=form.incident_time.data.strftime("%H:%M")
        if form.incident_time.data
        else None,
        date_approximate=form.date_approximate.data,
        city=_text(form.city.data),
        county=_text(form.county.data),
        state=form.state.data or None,
        location_detail=_text(form.location_detail.data),
        agency=agency,
        agency_choice="listed" if agency else agency_value,
        agency_other=_text(form.agency_other.data),
        officer_details=_text(form.officer_details.data),
        categories=form.categories.data or [],
        narrative=form.narrative.data.strip(),
        affected_role=form.affected_role.data or None,
        affected_minor=form.affected_minor.data,
        detained_now=form.detained_now.data or None,
        facility=_text(form.facility.data),
        transfer_expected=form.transfer_expected.data or None,
        urgent_signals=form.urgent_signals.data or [],
        evidence=form.evidence.data or [],
        help_wanted=form.help_wanted.data or [],
        contact_name=_text(form.contact_name.data),
        contact_phone=_text(form.contact_phone.data),
        contact_email=_text(form.contact_email.data),
        contact_methods=form.contact_methods.data or [],
        voicemail_ok=form.voicemail_ok.data,
        contact_notes=_text(form.contact_notes.data),
        other_names=_text(form.other_names.data),
        consent_review=form.consent_review.data,
        consent_referral=form.consent_referral.data,
        consent_statistics=form.consent_statistics.data,
    )
    db.session.add(report)
    db.session.commit()
    return report
