"""Friendly answers for bad requests: never a stack trace, and a reporter's text is kept."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        if request.endpoint == "public.report":
            # The token expired (or the page was opened long ago): show the form again with
            # everything typed, and a fresh token, rather than losing a report.
            from .agencies import grouped_choices
            from .public.forms import ReportForm

            form = ReportForm(formdata=request.form)
            form.set_agency_choices(grouped_choices())
            message = _(
                "This page was open for a long time, so we could not accept it safely. "
                "Your answers are still here: please check them and send again."
            )
            return render_template("public/report.html", form=form, banner=message), 400
        return render_template(
            "error.html",
            code=400,
            message=_("The form expired. Please go back, reload the page and try again."),
        ), 400

    @app.errorhandler(413)
    def too_large(error: HTTPException) -> tuple[str, int]:
        message = _(
            "What you sent is too large. Please shorten the text and try again. "
            "If you need to send files, tell us in the text and we will contact you."
        )
        return render_template("error.html", code=413, message=message), 413

    @app.errorhandler(404)
    def not_found(error: HTTPException) -> tuple[str, int]:
        return render_template("error.html", code=404, message=_("This page does not exist.")), 404

    @app.errorhandler(500)
    def server_error(error: Exception) -> tuple[str, int]:
        message = _(
            "Something went wrong on our side. If you were sending a report, "
            "please try again in a few minutes."
        )
        return render_template("error.html", code=500, message=message), 500
