"""Benchmark the public form as a reporter's phone sees it, while the worker is busy.

    .venv/bin/python bench/form.py [--reports 200] [--backlog 40]
        [--database-url postgresql://...] [--redis-url redis://...]

Starts the production shape in a temporary instance: `flask setup`, gunicorn (2 workers, as in
the Procfile) and one Celery worker (solo pool, as in the Procfile). It first submits a backlog
so the worker is busy anonymizing (spaCy) for the whole run, then submits reports one after
another as a browser would (GET the form, POST it with the CSRF token and cookie), timing each
POST. Prints a markdown report: form page size (raw and as transferred compressed), static
files, requests per first and repeat visit, and submit latency p50/p95/max, plus how many
reports the worker finished during the run (to show it was busy, not idle).

Without --database-url/--redis-url it uses the embedded default (SQLite + SQLite broker).
"""

from __future__ import annotations

import argparse
import gzip
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
REPORT = {
    "narrative": (
        "Un ayudante del alguacil nos paró en la carretera 41 cerca de Dalton, dijo que una luz "
        "estaba rota y después preguntó dónde nacimos. Se llevó a mi hermano José a la cárcel "
        "del condado y nos dijeron que ICE lo recogería el lunes. La placa decía 4471."
    ),
    "incident_date": "2025-05-02",
    "city": "Dalton",
    "state": "GA",
    "agency": "unknown",
    "categories": ["traffic_stop", "status_questioning", "transfer_to_ice"],
    "detained_now": "yes",
    "facility": "Whitfield County jail since Friday",
    "contact_phone": "(706) 555-0142",
    "consent_review": "y",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A cookie-keeping HTTP client, like a phone's browser (no JavaScript needed)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, encoding: str = "gzip, deflate, br") -> tuple[bytes, dict]:
        headers = {"Accept-Encoding": encoding}
        request = urllib.request.Request(self.base + path, headers=headers)  # noqa: S310
        with self.opener.open(request, timeout=30) as response:  # noqa: S310 (our own server)
            return response.read(), dict(response.headers)

    def form_token(self) -> str:
        body, _ = self.get("/report?lang=es", encoding="identity")
        return CSRF_RE.search(body.decode()).group(1)

    def submit(self) -> float:
        data = urllib.parse.urlencode({**REPORT, "csrf_token": self.form_token()}, doseq=True)
        request = urllib.request.Request(self.base + "/report", data=data.encode())  # noqa: S310
        started = time.perf_counter()
        with self.opener.open(request, timeout=30) as response:  # noqa: S310
            body = response.read()
        elapsed = time.perf_counter() - started
        assert b"receipt-code" in body, body[:500]
        return elapsed


def wait_for(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/report", timeout=2).read()  # noqa: S310
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the web app did not start")


def pipeline_counts(env: dict) -> dict:
    script = (
        "from sqlalchemy import func, select\n"
        "from intake import create_app\nfrom intake.extensions import db\n"
        "from intake.models import Report\n"
        "with create_app().app_context():\n"
        "    rows = db.session.execute(select(Report.pipeline_state, func.count())"
        ".group_by(Report.pipeline_state))\n"
        "    print(dict(rows.all()))\n"
    )
    out = subprocess.run(
        [str(BIN / "python"), "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return eval(out.stdout.strip().splitlines()[-1])  # noqa: S307 (our own dict literal)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--backlog", type=int, default=40)
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url")
    args = parser.parse_args()

    instance = Path(tempfile.mkdtemp(prefix="bench-form-"))
    env = {
        **os.environ,
        "INTAKE_INSTANCE": str(instance),
        "RATELIMIT_SUBMIT": "100000 per hour",
        "PYTHONWARNINGS": "ignore",
    }
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    subprocess.run(
        [str(BIN / "flask"), "--app", "intake", "setup"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    web = subprocess.Popen(
        [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["intake:create_app()"],
        env=env,
        cwd=REPO,
        **quiet,
    )
    worker = subprocess.Popen(
        [str(BIN / "celery"), "-A", "workers.celery_app", "worker", "--pool", "solo"]
        + ["--concurrency", "1", "--loglevel", "WARNING"],
        env=env,
        cwd=REPO,
        **quiet,
    )
    try:
        wait_for(base)
        phone = Browser(base)
        raw, _ = phone.get("/report?lang=es", encoding="identity")
        gz, gz_headers = phone.get("/report?lang=es", encoding="gzip")
        br, br_headers = phone.get("/report?lang=es", encoding="gzip, deflate, br")
        statics = re.findall(rb'(?:href|src)="(/static/[^"]+)"', raw)
        static_sizes = {
            s.decode(): len(phone.get(s.decode(), encoding="identity")[0]) for s in statics
        }
        static_headers = phone.get(statics[0].decode())[1] if statics else {}

        for _ in range(args.backlog):
            phone.submit()
        time.sleep(2)  # let the worker pick up the backlog and start on it
        before = pipeline_counts(env)
        started = time.perf_counter()
        timings = [phone.submit() for _ in range(args.reports)]
        wall = time.perf_counter() - started
        after = pipeline_counts(env)
    finally:
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            process.wait(timeout=30)

    ms = [t * 1000 for t in timings]
    done_during = after.get("processed", 0) - before.get("processed", 0)
    waiting = after.get("received", 0) + after.get("processing", 0)
    mode = "PostgreSQL + Redis" if args.database_url else "embedded SQLite + SQLite broker"
    print(f"## Public form benchmark ({mode})\n")
    print(f"Machine: {os.cpu_count()} CPUs; gunicorn 2 workers; Celery worker solo pool.\n")
    print("| page | bytes |")
    print("|---|---|")
    print(f"| /report (es), uncompressed | {len(raw):,} |")
    print(f"| /report (es), gzip ({gz_headers.get('Content-Encoding')}) | {len(gz):,} |")
    print(f"| /report (es), br offered ({br_headers.get('Content-Encoding')}) | {len(br):,} |")
    print(f"| (gzip level 6 of the same HTML, for reference) | {len(gzip.compress(raw)):,} |")
    for path, size in static_sizes.items():
        print(f"| {path.split('?')[0]} (uncompressed, cached a year) | {size:,} |")
    first_visit = len(br) + sum(static_sizes.values())
    print(f"\nFirst visit: {1 + len(static_sizes)} requests, {first_visit:,} bytes of bodies; ")
    print(
        "repeat visits: 1 request (static files are immutable for a year: "
        f"`{static_headers.get('Cache-Control', '?')}`).\n"
    )
    print(f"Submit (POST /report, the answer is the receipt page), {len(ms)} reports in a row:")
    print(f"p50 {statistics.median(ms):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, ")
    print(
        f"max {max(ms):.0f} ms; {len(ms) / wall:.1f} submits/s including the GET for the token.\n"
    )
    print(
        f"Worker busy throughout: it finished {done_during} reports during the run and "
        f"{waiting} were still waiting at the end (backlog {args.backlog} + {len(ms)} new)."
    )


if __name__ == "__main__":
    main()
