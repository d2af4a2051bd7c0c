"""The project's files: migrations match the models, compose is sound, config fails fast."""

from __future__ import annotations

import re
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


def pins(lock: str) -> dict[str, tuple[str, frozenset[str]]]:
    """{package: (version, its hashes)} of a pip-compile lock file."""
    found: dict[str, tuple[str, frozenset[str]]] = {}
    for block in (REPO / lock).read_text().split("\n\n"):
        for entry in re.split(r"\n(?=[A-Za-z0-9])", block):
            match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", entry)
            if match:
                hashes = frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
                found[match.group(1).lower()] = (match.group(2), hashes)
    return found


def test_the_runtime_lock_is_the_full_lock_without_the_test_tools():
    # The production image installs requirements-runtime.lock; tests run on requirements.lock.
    runtime, full = pins("requirements-runtime.lock"), pins("requirements.lock")
    assert len(runtime) > 90 and {"flask", "celery", "presidio-analyzer"} <= set(runtime)
    assert {name: full.get(name) for name in runtime} == runtime  # same versions, same files
    assert not {"pytest", "playwright", "hypothesis", "ruff"} & set(runtime)
