"""Referral packets for the official channels (issue 17): what each channel asks for, from a
report whose reporter consented to referral, as a PDF and as text to paste."""

from flask import Blueprint, Response

bp = Blueprint("referrals", __name__, url_prefix="/staff")


@bp.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


from . import routes  # noqa: E402,F401
