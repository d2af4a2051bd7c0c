"""Benchmark building digest emails over a million reports on PostgreSQL.

    .venv/bin/python bench/digest.py [--database-url URL] [--reports 1000000] [--runs 5]

Creates the scratch database if needed (default: intake_digest_bench on 127.0.0.1, never the
test one), drops its tables, migrates, loads synthetic processed reports with COPY (two years of
dates, 8 queues, 300 agencies, 18 categories), then times building one digest through the real
code (workers/digests.py `build_for`: the SQL aggregates, the content in both languages and
the PNG chart) for several recipients and periods. Prints and writes bench/RESULTS-digest.md.
Target: one digest in under 5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/intake_digest_bench"
QUEUES = [
    "rapid-response",
    "legal",
    "referral",
    "general-intake",
    "detention",
    "profiling",
    "documentation",
    "partners",
]
PRIORITIES = [("urgent", 0, 0.08), ("high", 1, 0.22), ("normal", 2, 0.6), ("low", 3, 0.1)]
OPEN = ["new", "in_review", "waiting_reporter", "referred"]
COLUMNS = (
    "created_at, receipt_hash, language, date_approximate, agency_choice, agency_id, categories, "
    "affected_minor, urgent_signals, evidence, help_wanted, contact_methods, voicemail_ok, "
    "consent_review, consent_referral, consent_statistics, pipeline_state, processed_at, "
    "attempts, queue, priority, priority_rank, urgent, deadline_at, first_response_at, flags, "
    "status, version, labels, assigned_to_id, summary, redaction"
)


def rows(count: int, now: datetime, agency_ids: list[int], seed: int = 11):
    """Synthetic processed reports: recent ones mostly open, older ones mostly closed."""
    from intake.vocabulary import CATEGORIES

    rng = random.Random(seed)
    codes = list(CATEGORIES)
    empty = "[]"
    for i in range(count):
        created = now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        age_days = (now - created).days
        priority, rank, _ = rng.choices(PRIORITIES, weights=[p[2] for p in PRIORITIES])[0]
        if age_days < 30 or rng.random() < 0.05:
            status = rng.choice(OPEN)
        else:
            status = rng.choice(["resolved", "closed"])
        deadline = created + timedelta(hours=rng.choice([2, 24, 72, 168]))
        answered = rng.random() < 0.7
        yield (
            created,
            f"{rng.getrandbits(256):064x}",
            "es" if rng.random() < 0.4 else "en",
            False,
            "listed",
            rng.choice(agency_ids) if rng.random() < 0.8 else None,
            json.dumps(rng.sample(codes, rng.randint(1, 3))),
            False,
            empty,
            empty,
            empty,
            empty,
            False,
            True,
            False,
            False,
            "processed",
            created,
            1,
            rng.choice(QUEUES),
            priority,
            rank,
            priority == "urgent",
            deadline,
            created + timedelta(hours=1) if answered else None,
            empty,
            status,
            1,
            empty,
            None,
            f"Report {i}: traffic stop; questions about status." if rng.random() < 0.5 else None,
            json.dumps({"kept": []}),
        )


def load(app, url: str, count: int) -> float:
    import psycopg
    from sqlalchemy import insert

    from intake.extensions import db
    from intake.models import Agency
    from intake.timeutil import utcnow

    with app.app_context():
        agencies = [
            {"name": f"Bench County Sheriff's Office {i}", "state": "TX", "models": ["JEM"]}
            for i in range(300)
        ]
        db.session.execute(insert(Agency), agencies)
        db.session.commit()
        agency_ids = [a.id for a in db.session.query(Agency.id)]
    started = time.perf_counter()
    with psycopg.connect(url) as conn, conn.cursor() as cursor:
        with cursor.copy(f"COPY report ({COLUMNS}) FROM STDIN") as copy:  # noqa: S608
            for row in rows(count, utcnow(), agency_ids):
                copy.write_row(row)
        conn.commit()
    loaded = time.perf_counter() - started
    # What autovacuum does on a live database: statistics and the visibility map.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE report")
    return loaded


def scenarios(app):
    """(name, callable) pairs: each builds one digest the way the task does."""
    from intake.digest.queries import Recipient
    from intake.timeutil import utcnow
    from workers.digests import bounds, build_for

    now = utcnow()
    day, week = bounds("daily", now), bounds("weekly", now)
    everything = (now - timedelta(days=2 * 365 + 1), now + timedelta(seconds=1))
    everyone = Recipient(1, "supervisor@example.org", "en", None)
    two = Recipient(2, "reviewer@example.org", "es", ["legal", "rapid-response"])

    def build(recipient, period, span, summaries=False):
        return lambda: build_for(recipient, period, span[0], span[1], now, summaries)

    return [
        ("weekly, all queues (supervisor), en", build(everyone, "weekly", week)),
        ("daily, two queues (reviewer), es", build(two, "daily", day)),
        ("daily, all queues", build(everyone, "daily", day)),
        ("weekly, all queues, summaries on", build(everyone, "weekly", week, True)),
        ("stress: all 2 years in one period, all queues", build(everyone, "weekly", everything)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-load", action="store_true", help="reuse the loaded database")
    parser.add_argument("--output", default=str(REPO / "bench" / "RESULTS-digest.md"))
    options = parser.parse_args()

    from scratch import scratch_app
    from sqlalchemy import func, select

    from intake.extensions import db
    from intake.models import Report

    app = scratch_app(options.database_url, fresh=not options.skip_load)
    loaded = None
    if not options.skip_load:
        loaded = load(app, options.database_url, options.reports)
        print(f"loaded {options.reports} reports with COPY in {loaded:.0f} s", flush=True)

    results = []
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(Report))
        for name, build in scenarios(app):
            digest = build()  # warm up (and a sample for the figures below)
            db.session.rollback()
            times = []
            for _ in range(options.runs):
                started = time.perf_counter()
                digest = build()
                times.append(time.perf_counter() - started)
                db.session.rollback()
            results.append((name, statistics.median(times), max(times), digest.subject))
            print(f"{name:50s} median {results[-1][1]:.3f} s  max {results[-1][2]:.3f} s")
            print(f"    {digest.subject}", flush=True)

    worst = max(r[2] for r in results)
    lines = [
        "# Digest benchmark",
        "",
        f"`.venv/bin/python bench/digest.py --reports {options.reports} --runs {options.runs}` "
        "on PostgreSQL 15 (127.0.0.1, scratch database `intake_digest_bench`), 2 cores. "
        f"{total:,} processed reports over two years (about "
        f"{total // 730:,} a day), 8 queues, 300 agencies, 1 to 3 of the 18 categories each; "
        "reports younger than 30 days mostly open, older ones 5% open. Each figure is the time "
        "to build one recipient's digest the way the beat task does (`build_for`: every SQL "
        "aggregate, the text and HTML in the recipient's language, and the PNG chart), median "
        f"and worst of {options.runs} runs after one warm-up. Sending (SMTP) is not included.",
        "",
        "Target: one digest in under 5 s.",
        "",
        "| digest | median s | max s |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {median:.3f} | {most:.3f} |" for name, median, most, _ in results]
    lines += [
        "",
        f"Worst case: {worst:.3f} s ({'meets' if worst < 5 else 'MISSES'} the 5 s target).",
    ]
    if loaded is not None:
        lines.append(f"Loading {options.reports:,} reports with COPY took {loaded:.0f} s.")
    lines += [
        "",
        "The queries are a handful of GROUP BY and conditional sums (intake/digest/queries.py): "
        "new reports per queue, the previous period's total, open urgent unassigned and overdue "
        "reports, top agencies and categories for this period and the one before. The period "
        "filters use `ix_report_created_at`; open-report counts use `ix_report_status_queue`. "
        "No index was added for the digests.",
    ]
    Path(options.output).write_text("\n".join(lines) + "\n")
    print(f"wrote {options.output}")
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
