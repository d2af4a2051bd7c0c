from __future__ import annotations

from flask import (
    Response,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf

from ..agencies import grouped_choices
from ..extensions import db
from ..models import Agency, Report
from ..queueing import enqueue_report, stamp_enqueued
from ..ratelimit import public_rate_limit
from . import bp, compress
from .forms import AGENCY_OTHER, AGENCY_UNKNOWN, ReportForm
from .kept import SLOT, kept_page
from .receipts import new_receipt, receipt_hash
from .resources import HOTLINES, OFFICIAL_CHANNELS, RIGHTS

# Where the quick-exit button leaves to: a page that says nothing about this site.
DEFAULT_QUICK_EXIT_URL = "https://www.google.com/"


def no_store(response: Response) -> Response:
    # Form and receipt pages must not stay in a shared phone's cache or history.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def index() -> Response:
    return redirect(url_for("public.report"))


@bp.get("/exit")
def quick_exit() -> Response:
    """The quick-exit button: a same-origin link, so no page of ours names another host.

    303 to a neutral site; our Referrer-Policy means that site does not learn where the
    reporter came from. Clear-Site-Data drops our cookie and cache on HTTPS.
    """
    response = redirect(current_app.config.get("QUICK_EXIT_URL", DEFAULT_QUICK_EXIT_URL), 303)
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return no_store(response)


def render_form(form: ReportForm, status: int = 200, **context: object) -> Response:
    """The form page; also used by the error handlers so nothing typed is lost."""
    page = make_response(render_template("public/report.html", form=form, **context), status)
    return no_store(page)


def blank_form_page() -> Response:
    """The empty form, kept per language and agency list, with this visitor's CSRF token.

    A flashed message makes a page of its own, so such a page is rendered afresh."""
    if session.get("_flashes"):
        return render_form(new_form())
    grouped = grouped_choices()

    def render() -> str:
        form = ReportForm()
        form.set_agency_choices(grouped)
        # The token of this request is in the page once; the slot takes its place.
        return render_template("public/report.html", form=form).replace(generate_csrf(), SLOT)

    page = kept_page("blank form", render, generate_csrf(), source=grouped)
    return no_store(make_response(page))


def new_form(formdata: object = None) -> ReportForm:
    form = ReportForm() if formdata is None else ReportForm(formdata=formdata)
    form.set_agency_choices(grouped_choices())
    return form


@bp.route("/report", methods=["GET", "POST"])
@public_rate_limit("RATELIMIT_SUBMIT")
def report() -> Response:
    if request.method == "GET":
        # Only the GET is compressed: it reflects nothing a third party could choose, so the
        # CSRF token in it cannot be guessed byte by byte from compressed sizes (BREACH).
        # Answers to a POST carry what the reporter typed and are sent as they are.
        return compress.after_request(blank_form_page())
    form = new_form()
    if form.validate_on_submit():
        if form.website.data:
            # A bot filled the honeypot: answer like a success, keep nothing.
            return received_page(receipt=None, referral=False)
        receipt = new_receipt()
        enqueue_report(save_report(form, receipt))
        return received_page(receipt=receipt, referral=form.consent_referral.data)
    return render_form(form, 400)


def received_page(receipt: str | None, referral: bool) -> Response:
    """The thank-you page with the receipt code (none for a bot), kept per language."""

    def render() -> str:
        return render_template(
            "public/received.html",
            receipt=SLOT if receipt else None,
            referral=referral,
            rights=RIGHTS,
            hotlines=HOTLINES,
            official_channels=OFFICIAL_CHANNELS,
        )

    # Receipt codes are letters, digits and dashes (receipts.py): nothing to escape.
    page = kept_page(("received", referral, bool(receipt)), render, receipt or "")
    return no_store(make_response(page))


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def save_report(form: ReportForm, receipt: str) -> int:
    """Store the report exactly as given (sensitive fields encrypt themselves) and commit, in
    one transaction and one round trip for the row; returns its id."""
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
    stamp_enqueued(report)
    db.session.add(report)
    db.session.flush()  # the INSERT ... RETURNING id, which the commit would issue anyway
    report_id = report.id  # read before the commit expires the row (a reload is a round trip)
    db.session.commit()
    return report_id
