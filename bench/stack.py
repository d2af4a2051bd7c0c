"""The production shape on loopback, for the benchmarks that need real processes: a scratch
PostgreSQL database (created here, dropped on leaving; never `test`), its own `redis-server` on
a free port (no persistence), the schema and secrets made by `flask setup`, then gunicorn and
Celery workers started as the Procfile starts them. Everything is stopped on leaving.

    with Stack(admin_url, "intake_load") as stack:
        web = stack.web("intake:create_app()")       # gunicorn, 2 workers: its base URL
        stack.celery_worker()                         # solo pool, concurrency 1

A worker started with `warm=True` runs bench/warm_worker.py: the real worker, with its models
loaded and the pipeline run once before it takes a message (see there).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
BIN = Path(sys.executable).parent
DEFAULT_ADMIN_URL = os.environ.get(
    "LOAD_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 90) -> None:
    """Until `url` answers (any HTTP status), or SystemExit after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 (loopback)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not start")


def scratch_database(admin_url: str, name: str, create: bool) -> str:
    """Drop the database `name` (and make it again when `create`); its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of the processes (all their threads), from /proc; a process
    that has ended counts nothing."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / ticks


def backend_pids(database: str) -> list[int]:
    """The PostgreSQL backends (on this machine) connected to `database`."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if command.startswith("postgres:") and f" {database} " in command:
                pids.append(int(entry.name))
    return pids


class Stack:
    """See the module's docstring."""

    def __init__(self, admin_url: str, database: str, env: dict[str, str] | None = None) -> None:
        self.admin_url, self.database = admin_url, database
        self.instance = Path(tempfile.mkdtemp(prefix="intake-stack-"))
        self.processes: list[subprocess.Popen] = []
        self.database_url = ""
        self.env: dict[str, str] = {**os.environ, **(env or {})}
        self.env.pop("MAIL_SERVER", None)  # no mail leaves a benchmark
        self.log = (self.instance / "processes.log").open("w")

    def __enter__(self) -> Stack:
        try:
            self._begin()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _begin(self) -> None:
        self.database_url = scratch_database(self.admin_url, self.database, create=True)
        redis_port = free_port()
        self.env.update(
            INTAKE_INSTANCE=str(self.instance),
            DATABASE_URL=self.database_url,
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            RATELIMIT_SUBMIT="1000000 per hour",
        )
        self.redis = self.start(
            "redis-server",
            *("--port", str(redis_port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--dir", str(self.instance)),
        )
        subprocess.run(
            [str(BIN / "flask"), "--app", "intake", "setup"],
            cwd=REPO,
            env=self.env,
            check=True,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    @property
    def secret_key(self) -> str:
        """The instance's SECRET_KEY (receipt hashes are keyed with it: receipts.py)."""
        return json.loads((self.instance / "secrets.json").read_text())["SECRET_KEY"]

    def start(self, *command: str, cwd: Path = REPO, env: dict[str, str] | None = None):  # noqa: ANN201
        """Start `command` with the stack's environment (plus `env`); stopped on leaving."""
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**self.env, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def web(self, app: str = "intake:create_app()", chdir: Path = REPO, probe: str = "/") -> str:
        """gunicorn with 2 workers, as in the Procfile, serving `app`; its base URL once
        `probe` answers."""
        port = free_port()
        self.start(
            str(BIN / "gunicorn"),
            *("--workers", "2", "--access-logfile", "/dev/null"),
            *("--bind", f"127.0.0.1:{port}", "--chdir", str(chdir), app),
        )
        base = f"http://127.0.0.1:{port}"
        wait_for(base + probe)
        return base

    def service_pids(self) -> list[int]:
        """The stack's redis-server and the PostgreSQL backends connected to its database (a
        benchmark's own connection among them)."""
        return [self.redis.pid, *backend_pids(self.database)]

    def celery_worker(self, warm: bool = False, env: dict[str, str] | None = None):  # noqa: ANN201
        """One Celery worker, solo pool, as in the Procfile; `warm`: bench/warm_worker.py."""
        module = "warm_worker" if warm else "workers.celery_app"
        extra = {"PYTHONPATH": os.pathsep.join([str(BENCH), str(REPO)]), **(env or {})}
        return self.start(
            str(BIN / "celery"),
            *("-A", module, "worker", "--pool", "solo", "--concurrency", "1"),
            *("--loglevel", "WARNING", "--hostname", f"bench{len(self.processes)}@%h"),
            env=extra,
        )

    def stop(self, process: subprocess.Popen) -> None:
        """SIGTERM (a Celery worker finishes its task first), then SIGKILL after 30 s."""
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process in self.processes:
            self.processes.remove(process)

    def close(self) -> None:
        for process in reversed(list(self.processes)):
            self.stop(process)
        self.log.close()
        if self.database_url:
            scratch_database(self.admin_url, self.database, create=False)
