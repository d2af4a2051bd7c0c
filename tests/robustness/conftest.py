"""Fixtures for the robustness tests: a Redis server of the test's own (to stop and start at
will), real worker processes, and extra apps on the test database.

Everything here reuses tests/conftest.py (service_env, app, dispose_engines); nothing is copied.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from intake import create_app
from intake.config import from_environment
from intake.ratelimit import limiter

from ..conftest import REPO, dispose_engines


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll `condition` until it returns something truthy; fail with `what` after `timeout`.

    The timeout only bounds a hang: no test asserts how fast anything happens.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class RedisServer:
    """A `redis-server` of this test alone, on a free loopback port, without persistence
    (so a restart loses whatever was queued, as a broker that crashed does)."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.ping, 20, f"redis-server on port {self.port}")

    def ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def client(self) -> Any:
        import redis

        return redis.Redis(port=self.port, socket_connect_timeout=2)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def robust_env(service_env: dict[str, str]) -> dict[str, str]:
    """The test environment (database included) for processes these tests start."""
    return dict(service_env)


@pytest.fixture
def build_app(app: Flask) -> Iterator[Callable[..., Flask]]:
    """build_app(env, **config): another app on the test database with `env` (added to the
    test environment by the caller) and `config` overrides. Disposed of afterwards; the
    shared rate limiter and the session app's Celery app are made current again."""
    built: list[Flask] = []

    def build(env: dict[str, str], **config: Any) -> Flask:
        settings = from_environment(env)
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
    """A real `celery worker` process (solo pool) with its output kept for failure messages."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log_path = log
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "workers.celery_app",
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
def start_worker(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], Worker]]:
    started: list[Worker] = []

    def start(env: dict[str, str]) -> Worker:
        started.append(Worker(env, tmp_path / f"worker-{len(started)}.log"))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()
