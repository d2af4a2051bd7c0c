"""Every Alembic revision upgrades and downgrades with data in the tables (as SecureDrop's
test_alembic.py does): a revision that adds a NOT NULL column without a default, or drops a
table other rows still point to, fails here rather than on a deployment with real reports.

The walk runs on a database of its own (a scratch PostgreSQL database in CI mode, a SQLite
file otherwise), so the session's schema is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy.engine import make_url

from intake import create_app
from intake.config import _postgres_url, from_environment
from intake.extensions import db

from .conftest import dispose_engines

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


@pytest.fixture
def scratch_url(tmp_path: Path) -> Iterator[str]:
    """A database nobody else uses, removed afterwards."""
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    name = f"migrations_{uuid.uuid4().hex[:12]}"
    server = _postgres_url(server)
    admin = sa.create_engine(make_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def scratch_app(service_env: dict[str, str], scratch_url: str) -> Iterator[Flask]:
    settings = from_environment({**service_env, "DATABASE_URL": scratch_url})
    settings.update({"TESTING": True, "RATELIMIT_ENABLED": False})
    application = create_app(settings)
    yield application
    dispose_engines(application)


# State columns of tables that no model has any more (revision 0015 moved their rows into
# `delivery`), with a code their CHECK of revision state_checks accepts.
FORMER_STATE_CODES = {
    ("notification", "status"): "sent",
    ("notification", "channel"): "email",
    ("notification", "kind"): "urgent-alert",
    ("pattern_alert_delivery", "status"): "failed",
    ("pattern_alert_delivery", "channel"): "webhook",
    ("digest_delivery", "status"): "sending",
}


def _state_codes() -> dict[tuple[str, str], str]:
    """A code each state column's CHECK accepts (the models' state_check), even on revisions
    older than the check: the rows must still be valid when the check arrives."""
    return FORMER_STATE_CODES | {
        (table.name, check.info["column"]): check.info["codes"][0]
        for table in db.metadata.tables.values()
        for check in table.constraints
        if isinstance(check, sa.CheckConstraint) and "codes" in check.info
    }


def _value_for(column: sa.Column, parents: dict[str, object]) -> object:
    """A plain value the column accepts; a foreign key points at the parent row made before."""
    for key in column.foreign_keys:
        return parents.get(key.column.table.name)
    code = _state_codes().get((column.table.name, column.name))
    if code is not None:
        return code
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 1
    if isinstance(kind, sa.DateTime):
        return dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    if isinstance(kind, sa.Date):
        return dt.date(2024, 1, 1)
    if isinstance(kind, sa.JSON):
        return []
    if isinstance(kind, sa.LargeBinary):
        return b"x"
    if isinstance(kind, sa.Float | sa.Numeric):
        return 1
    length = getattr(kind, "length", None) or 32
    return uuid.uuid4().hex[: min(length, 32)]


def _fill_every_table(engine: sa.Engine) -> set[str]:
    """One row in each table that has none yet (parents first). Returns the tables written."""
    metadata = sa.MetaData()
    metadata.reflect(engine)
    written: set[str] = set()
    parents: dict[str, object] = {}
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            existing = connection.execute(sa.select(table).limit(1)).first()
            key = next(iter(table.primary_key.columns), None)
            if existing is None:
                values = {
                    column.name: _value_for(column, parents)
                    for column in table.columns
                    if not (column.primary_key and isinstance(column.type, sa.Integer))
                    and (not column.nullable or column.foreign_keys)
                    and column.server_default is None
                }
                result = connection.execute(table.insert().values(**values))
                written.add(table.name)
                if key is not None and result.inserted_primary_key:
                    parents[table.name] = result.inserted_primary_key[0]
            elif key is not None:
                parents[table.name] = existing._mapping[key.name]
    return written


def test_every_revision_upgrades_and_downgrades_with_data(scratch_app: Flask) -> None:
    with scratch_app.app_context():
        script = ScriptDirectory(str(MIGRATIONS))
        revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
        assert len(script.get_heads()) == 1, f"more than one head: {script.get_heads()}"
        for revision in revisions:
            upgrade(directory=str(MIGRATIONS), revision=revision)
            _fill_every_table(db.engine)
        # Every table has rows, written while the walk went up or moved there by a revision.
        assert _fill_every_table(db.engine) == set(), "a table was left empty"

        for _ in revisions:
            downgrade(directory=str(MIGRATIONS), revision="-1")
        left = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert left == set(), f"downgrade to base left tables: {sorted(left)}"

        upgrade(directory=str(MIGRATIONS))
        with db.engine.connect() as connection:
            version = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            assert version.scalar() == script.get_current_head()


LEDGERS = ("notification", "pattern_alert_delivery", "digest_delivery")


def _ledger_rows(engine: sa.Engine) -> dict[str, list[dict[str, object]]]:
    """The three ledgers before revision 0015, without their ids, in a stable order."""
    metadata = sa.MetaData()
    metadata.reflect(engine, only=LEDGERS)
    with engine.connect() as connection:
        return {
            name: sorted(
                (
                    {k: v for k, v in row._mapping.items() if k != "id"}
                    for row in connection.execute(sa.select(metadata.tables[name]))
                ),
                key=repr,
            )
            for name in LEDGERS
        }


def _seed_ledgers(engine: sa.Engine) -> None:
    """Beside the walk's one row each: an alert to the webhook and a weekly digest, failed."""
    with engine.begin() as connection:
        report_id = connection.scalar(sa.text("SELECT id FROM report"))
        connection.execute(
            sa.text(
                "INSERT INTO notification (report_id, kind, channel, recipient, status, attempts,"
                " created_at) VALUES (:r, 'urgent-alert', 'webhook', 'webhook', 'failed', 3, :t)"
            ),
            {"r": report_id, "t": dt.datetime(2026, 11, 2, 8, 30)},
        )
        connection.execute(
            sa.text(
                "INSERT INTO digest_delivery (period, period_start, recipient, status, attempts,"
                " last_error, created_at) VALUES ('weekly', :s, 'sup@example.org', 'failed', 2,"
                " 'SMTPDataError 451', :t)"
            ),
            {"s": dt.datetime(2026, 11, 23, 6, 0), "t": dt.datetime(2026, 11, 30, 6, 10)},
        )


def test_the_delivery_ledger_revision_moves_every_row_and_back(scratch_app: Flask) -> None:
    from workers.delivery import digest_about

    directory = str(MIGRATIONS)
    with scratch_app.app_context():
        upgrade(directory=directory, revision="state_checks")
        _fill_every_table(db.engine)
        _seed_ledgers(db.engine)
        before = _ledger_rows(db.engine)
        assert [len(before[name]) for name in LEDGERS] == [2, 1, 2]

        upgrade(directory=directory, revision="0015_one_delivery_ledger")
        assert not set(LEDGERS) & set(sa.inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            moved = connection.execute(
                sa.text("SELECT kind, about, channel, status, period FROM delivery")
            ).all()
        kinds = sorted(kind for kind, *_ in moved)
        assert kinds == ["digest", "digest", "pattern-alert", "urgent-alert", "urgent-alert"]
        weekly = digest_about("weekly", dt.datetime(2026, 11, 23, 6, 0))
        assert ("digest", weekly, "email", "failed", "weekly") in moved
        assert {channel for kind, _, channel, *_ in moved if kind == "urgent-alert"} == {
            "email",
            "webhook",
        }

        downgrade(directory=directory, revision="state_checks")
        assert "delivery" not in sa.inspect(db.engine).get_table_names()
        assert _ledger_rows(db.engine) == before
