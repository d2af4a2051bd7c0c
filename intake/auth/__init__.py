"""Staff accounts: log in and out. (Two-factor and roles' permissions grow here.)"""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/staff")

from . import routes  # noqa: E402,F401
