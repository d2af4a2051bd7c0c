"""Screenshots of the patterns page, an agency profile, the map and the public statistics
page at 1280 and 390 px, on generated data (no real report). Run from the repository root:

    .venv/bin/python docs/screens/take.py

It builds a throwaway embedded install (SQLite in a temporary folder), generates reports,
serves the app on a free port and drives Debian's chromium with Playwright.
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throwaway import ARGS, add_staff, install, served, sign_in  # noqa: E402

from intake.patterns.alerts import check_patterns  # noqa: E402
from intake.publication.snapshot import store_snapshot  # noqa: E402
from intake.timeutil import utcnow  # noqa: E402
from tests.patterns.generate import agency, report  # noqa: E402

OUT = Path(__file__).resolve().parent

OFFICERS = [  # (how reports write them, badge) for three agencies
    [("Dep. R. Treviño", "4127"), ("deputy Trevino", None), ("Roberto Trevino", "4127")],
    [("Sgt. K. Yates", "CC-6613"), ("Kendra Yates", None)],
    [("Trooper Hollis", "733"), ("Ofc. Pruitt", None)],
]
PLACES = ["I-45", "FM 646", "Buford Hwy", "Spencer Hwy", "I-75"]
CATEGORIES = ["traffic_stop", "status_questioning", "detainer_hold", "profiling", "transfer_to_ice"]


def generate() -> None:
    rng = random.Random(17)  # noqa: S311 (generated data, the same every run)
    names = [
        ("Galveston County Sheriff's Office", "TX"),
        ("Brevard County Sheriff's Office", "FL"),
        ("Collier County Sheriff's Office", "FL"),
        ("Harris County Sheriff's Office", "GA"),
    ]
    agencies = [agency(n, s) for n, s in names]
    today = utcnow().date()
    for _ in range(160):
        which = rng.randrange(len(agencies))
        pieces: list = ["The deputy stopped us on "]
        pieces.append((rng.choice(PLACES), "PLACE"))
        if which < len(OFFICERS) and rng.random() < 0.5:
            name, badge = rng.choice(OFFICERS[which])
            pieces += [". It was ", (name, "OFFICER")]
            if badge and rng.random() < 0.7:
                pieces += [", badge ", (badge, "BADGE")]
        pieces.append(" and asked where we were born.")
        report(
            *pieces,
            agency_id=agencies[which].id,
            day=today - timedelta(days=rng.randint(0, 420)),
            categories=rng.sample(CATEGORIES, rng.randint(1, 2)),
            consent_statistics=rng.random() < 0.8,
            consent_referral=True,
            state=agencies[which].state,
            county=agencies[which].county,
            email=f"reporter{rng.randint(0, 120)}@example.org" if rng.random() < 0.3 else None,
        )


def main() -> None:
    app = install(PUBLIC_STATS=True)
    with app.app_context():
        add_staff("supervisor@example.org", "supervisor")
        generate()
        check_patterns()
        store_snapshot()
        galveston = agency("Galveston County Sheriff's Office", "TX").id
    pages = [
        ("patterns", "/staff/patterns?from="),
        ("agency-profile", f"/staff/agencies/{galveston}"),
        ("map", "/staff/patterns/map?from="),
        ("public-stats", "/statistics"),
        ("public-stats-es", "/statistics?lang=es"),
    ]
    with served(app) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width in (1280, 390):
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            sign_in(app, page, origin, "supervisor@example.org")
            for name, path in pages:
                page.goto(origin + path)
                page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)
            context.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
