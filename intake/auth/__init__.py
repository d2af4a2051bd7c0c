"""Staff accounts: log in with a password and a TOTP code, roles and permissions, log out."""

from flask import Blueprint, Response

bp = Blueprint("auth", __name__, url_prefix="/staff")


@bp.after_request
def no_store(response: Response) -> Response:
    # The setup page shows a TOTP secret and recovery codes: never cached.
    response.headers["Cache-Control"] = "no-store"
    return response


from . import account, routes  # noqa: E402,F401
