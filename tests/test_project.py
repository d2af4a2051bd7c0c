"""The project's files: migrations match the models, compose is sound, config fails fast."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from intake.config import ConfigError, from_environment
from intake.extensions import db

from .conftest import REPO


def test_alembic_head_matches_the_models(app, ctx):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_production_refuses_to_start_without_secrets():
    with pytest.raises(ConfigError, match="SECRET_KEY.*DATABASE_URL.*REDIS_URL"):
        from_environment({"INTAKE_ENV": "production"})


def test_embedded_mode_makes_its_own_secrets_once(tmp_path):
    first = from_environment({}, instance=tmp_path)
    second = from_environment({}, instance=tmp_path)
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert (tmp_path / "secrets.json").stat().st_mode & 0o777 == 0o600
    assert first["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert first["CELERY"]["broker_url"].startswith("sqla+sqlite:///")
    assert first["CELERY"]["accept_content"] == ["json"]


def test_docker_compose_runs_every_part_with_commands_that_exist():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"web", "worker", "beat", "migrate", "postgres", "redis", "mail"} <= set(services)
    for name in ("web", "worker", "beat", "migrate"):
        command = services[name]["command"]
        words = command if isinstance(command, list) else command.split()
        if words[0] == "celery":
            assert (REPO / "workers" / "celery_app.py").exists()
        elif words[0] == "gunicorn":
            assert "intake:create_app()" in " ".join(words)
        else:
            assert words[:3] == ["flask", "--app", "intake"]
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgresql")
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    if shutil.which("docker-compose"):
        subprocess.run(
            ["docker-compose", "-f", str(REPO / "docker-compose.yml"), "config", "-q"], check=True
        )
