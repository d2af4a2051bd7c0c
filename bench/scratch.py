"""A scratch PostgreSQL database and an app on it, for the benchmarks (never the `test` one)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any


def ensure_database(url: str) -> None:
    """Create the database named at the end of `url` if it does not exist."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def scratch_app(  # noqa: ANN201
    database_url: str, fresh: bool = True, env: dict[str, str] | None = None, **config: Any
):
    """An app on `database_url` with throwaway secrets; `fresh` drops every table and migrates.
    `env` adds environment settings (REDIS_URL...), `config` overrides the resulting config."""
    from cryptography.fernet import Fernet
    from flask_migrate import upgrade
    from sqlalchemy import MetaData

    from intake import create_app
    from intake.config import from_environment
    from intake.extensions import db

    ensure_database(database_url)
    settings = from_environment(
        {
            "INTAKE_INSTANCE": tempfile.mkdtemp(prefix="intake-bench-"),
            "DATABASE_URL": database_url,
            "SECRET_KEY": "bench-" + Fernet.generate_key().decode(),
            "INTAKE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            **(env or {}),
        }
    )
    settings.update(config)
    app = create_app(settings)
    if fresh:
        with app.app_context():
            metadata = MetaData()
            metadata.reflect(db.engine)
            metadata.drop_all(db.engine)
            upgrade()
            db.session.remove()
            db.engine.dispose()
    return app


def bare_insert_app(database_url: str):  # noqa: ANN201
    """The yardstick for a submit's cost: a Flask app whose one POST inserts one row (the
    narrative) into a one-column table of the same database and commits, with pre-ping on as
    the app has. Creates the table if needed."""
    from flask import Flask, request
    from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine

    engine = create_engine(database_url, pool_pre_ping=True)
    table = Table(
        "bench_bare",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("narrative", Text),
    )
    table.metadata.create_all(engine)
    app = Flask("bare")

    @app.post("/bare")
    def insert() -> str:
        with engine.begin() as connection:
            connection.execute(table.insert().values(narrative=request.form.get("narrative")))
        return "ok"

    return app


def write_results(path: Path | None, title: str, report: str) -> None:
    """Print a benchmark's markdown report and, with --write PATH, keep it in PATH under a
    heading that says how to produce it again."""
    print(report)
    if path is None:
        return
    script = Path(sys.argv[0]).name
    path.write_text(
        f"# {title}: measured figures\n\n"
        f"Produced by `.venv/bin/python bench/{script} --write bench/{path.name}` "
        "(its docstring says what runs).\n\n" + report + "\n"
    )
