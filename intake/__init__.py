"""The Flask app: public report form, staff review queue, and the command line.

`create_app()` reads settings, binds extensions and registers blueprints. It does no I/O beyond
reading the environment (and, in the embedded mode, the local secrets file).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from workers import nlp
from workers.i18n import TRANSLATIONS, translator

from .config import from_environment
from .crypto import build_fernet
from .extensions import babel, csrf, db, login_manager, mail, migrate
from .language import select_locale
from .paths import MIGRATIONS, TEMPLATES
from .ratelimit import limiter
from .untrusted import CleanedRequest


def available_languages(directories: str | None = None) -> list[str]:
    """English (the source language) and every language with a catalogue: adding a language
    is adding a catalogue, not changing code. `directories` is Flask-Babel's
    BABEL_TRANSLATION_DIRECTORIES (";"-separated); default: intake/translations."""
    roots = [Path(d) for d in (directories or str(TRANSLATIONS)).split(";") if d]
    catalogues = (p for root in roots for p in root.glob("*/LC_MESSAGES/messages.[mp]o"))
    found = {p.parent.parent.name for p in catalogues}
    return ["en", *sorted(found - {"en"})]


class DatabaseId(IntegerConverter):
    """`<int:...>` in every route: ids fit the database's integer, so a larger number is a
    404 rather than an error from the database."""

    def __init__(self, url_map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    # Static files and translations sit inside the package; the templates and migrations are
    # the top-level directories of a checkout or their copies in a wheel (intake/paths.py).
    app = Flask(__name__, template_folder=str(TEMPLATES), instance_relative_config=False)
    config = dict(config or {})
    if not config.get("SECRET_KEY"):
        # A partial mapping overrides the environment; a complete one (tests) replaces it.
        config = {**from_environment(instance=config.get("INTAKE_INSTANCE")), **config}
    app.config.update(config)
    app.request_class = CleanedRequest  # every form field and query parameter, cleaned once
    app.url_map.converters["int"] = DatabaseId
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        # The client address (for the rate-limit key only) and scheme as the proxies saw them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.config.setdefault(
        "LANGUAGES", available_languages(app.config.get("BABEL_TRANSLATION_DIRECTORIES"))
    )
    for code in app.config["LANGUAGES"]:
        # A shipped language whose catalogue was not compiled stops the start here, rather
        # than pages, digests and alerts quietly in English (workers/i18n.py).
        translator(code)
    if app.config.get("SPACY_MODELS"):
        # The worker's steps load the models the settings name (spaCy loads on first use).
        nlp.use_models(app.config["SPACY_MODELS"])

    app.extensions["intake.fernet"] = build_fernet(app.config["INTAKE_ENCRYPTION_KEYS"])
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    csrf.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(TRANSLATIONS),
    )
    login_manager.init_app(app)
    limiter.init_app(app)
    mail.init_app(app)
    login_manager.login_view = "auth.login"

    from .celery import celery_init_app

    celery_init_app(app)

    from .agencies import cli as agencies_cli
    from .auth import bp as auth_bp
    from .auth import cli as users_cli
    from .digest import bp as digest_bp
    from .digest import cli as digest_cli
    from .errors import register_error_handlers
    from .evidence import init_evidence
    from .followup import bp as followup_bp
    from .keys import group as keys_cli
    from .patterns import bp as patterns_bp
    from .public import bp as public_bp
    from .publication import bp as publication_bp
    from .referrals import bp as referrals_bp
    from .reports import cli as reports_cli
    from .rules import cli as rules_cli
    from .security import init_security_headers
    from .setup import setup_command
    from .staff import bp as staff_bp
    from .templating import init_templating
    from .volunteer import bp as volunteer_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(followup_bp)
    app.register_blueprint(digest_bp)
    app.register_blueprint(patterns_bp)
    app.register_blueprint(publication_bp)
    app.register_blueprint(referrals_bp)
    app.register_blueprint(volunteer_bp)
    init_evidence(app)
    app.cli.add_command(agencies_cli.group)
    app.cli.add_command(users_cli.group)
    app.cli.add_command(reports_cli.group)
    app.cli.add_command(keys_cli)
    app.cli.add_command(rules_cli.group)
    app.cli.add_command(setup_command)
    app.cli.add_command(digest_cli.group)
    register_error_handlers(app)
    init_templating(app)
    init_security_headers(app)
    _quiet_access_logs()
    _never_log_rows()
    return app


def _quiet_access_logs() -> None:
    # werkzeug's access log starts each line with the client address; we never log addresses.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


class _NoRows(logging.Filter):
    """Drops SQLAlchemy's DEBUG "Row ..." records: rows are logged after decryption, so they
    would put original narratives and contact details in the logs (parameters are hidden by
    the engine's hide_parameters)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != "Row %r"


def _never_log_rows() -> None:
    engine_log = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(f, _NoRows) for f in engine_log.filters):
        engine_log.addFilter(_NoRows())
