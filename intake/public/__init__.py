"""The public side: the report form, its confirmation, nothing that needs an account."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
