"""A receipt people keep: the code as a small text file to save, and a page to print.

Both come from a POST of the receipt page's own form (the code never goes in a URL) and look
nothing up: like the language switch (routes.received_in_language), they give back the code and
the file fingerprints the page carried, checked for their shape only, so they tell nobody
whether a report has that code.
"""

from __future__ import annotations

import re

from flask import Response, abort, current_app, make_response, render_template, request, url_for
from flask_babel import gettext as _

from ..evidence.sealed import FileReceipt
from ..evidence.uploads import Refused
from . import bp
from .receipts import RECEIPT_FORMAT
from .resources import HOTLINES

RECEIPT_FILE = re.compile(
    r"(\d{1,3}):(photo|video|audio|document|-):(\d{1,12}):([0-9a-f]{64}|-):"
    r"(too_large|over_total|not_evidence|not_saved|-)"
)
MAX_FILES = 100


def urgent_hotline() -> object:
    """The first hotline of resources.HOTLINES: the one for help right now."""
    return HOTLINES[0]


def files_from_form() -> list[FileReceipt]:
    """The file receipts the page's form carried back (only well-formed ones)."""
    files = []
    for value in request.form.getlist("file")[:MAX_FILES]:
        match = RECEIPT_FILE.fullmatch(value)
        if not match:
            abort(400)
        number, kind, size, sha256, refused = match.groups()
        files.append(
            FileReceipt(
                int(number),
                None if kind == "-" else kind,
                int(size),
                None if sha256 == "-" else sha256,
                None if refused == "-" else Refused(refused),
            )
        )
    return files


def follow_up_address() -> str:
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return base + url_for("followup.lookup")


def receipt_text(receipt: str, files: list[FileReceipt]) -> str:
    hotline = urgent_hotline()
    lines = [
        _("Your receipt code: %(code)s", code=receipt),
        "",
        _("Keep this file private: anyone who has the code can ask about your report."),
        _("To follow up on your report, open this address and type the code:"),
        follow_up_address(),
        "",
        _("Urgent help now: %(name)s, %(phone)s", name=hotline.name, phone=hotline.phone),
    ]
    accepted = [f for f in files if f.sha256]
    if accepted:
        lines += ["", _("Files you sent, with their fingerprints (SHA-256):")]
        lines += [
            _("file %(number)d: %(kind)s, %(size)s, fingerprint %(sha256)s", number=f.number,
              kind=f.kind_label, size=f.size_label, sha256=f.sha256)
            for f in accepted
        ]
    return "\r\n".join(str(line) for line in lines) + "\r\n"


@bp.post("/report/receipt")
def keep_receipt() -> Response:
    """`as=text`: the receipt as a text file to save; `as=print`: a page made for printing."""
    receipt = request.form.get("receipt", "")
    if not RECEIPT_FORMAT.fullmatch(receipt):
        abort(400)
    files = files_from_form()
    if request.form.get("as") == "text":
        response = make_response(receipt_text(receipt, files))
        response.mimetype = "text/plain"
        response.charset = "utf-8"
        response.headers["Content-Disposition"] = 'attachment; filename="report-receipt.txt"'
    else:
        page = render_template(
            "public/receipt_print.html",
            receipt=receipt,
            files=files,
            follow_up=follow_up_address(),
            hotline=urgent_hotline(),
        )
        response = make_response(page)
    response.headers["Cache-Control"] = "no-store"
    return response
