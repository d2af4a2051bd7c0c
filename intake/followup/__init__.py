"""The reporter's anonymous follow-up: with the receipt code and nothing else, read the status
and staff's questions, answer, add information. No account, no email."""

from flask import Blueprint

bp = Blueprint("followup", __name__)

from . import routes  # noqa: E402,F401
