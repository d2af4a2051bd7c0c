from __future__ import annotations

from flask import (
    Response,
    abort,
    current_app,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import force_locale, get_locale
from flask_wtf.csrf import generate_csrf

from ..agencies import offered_agencies
from ..dispatch import enqueue_attachments, enqueue_report
from ..evidence.sealed import FileReceipt, discard, seal_uploads
from ..evidence.uploads import accepts_evidence, received_files
from ..language import requested_language, switch_language
from ..ratelimit import public_rate_limit
from ..vocabulary import US_STATES
from . import bp, compress
from .agency_choice import agencies_for_script, showing_agencies
from .forms import ReportForm
from .keepsake import files_from_form
from .page_cache import PageCache
from .receipts import RECEIPT_FORMAT, new_submission_id
from .resources import EMERGENCY_HOTLINES, HOTLINES, OFFICIAL_CHANNELS, RIGHTS
from .submission import accept

# The forms whose buttons the language switch becomes (base.html): typed text and receipt stay.
FORM_ID = "report-form"
LANGUAGE_FORM_ID = "language-form"

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
    page = render_template(
        "public/report.html",
        form=form,
        language_form=FORM_ID,
        emergency_hotlines=EMERGENCY_HOTLINES,
        **context,
    )
    return no_store(make_response(page, status))


def blank_form_page() -> Response:
    """The empty form with this visitor's CSRF token and a new submission id (the same form
    sent twice is stored once), from the page cache per language, state and agency list.
    `?state=TX` chooses the state, so the agency select lists its agencies (a link, or a
    partner's script, needs no POST for them). A flashed message makes a page of its own,
    rendered afresh."""
    fills = {"csrf": generate_csrf(), "submission": new_submission_id()}
    state = request.args.get("state", "")
    state = state if state in US_STATES else ""
    if session.get("_flashes") or current_app.debug:  # debug: templates change as it runs
        form = new_form()
        form.state.data = state or None
        form.set_agency_choices(offered_agencies())
        form.submission.data = fills["submission"]
        return render_form(form)
    agencies = offered_agencies()
    pages: PageCache = current_app.extensions.setdefault("intake.form_pages", PageCache(*fills))

    def render() -> str:
        form = ReportForm()
        form.state.data = state or None
        form.set_agency_choices(agencies)
        form.csrf_token.current_token = pages.marker("csrf")
        form.submission.data = pages.marker("submission")
        return render_template(
            "public/report.html",
            form=form,
            language_form=FORM_ID,
            emergency_hotlines=EMERGENCY_HOTLINES,
        )

    page = pages.page((str(get_locale() or "en"), state, agencies.signature), render, fills)
    return no_store(make_response(page))


def new_form(formdata: object = None) -> ReportForm:
    form = ReportForm() if formdata is None else ReportForm(formdata=formdata)
    form.set_agency_choices(offered_agencies())
    if request.method == "POST" and not form.submission_id():
        # Sent without an id (an old page, a script): the page shown back gets one, so
        # sending it again after a correction is recognised.
        form.submission.data = new_submission_id()
    return form


def not_sending() -> bool:
    # Only a language we have: any other value goes on to be validated and stored, and counted.
    return requested_language() is not None or showing_agencies()


@bp.route("/report", methods=["GET", "POST"])
@accepts_evidence
@public_rate_limit("RATELIMIT_SUBMIT", exempt_when=not_sending)
def report() -> Response:
    if request.method in ("GET", "HEAD"):  # HEAD is a GET without the body, never a send
        # Only the GET is compressed: it reflects nothing a third party could choose, so the
        # CSRF token in it cannot be guessed byte by byte from compressed sizes (BREACH).
        # Answers to a POST carry what the reporter typed and are sent as they are.
        return compress.after_request(blank_form_page())
    if switch_language() or showing_agencies():
        # The same form in the other language, or with the state's agencies, with everything
        # typed and no error messages yet (nothing was sent); it stores nothing, so it does
        # not count against the limit. Files cannot be carried over: the page says so.
        return render_form(
            new_form(), files_left_behind=bool(received_files()), focus_agency=showing_agencies()
        )
    form = new_form()
    if form.validate_on_submit():
        if form.website.data:
            # A bot filled the honeypot: answer like a success, keep nothing.
            return received_page(receipt=None, referral=False)
        # Files are sealed before the report is stored and go in its transaction; one the
        # limits or the store refused is listed on the receipt page, the report stored anyway.
        attachments, files = seal_uploads(received_files(), source="form")
        receipt, report_id = accept(form, attachments=attachments)
        if report_id is None:
            discard(attachments)  # the same form again: its files were stored the first time
            files = []
        else:
            enqueue_report(report_id)
            enqueue_attachments([row.id for row in attachments])
        return received_page(receipt, form.consent_referral.data, report_id is None, files)
    return render_form(form, 400, files_dropped=bool(received_files()))


@bp.get("/report/agencies/<lang>.json")
def agency_list(lang: str) -> Response:
    """Every agency the form offers, for public.js to filter as the reporter types; labels in
    `lang`. The same for every visitor (no cookie read or set), so caches may keep it."""
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    with force_locale(lang):
        response = jsonify(agencies_for_script(offered_agencies()))
    response.headers["Cache-Control"] = "public, max-age=300"
    return compress.after_request(response)


def received_page(
    receipt: str | None,
    referral: bool,
    again: bool = False,
    files: list[FileReceipt] | None = None,
) -> Response:
    """The thank-you page with the receipt code (none for a bot); `again` says this form had
    been received before and was not stored twice; `files` are what became of each file sent
    (fingerprints, or why one was not accepted)."""
    page = render_template(
        "public/received.html",
        receipt=receipt,
        language_form=LANGUAGE_FORM_ID if receipt else None,
        referral=referral,
        again=again,
        rights=RIGHTS,
        hotlines=HOTLINES,
        official_channels=OFFICIAL_CHANNELS,
        files=files or [],
    )
    return no_store(make_response(page))


@bp.post("/report/received")
def received_in_language() -> Response:
    """The receipt page again, in the language whose button was pressed, so the code stays on
    screen (a link would have left it). It looks nothing up: any well-formed code is shown
    back as it came, which says nothing about whether a report has it."""
    receipt = request.form.get("receipt", "")
    if not RECEIPT_FORMAT.fullmatch(receipt):
        abort(400)
    switch_language()
    return received_page(
        receipt, referral=request.form.get("referral") == "y", files=files_from_form()
    )
