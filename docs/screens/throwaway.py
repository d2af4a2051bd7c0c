"""What the screenshot scripts share: a throwaway embedded install (SQLite in a temporary
folder, ICE's agency lists imported), staff accounts on it, and signing in in the browser."""

from __future__ import annotations

import secrets
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyotp
from werkzeug.serving import make_server

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from intake import create_app  # noqa: E402
from intake.agencies.importer import import_agencies  # noqa: E402
from intake.auth.cli import create_user  # noqa: E402
from intake.config import AGENCY_SEED, from_environment  # noqa: E402
from intake.extensions import db  # noqa: E402
from intake.models import StaffUser  # noqa: E402
from intake.timeutil import utcnow  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = secrets.token_urlsafe(16)  # a throwaway install: a fresh password each run
SECRET = pyotp.random_base32()


def install(env: dict[str, str] | None = None, **config: object):  # noqa: ANN201 (a Flask app)
    """A new install, migrated, with the agency lists; `env` as the environment would give it,
    `config` overriding the settings made of it."""
    folder = Path(tempfile.mkdtemp(prefix="screens-"))
    settings = from_environment({**(env or {}), "INTAKE_INSTANCE": str(folder)})
    settings.update({"RATELIMIT_ENABLED": False, **config})
    app = create_app(settings)
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        for path in sorted(AGENCY_SEED.parent.glob("*.*")):
            import_agencies(path)
    return app


def add_staff(email: str, role: str, language: str = "en") -> None:
    """An account with two-factor set up (inside an app context)."""
    create_user(email, role, PASSWORD)
    user = db.session.query(StaffUser).filter_by(email=email).one()
    user.totp_secret, user.totp_enabled_at, user.language = SECRET, utcnow(), language
    db.session.commit()


def sign_in(app, page, origin: str, email: str) -> None:  # noqa: ANN001
    with app.app_context():  # each login uses a fresh code; a replay is refused
        db.session.query(StaffUser).update({"totp_last_step": None})
        db.session.commit()
    page.goto(origin + "/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.fill("#code", pyotp.TOTP(SECRET).now())
    page.click("button[type=submit]")


@contextmanager
def served(app) -> Iterator[str]:  # noqa: ANN001
    """The app on a free port, in a thread, for as long as the block runs; yields its origin."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
