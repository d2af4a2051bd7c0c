"""Load test: 50 concurrent reporters for 60 s against the production shape, then the backlog
drains; zero errors, zero lost or duplicated reports. Loopback only, bounded in time.

    .venv/bin/python bench/load.py [--reporters 50] [--duration 60] [--think 1.0]
        [--quiet-pairs 300] [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]
        [--write bench/RESULTS-load.md]

What it starts (bench/stack.py), all on 127.0.0.1 and all stopped at the end:
- a scratch PostgreSQL database (`intake_load`, or LOAD_SCRATCH_DB; created and dropped here),
- its own `redis-server` on a free port (no persistence),
- gunicorn with the app (2 workers, as in the Procfile), migrated and seeded by `flask setup`,
- one Celery worker (solo pool, as in the Procfile),
- a second gunicorn (same settings) with a bare Flask endpoint that inserts one row into the
  same database: the yardstick for the submit path's cost.

Each reporter is a thread acting like a phone: GET the form (CSRF token and cookie), think
(uniform 0.5-1.5 x --think seconds), POST the report (a narrative of the dev corpus,
with its contact fields), check the receipt. Right before or after each report (a coin toss),
the same thread POSTs the same narrative to the bare endpoint: both are timed at the same
moments, under the same load (the form's GETs, the worker running spaCy, 50 client threads),
so their ratio compares the two paths and not two different machines.

After the backlog drains, a single client alternates the two for --quiet-pairs rounds: the
ratio without any queueing, which is the cost of the work each path does.

The figures: p50/p95/max submit latency (POST only), the bare insert's, their ratios, and the
time from submit to processed (database timestamps) for every report.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from stack import BENCH, DEFAULT_ADMIN_URL, REPO, Stack

sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo
CORPUS = REPO / "tests" / "anonymize" / "data" / "dev.jsonl"  # the dev corpus, in the repo
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
SUBMISSION_RE = re.compile(r'name="submission" type="hidden" value="([^"]+)"')
RECEIPT_RE = re.compile(rb'class="receipt-code"[^>]*>([^<]+)<')
# Its own name per checkout when several run at once (LOAD_SCRATCH_DB); dropped at the end.
SCRATCH_DB = os.environ.get("LOAD_SCRATCH_DB", "intake_load")
FALLBACK = [{"text": "The deputy stopped us on the highway and asked where we were born."}]


def bare_app():  # noqa: ANN201
    """The yardstick, for gunicorn (`load:bare_app()`): see scratch.bare_insert_app."""
    from scratch import bare_insert_app

    return bare_insert_app(os.environ["BARE_DATABASE_URL"])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


@dataclass(frozen=True)
class Audit:
    """The stored reports against the receipts shown: none lost, none unknown, each once."""

    lost: int
    unknown: int
    duplicated: int  # stored twice, or processed more than once
    to_processed: list[float]  # seconds from submit to processed, of each processed report

    @property
    def sound(self) -> bool:
        return not (self.lost or self.unknown or self.duplicated)


def corpus() -> list[dict]:
    """The dev narratives, or one sentence if they are not there."""
    return [json.loads(line) for line in CORPUS.open()] if CORPUS.exists() else FALLBACK


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.receipts: list[str] = []

    def ok(self, seconds: float, receipt: str | None = None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if receipt:
                self.receipts.append(receipt)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)


class Pair:
    """What one reporter thread times: its reports and the bare inserts made beside them."""

    def __init__(self) -> None:
        self.form, self.bare = Stats(), Stats()


def submit(opener, base: str, item: dict, stats: Stats, think: float = 0.0) -> None:  # noqa: ANN001
    """GET the form, wait `think` seconds, POST the report; time the POST, keep the receipt."""
    known = item.get("known") or {}
    try:
        with opener.open(base + "/report", timeout=60) as response:  # noqa: S310
            form = response.read().decode()
        time.sleep(think)
        data = {
            "csrf_token": CSRF_RE.search(form).group(1),
            "submission": SUBMISSION_RE.search(form).group(1),
            "narrative": item["text"],
            "agency": "unknown",
            "consent_review": "y",
            "contact_name": known.get("reporter_name") or "",
            "contact_phone": known.get("phone") or "",
            "contact_email": known.get("email") or "",
            "other_names": "\n".join(known.get("other_names") or []),
        }
        body = urllib.parse.urlencode(data).encode()
        started = time.perf_counter()
        with opener.open(base + "/report", data=body, timeout=60) as response:  # noqa: S310
            page = response.read()
        elapsed = time.perf_counter() - started
        match = RECEIPT_RE.search(page)
        if not match:
            stats.error("no receipt on the answer")
            return
        stats.ok(elapsed, match.group(1).decode().strip())
    except (OSError, AttributeError) as exc:
        stats.error(type(exc).__name__ + ": " + str(exc)[:200])


def insert_bare(base: str, item: dict, stats: Stats) -> None:
    body = urllib.parse.urlencode({"narrative": item["text"]}).encode()
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + "/bare", data=body, timeout=60) as response:  # noqa: S310
            response.read()
        stats.ok(time.perf_counter() - started)
    except OSError as exc:
        stats.error(type(exc).__name__)


def reporter(web: str, bare: str, items: list[dict], think: float, stop: float, pair: Pair) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    rng = random.Random()  # noqa: S311 (think times and coin tosses, not secrets)
    while time.monotonic() < stop:
        item = rng.choice(items)
        bare_first = rng.random() < 0.5
        if bare_first:
            insert_bare(bare, item, pair.bare)
        submit(opener, web, item, pair.form, think * rng.uniform(0.5, 1.5))
        if not bare_first:
            insert_bare(bare, item, pair.bare)


def run_reporters(web, bare, items, think, seconds, count) -> Pair:  # noqa: ANN001
    pair = Pair()
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(target=reporter, args=(web, bare, items, think, stop, pair), daemon=True)
        for _ in range(count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return pair


def run_quiet(web: str, bare: str, items: list[dict], rounds: int) -> Pair:
    """One client, nothing else sending: each path's own cost, without queueing."""
    pair = Pair()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    for index in range(rounds):
        item = items[index % len(items)]
        submit(opener, web, item, pair.form)
        insert_bare(bare, item, pair.bare)
    return pair


def drain(database_url: str, timeout: float) -> tuple[int, float]:
    """Wait until every report is processed (or `timeout`); (still pending, when it ended)."""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(database_url, autocommit=True) as conn:
        while True:
            pending = conn.execute(
                "SELECT count(*) FROM report WHERE pipeline_state <> 'processed'"
            ).fetchone()[0]
            if pending == 0 or time.monotonic() > deadline:
                return pending, time.monotonic()
            time.sleep(1)


def compare(label: str, pair: Pair) -> str:
    """One line: submit and bare-insert latency side by side, and their ratios."""
    form, bare = pair.form.latencies, pair.bare.latencies
    form_p50, bare_p50 = statistics.median(form), statistics.median(bare)
    form_p95, bare_p95 = percentile(form, 0.95), percentile(bare, 0.95)
    return (
        f"- {label}: submit (POST /report, {len(form)}) p50 {fmt(form_p50)}, "
        f"p95 {fmt(form_p95)}, max {fmt(max(form))}; bare insert (POST /bare, {len(bare)}, "
        f"{len(pair.bare.errors)} errors) p50 {fmt(bare_p50)}, p95 {fmt(bare_p95)}; "
        f"**ratio p50 {form_p50 / bare_p50:.2f}x, p95 {form_p95 / bare_p95:.2f}x**"
    )


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def audit(database_url: str, secret: str, receipts: list[str]) -> Audit:
    """The stored reports against the receipts the reporters were shown."""
    import hashlib

    import psycopg

    from intake.public.receipts import keyed

    with psycopg.connect(database_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT receipt_hash, attempts, EXTRACT(EPOCH FROM processed_at - created_at) "
            "FROM report"
        ).fetchall()
    # Stored receipt hashes are keyed with the app's secret (receipts.py): this instance's.
    hashes = {
        keyed(hashlib.sha256(r.replace("-", "").encode()).hexdigest(), secret) for r in receipts
    }
    stored = [row[0] for row in rows]
    return Audit(
        lost=len(hashes - set(stored)),
        unknown=len(set(stored) - hashes),
        duplicated=len(stored) - len(set(stored)) + sum(1 for row in rows if row[1] != 1),
        to_processed=[float(row[2]) for row in rows if row[2] is not None],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reporters", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--quiet-pairs", type=int, default=300)
    parser.add_argument("--drain-timeout", type=float, default=1200)
    parser.add_argument("--admin-url", default=DEFAULT_ADMIN_URL)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()

    items = corpus()
    with Stack(args.admin_url, SCRATCH_DB) as stack:
        database_url = stack.database_url
        stack.env["BARE_DATABASE_URL"] = database_url.replace(
            "postgresql://", "postgresql+psycopg://"
        )
        import psycopg

        # The yardstick's table, made here: its two gunicorn workers would race to create it.
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute("CREATE TABLE bench_bare (id serial PRIMARY KEY, narrative text)")
        web = stack.web(probe="/report")
        bare = stack.web("load:bare_app()", chdir=BENCH, probe="/bare")
        stack.celery_worker()

        began = time.monotonic()
        loaded = run_reporters(web, bare, items, args.think, args.duration, args.reporters)
        submit_seconds = time.monotonic() - began
        pending, drained = drain(database_url, args.drain_timeout)
        drained -= began
        quiet = run_quiet(web, bare, items, args.quiet_pairs)
        pending, _ = drain(database_url, args.drain_timeout)
        receipts = loaded.form.receipts + quiet.form.receipts
        errors = loaded.form.errors + quiet.form.errors
        found = audit(database_url, stack.secret_key, receipts)
    to_processed = found.to_processed
    loaded_count = len(loaded.form.receipts)
    lines = [
        f"- {args.reporters} reporters for {args.duration:.0f} s (think {args.think} s), "
        f"gunicorn 2 workers, 1 Celery worker (solo), PostgreSQL `{SCRATCH_DB}`, Redis; "
        f"{os.cpu_count()} CPUs",
        f"- submitted under load: {loaded_count} reports "
        f"({loaded_count / submit_seconds:.1f}/s), then {len(quiet.form.receipts)} by one "
        f"client; errors: {len(errors)}; lost: {found.lost}; unknown rows: {found.unknown}; "
        f"duplicated or processed twice: {found.duplicated}; still unprocessed: {pending}",
        compare("under load", loaded),
        compare(f"one client, {args.quiet_pairs} rounds", quiet),
        f"- submit to processed: p50 {statistics.median(to_processed):.1f} s, "
        f"p95 {percentile(to_processed, 0.95):.1f} s, max {max(to_processed):.1f} s; "
        f"backlog drained {drained - submit_seconds:.0f} s after the reporters stopped",
    ]
    if errors or loaded.bare.errors:
        lines.append(f"- first errors: {(errors + loaded.bare.errors)[:5]}")
    from scratch import write_results

    write_results(args.write, "Load test", "\n".join(lines))
    return 0 if not errors and found.sound and pending == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
