"""Patterns across reports for staff: officers, agencies, places and categories that recur,
agency profiles, the map, and alerts when one officer recurs (issue 17)."""

from flask import Blueprint, Response

bp = Blueprint("patterns", __name__, url_prefix="/staff")


@bp.after_request
def no_store(response: Response) -> Response:
    # These pages show officers and reports: no browser or proxy cache keeps them.
    response.headers["Cache-Control"] = "no-store"
    return response


from . import routes  # noqa: E402,F401
