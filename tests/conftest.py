"""Test fixtures on real services.

With TEST_DATABASE_URL and TEST_REDIS_URL set (what .ci/run does) the suite runs on PostgreSQL
and Redis; without them on the embedded defaults (SQLite for data, SQLite-backed Celery broker).
The schema is made once per session by the Alembic migrations; each test starts from empty
report and staff tables (agencies are loaded once and kept).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cryptography.fernet import Fernet
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData

from intake import create_app
from intake.config import AGENCY_SEED, from_environment
from intake.extensions import db
from intake.ratelimit import limiter

KEPT_TABLES = {"agency", "alembic_version"}


class Mailbox:
    """A real SMTP server (aiosmtpd) on a free loopback port; keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse = False  # answer 451 to every message, as a server in trouble does

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802
        if self.refuse:
            return "451 Requested action aborted: try again later"
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Controller, Mailbox]]:
    mailbox = Mailbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, mailbox
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Controller, Mailbox]) -> Iterator[Mailbox]:
    box = smtp_server[1]
    box.messages.clear()
    box.refuse = False
    yield box
    box.refuse = False


@pytest.fixture(scope="session")
def service_env(
    tmp_path_factory: pytest.TempPathFactory, smtp_server: tuple[Controller, Mailbox]
) -> dict[str, str]:
    """The environment a real process of this system (web, worker) gets in tests."""
    instance = tmp_path_factory.mktemp("instance")
    env = {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": str(smtp_server[0].port),
        "INTAKE_INSTANCE": str(instance),
        "SECRET_KEY": "test-" + Fernet.generate_key().decode(),
        "INTAKE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": os.environ.get("TEST_DATABASE_URL")
        or f"sqlite:///{instance / 'intake.sqlite'}",
    }
    if os.environ.get("TEST_REDIS_URL"):
        env["REDIS_URL"] = os.environ["TEST_REDIS_URL"]
    return env


def _reset_database(app: Flask) -> None:
    """Drop every table (leftovers of an earlier run included) so migrations start clean."""
    with app.app_context():
        metadata = MetaData()
        metadata.reflect(db.engine)
        metadata.drop_all(db.engine)


@pytest.fixture(scope="session")
def app(service_env: dict[str, str]) -> Iterator[Flask]:
    from flask_migrate import upgrade

    from intake.agencies.importer import import_agencies

    config = from_environment(service_env)
    config["TESTING"] = True
    # Rate limits would make an ordinary test flaky; the tests of the limits turn them on.
    config["RATELIMIT_ENABLED"] = False
    # Flask-Mail suppresses sending under TESTING; our tests read a real SMTP server instead.
    config["MAIL_SUPPRESS_SEND"] = False
    application = create_app(config)
    _reset_database(application)
    with application.app_context():
        upgrade()
        for path in sorted(AGENCY_SEED.parent.glob("*.*")):
            import_agencies(path)
        application.extensions["celery"].control.purge()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def dispose_engines(application: Flask) -> None:
    """Close an app's database connections (tests that build extra apps call this)."""
    with application.app_context():
        db.session.remove()
        for engine in db.engines.values():
            engine.dispose()


@pytest.fixture(autouse=True)
def _clean_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "app" not in request.fixturenames:
        return
    application: Flask = request.getfixturevalue("app")
    # A test that built another app made its Celery app the default; shared tasks must run in
    # the session app again.
    application.extensions["celery"].set_current()
    application.extensions["celery"].set_default()
    # Messages for reports this test made (and deleted below) would be a backlog for the next
    # test's worker: empty the queue too.
    application.extensions["celery"].control.purge()
    with application.app_context():
        db.session.remove()
        tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in KEPT_TABLES]
        with db.engine.begin() as connection:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
SUBMISSION_RE = re.compile(r'name="submission" type="hidden" value="([^"]+)"')


def csrf_token(client: FlaskClient, path: str = "/report") -> str:
    """The CSRF token a real browser would get from the form page."""
    return hidden_fields(client, path)["csrf_token"]


def hidden_fields(client: FlaskClient, path: str = "/report") -> dict[str, str]:
    """The hidden fields a browser sends back: the CSRF token, and the report form's
    submission id."""
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    fields = {"csrf_token": match.group(1)}
    if submission := SUBMISSION_RE.search(page):
        fields["submission"] = submission.group(1)
    return fields


def submit_report(client: FlaskClient, **fields: object) -> str:
    """Submit the public form with CSRF on, as a reporter would; returns the receipt code."""
    data: dict[str, object] = {
        "narrative": "The deputy stopped us on the highway and asked where we were born.",
        "incident_date": "2024-03-03",
        "city": "Pasadena",
        "state": "TX",
        "agency": "unknown",
        "categories": ["traffic_stop", "status_questioning"],
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "consent_review": "y",
    }
    data.update(hidden_fields(client))
    data.update(fields)
    response = client.post("/report", data=data)
    body = response.get_data(as_text=True)
    assert response.status_code == 200, body[:2000]
    match = re.search(r'class="receipt-code"[^>]*>([^<]+)<', body)
    assert match, "no receipt on the confirmation page"
    return match.group(1).strip()


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def private_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a redis-server of this test alone: rate limits counted where production
    counts them (Redis), from zero in every test."""
    from .robustness.conftest import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server.url
    server.stop()


@pytest.fixture
def build_app(app: Flask, service_env: dict[str, str]) -> Iterator[Callable[..., Flask]]:
    """build_app(env=None, **config): another app on the test database, with `env` added to
    the test environment and `config` overriding the result. Its connections are closed
    afterwards, and the shared rate limiter and Celery app go back to the session app."""
    built: list[Flask] = []

    def build(env: dict[str, str] | None = None, **config: Any) -> Flask:
        settings = from_environment({**service_env, **(env or {})})
        settings.update({"TESTING": True, "RATELIMIT_ENABLED": False, **config})
        built.append(create_app(settings))
        return built[-1]

    yield build
    limiter.init_app(app)
    for other in built:
        dispose_engines(other)
    app.extensions["celery"].set_current()
    app.extensions["celery"].set_default()


class Worker:
    """A real `celery worker` process (solo pool) with its output kept for failure messages;
    `app` is the Celery entry (tests/slow_worker.py for one that waits after each claim)."""

    def __init__(self, env: dict[str, str], log: Path, app: str = "workers.celery_app") -> None:
        self.log_path = log
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                app,
                "worker",
                "--pool",
                "solo",
                "--loglevel",
                "INFO",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=REPO,
            env={**os.environ, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, the message stays unacknowledged."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    started: list[Worker] = []

    def start(env: dict[str, str], app: str = "workers.celery_app") -> Worker:
        started.append(Worker(env, tmp_path / f"worker-{len(started)}.log", app))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()
