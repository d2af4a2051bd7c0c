"""Submit->processed at a steady arrival rate, with two workers (issue 18's target: p95 under
5 s at 5 reports/s, PostgreSQL + Redis), beside the same at a trickle, in one run.

    .venv/bin/python bench/steady.py [--rate 5] [--duration 40] [--workers 2]
        [--baseline-rate 0.5] [--baseline-duration 20] [--rounds 2]
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres] [--database NAME]
        [--write bench/RESULTS-steady.md]

The production shape on loopback (bench/stack.py): a scratch PostgreSQL database (--database,
default `intake_bench_steady`, dropped at the end), its own redis-server, gunicorn with 2
workers and --workers Celery workers as the Procfile runs them (solo pool). The workers load
their models before the first report (bench/warm_worker.py): a worker's start is not what this
measures.

Arrivals are open-loop: report i is sent at start + i / rate whatever happened to the ones
before it (each on its own thread, a phone of its own: GET the form, POST the report with a
narrative of the dev corpus), so a slow pipeline makes a queue rather than slowing the
reporters down. Each round has a window at --rate and one at --baseline-rate (the order
alternates from round to round): the trickle shows what one report costs without a queue, the
steady rate what queueing adds. Submit->processed is `processed_at - created_at` of each report
of the window (database timestamps); every receipt shown must be a stored report, processed
exactly once.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from load import Stats, audit, corpus, drain, fmt, percentile, submit
from stack import DEFAULT_ADMIN_URL, Stack
from warm_worker import GATE_ENV

READY_TIMEOUT = 240  # seconds for the workers to load their models (a busy machine)


@dataclass(frozen=True)
class Window:
    rate: float  # arrivals a second, as asked
    sent: int
    seconds: float  # from the first arrival to the last
    late: float  # the latest an arrival left after its time (the client keeping up)
    to_processed: list[float]  # processed_at - created_at of the window's reports
    stats: Stats  # the window's submits: POST latencies, receipts, errors
    load: float  # 1-minute load average at the end


def phone(web: str, item: dict, stats: Stats) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    submit(opener, web, item, stats)


def arrive(
    web: str, items: list[dict], rate: float, seconds: float, stats: Stats
) -> tuple[float, float]:
    """Send round(rate x seconds) reports at fixed times; (seconds taken, latest departure)."""
    count = max(1, round(rate * seconds))
    late = 0.0
    with ThreadPoolExecutor(max_workers=64) as pool:
        start = time.monotonic()
        for number in range(count):
            pause = start + number / rate - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            late = max(late, -pause)
            pool.submit(phone, web, items[number % len(items)], stats)
        spread = time.monotonic() - start
    return spread, late


def latest_id(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        return conn.execute("SELECT coalesce(max(id), 0) FROM report").fetchone()[0]


def to_processed_after(database_url: str, after_id: int) -> list[float]:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT EXTRACT(EPOCH FROM processed_at - created_at) FROM report "
            "WHERE id > %s AND processed_at IS NOT NULL",
            (after_id,),
        ).fetchall()
    return [float(row[0]) for row in rows]


def window(stack: Stack, web: str, items: list[dict], rate: float, seconds: float) -> Window:
    """One window at `rate`: its arrivals, then the queue drained."""
    before, stats = latest_id(stack.database_url), Stats()
    spread, late = arrive(web, items, rate, seconds, stats)
    drain(stack.database_url, 600)
    return Window(
        rate=rate,
        sent=max(1, round(rate * seconds)),
        seconds=spread,
        late=late,
        to_processed=to_processed_after(stack.database_url, before),
        stats=stats,
        load=os.getloadavg()[0],
    )


def start_workers(stack: Stack, count: int) -> None:
    """`count` warm workers; returns when all have loaded their models."""
    gate = Path(tempfile.mkdtemp(prefix="gate-", dir=stack.instance))
    for _ in range(count):
        stack.celery_worker(warm=True, env={GATE_ENV: str(gate)})
    deadline = time.monotonic() + READY_TIMEOUT
    while len(list(gate.glob("*.ready"))) < count:
        if time.monotonic() > deadline:
            raise SystemExit("the workers did not start")
        time.sleep(0.2)
    (gate / "go").touch()


def row(found: Window) -> str:
    done = found.to_processed or [float("nan")]
    posts = found.stats.latencies or [float("nan")]
    return (
        f"| {found.rate:g}/s | {found.sent} in {found.seconds:.0f} s | {fmt(found.late)} | "
        f"{fmt(statistics.median(posts))} / {fmt(percentile(posts, 0.95))} | "
        f"{statistics.median(done):.2f} s | {percentile(done, 0.95):.2f} s | {max(done):.2f} s "
        f"| {len(found.to_processed)} | {len(found.stats.errors)} | {found.load:.2f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--duration", type=float, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--baseline-rate", type=float, default=0.5)
    parser.add_argument("--baseline-duration", type=float, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--admin-url", default=DEFAULT_ADMIN_URL)
    parser.add_argument("--database", default="intake_bench_steady")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()

    items = corpus()
    windows: list[Window] = []
    runs = [(args.baseline_rate, args.baseline_duration), (args.rate, args.duration)]
    with Stack(args.admin_url, args.database) as stack:
        web = stack.web(probe="/report")
        start_workers(stack, args.workers)
        for number in range(args.rounds):
            for rate, seconds in runs if number % 2 == 0 else runs[::-1]:
                windows.append(window(stack, web, items, rate, seconds))
                print(row(windows[-1]), flush=True)
        receipts = [r for w in windows for r in w.stats.receipts]
        errors = [e for w in windows for e in w.stats.errors]
        found = audit(stack.database_url, stack.secret_key, receipts)
    steady = [w for w in windows if w.rate == args.rate]
    worst = max(percentile(w.to_processed, 0.95) for w in steady)
    lines = [
        f"gunicorn 2 workers, {args.workers} Celery workers (solo pool), PostgreSQL and Redis on "
        f"this machine ({os.cpu_count()} CPUs shared with other work); open-loop arrivals; "
        f"{args.rounds} rounds, the trickle ({args.baseline_rate:g}/s) beside the steady rate.",
        "",
        "| rate | sent | latest departure | submit p50 / p95 | to processed p50 | p95 | max "
        "| processed | errors | load average (1 min) |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|",
        *(row(w) for w in windows),
        "",
        f"Receipts shown {len(receipts)}: lost {found.lost}, unknown rows {found.unknown}, "
        f"stored twice or processed more than once {found.duplicated}; errors {len(errors)}.",
        f"Worst p95 submit->processed at {args.rate:g}/s: **{worst:.2f} s** (issue 18's target: "
        "under 5 s).",
    ]
    if errors:
        lines.append(f"First errors: {errors[:5]}")
    from scratch import write_results

    write_results(args.write, "Steady arrivals", "\n".join(lines))
    return 0 if found.sound and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
