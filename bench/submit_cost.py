"""Where a submit's time goes, in-process, against a bare one-row insert in the same run.

    .venv/bin/python bench/submit_cost.py [--database-url URL] [--redis-url URL] [--rounds 300]
        [--write bench/RESULTS-submit-cost.md]

No HTTP and no other load: the app (scratch PostgreSQL database `intake_bench_submit`, never
the test one; rate limits and Celery on --redis-url, a database number this script empties) is
driven through Flask's test client as a phone would, GET the form then POST a corpus report,
alternating with a bare Flask app that inserts one row into a one-column table of the same
database with pre-ping on, as `bench/load.py`'s yardstick does. Each step of the submit is timed
by wrapping the function that does it, for POSTs only. Then the two rows alone through psycopg
(the report's columns and its 14 indexes against the bare row), to tell PostgreSQL's share from
Python's. The load test (`bench/load.py`) gives the ratio over HTTP; this says what to work on.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import secrets
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/intake_bench_submit"
DEFAULT_REDIS = "redis://127.0.0.1:6379/12"
CORPUS = REPO / "tests" / "anonymize" / "data" / "dev.jsonl"  # the dev corpus, in the repo
HIDDEN = re.compile(r'name="(csrf_token|submission)" type="hidden" value="([^"]+)"')
NARRATIVE = "The deputy stopped us on the highway and asked where we were born."


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.2f}"


class Steps:
    """Times the wrapped functions, only while a POST is being timed."""

    def __init__(self) -> None:
        self.on = False
        self.times: dict[str, list[float]] = defaultdict(list)
        self.order: list[str] = []

    def wrap(self, owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)
        self.order.append(label)

        @functools.wraps(original)
        def timed(*args, **kwargs):  # noqa: ANN202, ANN002, ANN003
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                if self.on:
                    self.times[label].append(time.perf_counter() - started)

        setattr(owner, name, timed)


def rows_alone(database_url: str, rounds: int, narrative: str) -> dict[str, list[float]]:
    """The report's row and the bare row through psycopg only: PostgreSQL's part."""
    import psycopg

    columns = (
        "created_at, receipt_hash, language, narrative, categories, urgent_signals, evidence, "
        "help_wanted, contact_methods, flags, labels, pipeline_state, status, version, attempts, "
        "agency_choice, date_approximate, affected_minor, voicemail_ok, consent_review, "
        "consent_referral, consent_statistics, urgent, priority_rank, enqueued_at"
    )
    report = (
        f"INSERT INTO report ({columns}) VALUES (now(), %s, 'en', %s, '[]', '[]', '[]', '[]', "  # noqa: S608
        "'[]', '[]', '[]', 'received', 'new', 1, 0, 'unknown', false, false, false, true, false, "
        "false, false, 2, now()) RETURNING id"
    )  # (the column list is ours: no input reaches this SQL)
    times: dict[str, list[float]] = defaultdict(list)
    with psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        for index in range(rounds + 20):
            for label, query, args in (
                ("report row", report, (secrets.token_hex(32), "gAAAAA" + narrative)),
                ("bare row", "INSERT INTO bench_bare (narrative) VALUES (%s)", (narrative,)),
            ):
                started = time.perf_counter()
                conn.execute(query, args)
                conn.commit()
                if index >= 20:  # the first ones warm the caches and prepare the statements
                    times[label].append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--write", type=Path)
    options = parser.parse_args()

    import redis
    from scratch import bare_insert_app, scratch_app, write_results
    from sqlalchemy.orm import Session

    redis.Redis.from_url(options.redis_url).flushdb()
    app = scratch_app(
        options.database_url,
        env={"REDIS_URL": options.redis_url},  # the broker and the rate limits, as in production
        RATELIMIT_SUBMIT="1000000 per hour",
    )
    with app.app_context():
        from intake.agencies.importer import import_agencies
        from intake.config import AGENCY_SEED

        import_agencies(AGENCY_SEED)
    items = [json.loads(line) for line in CORPUS.open()] if CORPUS.exists() else []
    narrative = items[0]["text"] if items else NARRATIVE

    import flask_limiter._extension as limiter_module

    import intake.public.routes as routes
    from intake.public.forms import ReportForm

    steps = Steps()
    steps.wrap(limiter_module.Limiter, "_check_request_limit", "rate-limit check (Redis)")
    steps.wrap(routes, "new_form", "building the form")
    steps.wrap(ReportForm, "validate_on_submit", "CSRF and validation")
    steps.wrap(routes, "accept", "storing the report (all of it)")
    steps.wrap(Session, "flush", "... of which the ORM flush (pre-ping, INSERT)")
    steps.wrap(Session, "commit", "... of which the commit")
    steps.wrap(routes, "enqueue_report", "Celery publish (Redis)")
    steps.wrap(routes, "received_page", "receipt page (kept)")

    client = app.test_client()
    bare = bare_insert_app(options.database_url.replace("postgresql://", "postgresql+psycopg://"))
    bare_client = bare.test_client()
    submits: list[float] = []
    inserts: list[float] = []
    for index in range(options.rounds + 20):
        hidden = dict(HIDDEN.findall(client.get("/report").get_data(as_text=True)))
        data = {**hidden, "narrative": narrative, "agency": "unknown", "consent_review": "y"}
        steps.on = index >= 20  # the first rounds warm the caches
        started = time.perf_counter()
        answer = client.post("/report", data=data)
        elapsed = time.perf_counter() - started
        steps.on = False
        assert b"receipt-code" in answer.data, answer.status
        started = time.perf_counter()
        bare_client.post("/bare", data={"narrative": narrative})
        if index >= 20:
            submits.append(elapsed)
            inserts.append(time.perf_counter() - started)
    rows = rows_alone(options.database_url, options.rounds, narrative)

    lines = [
        f"In-process medians of {options.rounds} rounds on PostgreSQL; milliseconds.",
        "",
        "| what | ms |",
        "|---|---|",
        f"| **submit (POST /report), all of it** | **{median_ms(submits)}** |",
        *(f"| {label} | {median_ms(steps.times[label])} |" for label in steps.order),
        f"| **bare insert (POST /bare), all of it** | **{median_ms(inserts)}** |",
        f"| ratio submit / bare insert | {statistics.median(submits) / statistics.median(inserts):.1f}x |",  # noqa: E501
        *(f"| {label} alone, psycopg | {median_ms(values)} |" for label, values in rows.items()),
    ]
    write_results(options.write, "Where a submit's time goes", "\n".join(lines))
    redis.Redis.from_url(options.redis_url).flushdb()
    return 0


if __name__ == "__main__":
    sys.exit(main())
