"""Reports taken for someone: a volunteer (or any staff account) on a hotline, at a clinic or an
event enters the person's report with the public form's questions, plus the channel, the
language the person spoke and the consent script they read aloud. The report then goes the
same way as any other (anonymize, route, summarize); it records who entered it.
"""

from flask import Blueprint

bp = Blueprint("volunteer", __name__, url_prefix="/staff/intake")

from . import grants, routes  # noqa: E402,F401
