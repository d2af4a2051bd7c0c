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


@bp.app_context_processor
def staff_helpers() -> dict[str, object]:
    from .clock import local, local_time
    from .queue import one_line

    return {"local": local, "local_time": local_time, "one_line": one_line}


from . import admin, output, routes, rules  # noqa: E402,F401
