"""Friendly answers for bad requests: never a stack trace, and a reporter's text is kept.

Every message is in the reporter's language (the locale selector reads ?lang=, the session and
the browser, none of which needs the request body).
"""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.formparser import parse_form_data

from .untrusted import CleanedMultiDict

log = logging.getLogger(__name__)

# A report body over MAX_CONTENT_LENGTH but under this is still read, only to show it back.
OVERSIZE_READ_LIMIT = 4 * 1024 * 1024


def _urgent_help() -> str:
    """Every error a reporter can meet says where to get help right now, in their language."""
    from .public.keepsake import urgent_hotline

    hotline = urgent_hotline()
    return _(
        "If you need help urgently, call %(name)s: %(phone)s.",
        name=hotline.name,
        phone=hotline.phone,
    )


def _form_again(message: str, status: int, formdata: MultiDict | None = None):  # noqa: ANN202
    """The report form again with everything typed, a fresh token, and `message` on top,
    with where to get help right now."""
    from .public.routes import new_form, render_form

    form = new_form(request.form if formdata is None else formdata)
    return render_form(form, status, banner=f"{message} {_urgent_help()}")


def _sent_report() -> bool:
    return request.endpoint == "public.report" and request.method == "POST"


def _oversize_form() -> MultiDict | None:
    """The fields of a report refused as too large, read anyway so nothing typed is lost
    (werkzeug refused it from its length, before reading any of it); None if even this
    limit is passed."""
    if not request.content_length or request.content_length > OVERSIZE_READ_LIMIT:
        return None
    _, form, _ = parse_form_data(
        request.environ, max_content_length=OVERSIZE_READ_LIMIT, cls=CleanedMultiDict, silent=True
    )
    return form


def _typed_narrative() -> str:
    try:
        return request.form.get("narrative", "")
    except Exception:  # noqa: BLE001 (the body itself may be what failed)
        return ""


def _page(code: int, message: str, kept: str = ""):  # noqa: ANN202
    from .public.keepsake import urgent_hotline

    # An error belongs to the area it happened in: staff pages keep the staff layout (no
    # "Quick exit", the staff navigation), public pages the reporter's, with the hotline.
    if request.path.startswith("/staff"):
        return render_template("staff/error.html", code=code, message=message), code
    page = render_template(
        "error.html", code=code, message=message, hotline=urgent_hotline(), kept=kept
    )
    return page, code


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):  # noqa: ANN202
        if request.endpoint == "public.report":
            # The token expired (or the page was opened long ago, or cookies are off): show the
            # form again with everything typed and a fresh token, rather than losing a report.
            return _form_again(
                _(
                    "This page was open for a long time, so we could not accept it safely. "
                    "Your answers are still here: please check them and send again."
                ),
                400,
            )
        return _page(400, _("The form expired. Please go back, reload the page and try again."))

    @app.errorhandler(429)
    def too_many(error: HTTPException):  # noqa: ANN202
        message = _(
            "Too many reports were sent from this connection. Your answers are still here: "
            "please wait an hour and send again."
        )
        if request.endpoint == "public.report" and request.method == "POST":
            return _form_again(message, 429)
        from .auth.throttle import wait_message

        if request.blueprint == "auth" and (wait := wait_message(error.description or "")):
            return _page(429, wait)
        return _page(429, _("Too many tries. Please wait an hour and try again."))

    @app.errorhandler(400)
    def bad_request(error: HTTPException):  # noqa: ANN202
        return _page(400, _("We could not read what was sent. Please try again."))

    @app.errorhandler(405)
    def not_allowed(error: HTTPException):  # noqa: ANN202
        return _page(405, _("This page does not exist."))

    @app.errorhandler(413)
    def too_large(error: HTTPException):  # noqa: ANN202
        message = _(
            "What you sent is too large. If you added files, send the report without them "
            "and add them afterwards on the follow-up page, a few at a time. A text must be "
            "shorter."
        )
        if _sent_report() and (form := _oversize_form()) is not None:
            return _form_again(message, 413, form)
        return _page(413, message)

    @app.errorhandler(403)
    def forbidden(error: HTTPException):  # noqa: ANN202
        return _page(
            403, _("Your account may not open this page. Ask an administrator if you need it.")
        )

    @app.errorhandler(404)
    def not_found(error: HTTPException):  # noqa: ANN202
        return _page(404, _("This page does not exist."))

    @app.errorhandler(500)
    def server_error(error: Exception):  # noqa: ANN202
        message = _(
            "Something went wrong on our side. If you were sending a report, "
            "please try again in a few minutes."
        )
        if not _sent_report():
            return _page(500, message)
        from .extensions import db

        db.session.rollback()
        try:
            return _form_again(message, 500)
        except Exception:  # noqa: BLE001 (the form needs the database, which may be what failed)
            log.warning("the report form could not be shown again after an error")
        # At least the narrative, in a box to copy from.
        return _page(500, message, kept=_typed_narrative())
