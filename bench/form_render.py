"""What the public form costs the web process per request, in-process, without HTTP.

    PYTHONPATH=CHECKOUT .venv/bin/python bench/form_render.py --database-url URL [--rounds 200]

Drives the app in CHECKOUT through Flask's test client: GET /report (Spanish: the largest page)
then POST a valid report, --rounds times, and prints p50/p95 of each and the page size. Run it
on two checkouts one after the other, several times in turn, to compare them on a shared
machine (the load test over HTTP, bench/load.py, mixes this cost with everything else running).
The database (PostgreSQL, made empty here: never the test one) is migrated and given the
agency list; the broker is the embedded SQLite one in a temporary folder, and no worker runs.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time

HIDDEN = re.compile(r'name="(csrf_token|submission)" type="hidden" value="([^"]+)"')


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    import sqlalchemy as sa
    from flask_migrate import upgrade

    from intake import create_app
    from intake.agencies.importer import import_agencies
    from intake.config import AGENCY_SEED, from_environment
    from intake.extensions import db

    instance = tempfile.mkdtemp(prefix="form-render-")
    config = from_environment({"DATABASE_URL": args.database_url}, instance=instance)
    config.update({"RATELIMIT_ENABLED": False})
    app = create_app(config)
    with app.app_context():
        metadata = sa.MetaData()
        metadata.reflect(db.engine)
        metadata.drop_all(db.engine)
        upgrade()
        for path in sorted(AGENCY_SEED.parent.glob("*.*")):
            import_agencies(path)
    client = app.test_client()
    gets, posts, size = [], [], 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        page = client.get("/report?lang=es", headers={"Accept-Encoding": "identity"})
        gets.append(time.perf_counter() - started)
        size = len(page.data)
        fields = dict(HIDDEN.findall(page.get_data(as_text=True)))
        fields.update(
            narrative="Un ayudante nos paró en la carretera y preguntó dónde nacimos.",
            consent_review="y",
        )
        started = time.perf_counter()
        answer = client.post("/report", data=fields)
        posts.append(time.perf_counter() - started)
        assert answer.status_code == 200 and b"receipt-code" in answer.data, answer.status_code
    print(
        f"GET /report (es) p50 {percentile(gets, 0.5):.1f} ms, p95 {percentile(gets, 0.95):.1f} ms"
        f"; POST p50 {percentile(posts, 0.5):.1f} ms, p95 {percentile(posts, 0.95):.1f} ms"
        f"; page {size / 1024:.1f} KB uncompressed"
        f"; median of both {statistics.median(gets + posts) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
