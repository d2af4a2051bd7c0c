"""The staff review side: queue, report page and workflow, reveal, follow-up questions,
exports, statistics, accounts and the audit log. Every view carries a permission check
(intake/auth/permissions.py)."""

from flask import Blueprint, Response

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.after_request
def no_store(response: Response) -> Response:
    # Staff pages show reports: no browser or proxy cache keeps them.
    response.headers["Cache-Control"] = "no-store"
    return response


from . import admin, output, routes, rules  # noqa: E402,F401
