"""Friendly answers for bad requests: never a stack trace, and a reporter's text is kept.

Every message is in the reporter's language (the locale selector reads ?lang=, the session and
the browser, none of which needs the request body).
"""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def _form_again(message: str, status: int):  # noqa: ANN202
    """The report form again with everything typed, a fresh token, and `message` on top."""
    from .public.routes import new_form, render_form

    return render_form(new_form(request.form), status, banner=message)


def _page(code: int, message: str):  # noqa: ANN202
    # An error belongs to the area it happened in: staff pages keep the staff layout (no
    # "Quick exit", the staff navigation), public pages the reporter's.
    template = "staff/error.html" if request.path.startswith("/staff") else "error.html"
    return render_template(template, code=code, message=message), code


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
            "What you sent is too large. Please shorten the text and try again. "
            "If you need to send files, tell us in the text and we will contact you."
        )
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
        return _page(500, message)
