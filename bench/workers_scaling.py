"""Reports/s of one and of two Celery worker processes draining the same pre-filled queue, side
by side in one run (issue 18's target: two workers on 2 cores at least 1.7x one).

    .venv/bin/python bench/workers_scaling.py [--rounds 2] [--copies 1]
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres] [--database NAME]
        [--write bench/RESULTS-workers-scaling.md]

The production shape on loopback (bench/stack.py): a scratch PostgreSQL database (--database,
default `intake_bench_scaling`, dropped at the end), its own redis-server, workers as the
Procfile runs them (solo pool, concurrency 1, prefetch 1). Each trial stores the anonymizer's
narratives (tests/anonymize/data: dev and heldout 1-3, 222; --copies times) as received reports,
puts a `process_report` message for each on the queue, then starts 1 or 2 workers. Each worker
loads its models and runs the pipeline once before it consumes (bench/warm_worker.py), and
waits at a gate, connected to the broker, until all are; the gate opens and the clock starts.
A trial ends when every report is processed; its time is the last `processed_at` minus the
gate's opening, both from this machine's clock. Trials alternate 1, 2, then 2, 1 in the next
round, so that a neighbour's load falls on both alike. Every report must be processed exactly
once. Also shown: the CPU time the workers used (from /proc), per report and as the cores they
had; on a shared machine two workers may not get two cores, and that column says so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo

from stack import DEFAULT_ADMIN_URL, Stack, cpu_seconds  # noqa: E402 (bench/ is the script's folder)
from warm_worker import GATE_ENV  # noqa: E402
from worker import DATA, narratives, store_reports  # noqa: E402

# The anonymizer's dev set and first three held-out sets: 222 different narratives, so that no
# worker meets a text twice (its caches would favour the one that does). Named, not globbed: the
# figures stay comparable when a new set is added there.
CORPORA = [DATA / f"{name}.jsonl" for name in ("dev", "heldout", "heldout2", "heldout3")]

READY_TIMEOUT = 240  # seconds for the workers to load their models (a busy machine)


@dataclass(frozen=True)
class Trial:
    workers: int
    reports: int
    seconds: float
    once: bool  # every report processed, each exactly once
    cpu: float  # CPU seconds the workers used from the gate's opening to the drain
    service_cpu: float  # the same for PostgreSQL and Redis
    load: float  # 1-minute load average when the trial ended

    @property
    def rate(self) -> float:
        return self.reports / self.seconds


def wait_until(condition, timeout: float, what: str, every: float = 0.1) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(every)


def processed_count(ids: list[int]) -> int:
    from sqlalchemy import func, select

    from intake.extensions import db
    from intake.models import Report

    count = db.session.scalar(
        select(func.count())
        .select_from(Report)
        .where(Report.id.in_(ids), Report.pipeline_state == "processed")
    )
    db.session.rollback()  # the next look sees the workers' commits
    return int(count or 0)


def drained(ids: list[int], since) -> tuple[float, bool]:  # noqa: ANN001
    """Seconds from `since` to the last report processed; whether each was processed once."""
    from sqlalchemy import func, select

    from intake.extensions import db
    from intake.models import Report

    last, attempts = db.session.execute(
        select(func.max(Report.processed_at), func.max(Report.attempts)).where(Report.id.in_(ids))
    ).one()
    db.session.rollback()
    return (last - since).total_seconds(), attempts == 1


def trial(stack: Stack, app, items: list[dict], workers: int) -> Trial:  # noqa: ANN001
    """Fill the queue with `items`, start `workers` warm workers, let them go at one instant,
    time until the last report is processed."""
    from intake.dispatch import enqueue_reports
    from intake.timeutil import utcnow

    gate = Path(tempfile.mkdtemp(prefix="gate-", dir=stack.instance))
    with app.app_context():
        ids = store_reports(items)
        if enqueue_reports(ids) != len(ids):
            raise SystemExit("the broker did not take every message")
        gated = {GATE_ENV: str(gate)}
        started = [stack.celery_worker(warm=True, env=gated) for _ in range(workers)]
        wait_until(lambda: len(list(gate.glob("*.ready"))) == workers, READY_TIMEOUT, "the workers")
        pids = [process.pid for process in started]
        cpu_before, service_before = cpu_seconds(pids), cpu_seconds(stack.service_pids())
        opened = utcnow()
        (gate / "go").touch()
        wait_until(lambda: processed_count(ids) == len(ids), 600, "the queue to drain")
        cpu = cpu_seconds(pids) - cpu_before
        # Backends the workers opened after the gate count from nothing, as they should.
        service_cpu = cpu_seconds(stack.service_pids()) - service_before
        seconds, once = drained(ids, opened)
    for process in started:
        stack.stop(process)
    return Trial(workers, len(ids), seconds, once, cpu, service_cpu, os.getloadavg()[0])


def report(trials: list[Trial], copies: int) -> str:
    def rates(workers: int) -> list[float]:
        return [t.rate for t in trials if t.workers == workers]

    def cores(workers: int) -> float:
        return statistics.mean(t.cpu / t.seconds for t in trials if t.workers == workers)

    one, two = statistics.mean(rates(1)), statistics.mean(rates(2))
    first = trials[0]
    lines = [
        f"{first.reports} reports a trial (tests/anonymize/data dev, heldout 1-3, x {copies}), "
        f"{len(trials) // 2} rounds, {os.cpu_count()} CPUs shared with other work; PostgreSQL "
        "and Redis on this machine; Celery workers with the solo pool (the Procfile's).",
        "",
        "| trial | workers | reports/s | seconds | workers' CPU ms a report | cores the workers "
        "had | PostgreSQL + Redis CPU ms a report | each processed once | load average (1 min) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for number, t in enumerate(trials, 1):
        lines.append(
            f"| {number} | {t.workers} | {t.rate:.1f} | {t.seconds:.1f} | "
            f"{t.cpu / t.reports * 1000:.0f} | {t.cpu / t.seconds:.2f} | "
            f"{t.service_cpu / t.reports * 1000:.1f} | "
            f"{'yes' if t.once else 'NO'} | {t.load:.2f} |"
        )
    lines += [
        "",
        f"Mean: one worker {one:.1f} reports/s, two workers {two:.1f} reports/s: "
        f"**{two / one:.2f}x** (issue 18's target: at least 1.7x). Per round: "
        + ", ".join(
            f"{b.rate / a.rate if a.workers == 1 else a.rate / b.rate:.2f}x"
            for a, b in zip(trials[::2], trials[1::2], strict=True)
        )
        + ".",
        "",
        f"Cores the workers had, on average: one worker {cores(1):.2f}, two workers "
        f"{cores(2):.2f}. Where two workers get less than 1.7 cores, the machine (its other "
        "work), not the workers, sets the ratio; the CPU time a report takes says whether two "
        "workers slow each other down.",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1, help="each narrative this many times")
    parser.add_argument("--admin-url", default=DEFAULT_ADMIN_URL)
    parser.add_argument("--database", default="intake_bench_scaling")
    parser.add_argument("--write", type=Path)
    options = parser.parse_args()

    from scratch import write_results

    from intake import create_app
    from intake.config import from_environment

    items = narratives(CORPORA) * options.copies
    trials: list[Trial] = []
    with Stack(options.admin_url, options.database) as stack:
        app = create_app(from_environment(stack.env))
        for number in range(options.rounds):
            for workers in (1, 2) if number % 2 == 0 else (2, 1):
                trials.append(trial(stack, app, items, workers))
                print(trials[-1], flush=True)
        with app.app_context():
            from intake.extensions import db

            db.session.remove()
            db.engine.dispose()  # the database is dropped on leaving
    write_results(options.write, "Workers scaling", report(trials, options.copies))
    return 0 if all(t.once for t in trials) else 1


if __name__ == "__main__":
    sys.exit(main())
