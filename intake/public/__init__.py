"""The public side: the report form, its confirmation, nothing that needs an account."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState
from flask_compress import Compress

bp = Blueprint("public", __name__)

# The form page carries ~700 agencies (70 KB of HTML, 12 KB gzipped); compressing it keeps it
# well under 50 KB on a cheap data plan. Applied per response (routes.py), not app-wide.
compress = Compress()


@bp.record_once
def _init_compress(state: BlueprintSetupState) -> None:
    state.app.config.setdefault("COMPRESS_REGISTER", False)
    state.app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    compress.init_app(state.app)


from . import keepsake, routes  # noqa: E402,F401  (routes attach themselves to bp)
