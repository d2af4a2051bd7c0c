"""The public statistics page (off unless PUBLIC_STATS=1): counts by agency, 287(g) model,
category, state and month from reports whose reporters consented to statistics, suppressed by
intake/suppression.py, computed on a schedule into a snapshot (snapshot.py)."""

from flask import Blueprint

bp = Blueprint("publication", __name__)

from . import routes  # noqa: E402,F401
