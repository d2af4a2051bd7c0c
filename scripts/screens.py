"""`make screens`: Chromium screenshots of the staff pages into docs/screens/.

Builds a throwaway embedded install (SQLite in a temporary folder; docs/screens/throwaway.py,
shared with the reporter's screenshots), seeds 30 reports through the real pipeline
(anonymizer, router, summarizer), a few conversations, contacts, referrals and corrections,
serves it on a free port and photographs the queue, a report, statistics, accounts, rules and
the audit log at 1280×800 and 390×844. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "docs" / "screens"))

from throwaway import ARGS, add_staff, install, served, sign_in  # noqa: E402

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
ADMIN = "ana.garcia@legalaid.example"
STAFF = {
    ADMIN: "admin",
    "ben.okafor@legalaid.example": "supervisor",
    "carmen.ruiz@legalaid.example": "reviewer",
    "dev.patel@legalaid.example": "reviewer",
}

NARRATIVES_EN = [
    "Deputy {officer} pulled us over on Highway 6 for a broken tail light and asked where we "
    "were born. My brother {name} showed his license but they called ICE and held him at the "
    "county jail for two days after the judge released him.",
    "Officers came to our apartment on {street} at 5 in the morning without a warrant from a "
    "judge. They pushed my mother against the wall and took my phone when I tried to film.",
    "My husband {name} is in the {county} County jail right now. They told us he has an ICE "
    "hold and will be transferred tomorrow. He needs his insulin and they have not given it.",
    "At the traffic checkpoint deputy {officer} asked only the Latino drivers for papers. "
    "When I asked why, he said I could be arrested for interfering.",
    "They made my father sign papers in English he could not read. Nobody offered an "
    "interpreter. Now he has a removal date and we do not know what he signed.",
    "I was stopped while walking to work and searched. The officer badge {badge} said I looked "
    "suspicious and asked for my immigration status. I am a U.S. citizen.",
]
NARRATIVES_ES = [
    "El oficial {officer} nos paró en la carretera y nos preguntó dónde nacimos. A mi primo "
    "{name} lo llevaron a la cárcel del condado y ahora tiene una orden de ICE.",
    "Mi esposa {name} está detenida en la cárcel de {county} desde el lunes. No le dan sus "
    "medicinas y dicen que la van a transferir a ICE mañana.",
    "Entraron a la casa sin orden del juez y se llevaron a mi hijo. Los niños se quedaron "
    "solos con la vecina. No sabemos a dónde lo llevaron.",
    "En la cárcel no hay intérprete. A mi tío le hicieron firmar documentos en inglés y no "
    "le dejaron llamar al consulado.",
]
NAMES = ["Jaime Ortega", "Rosa Delgado", "Miguel Herrera", "Lucía Campos", "Carlos Mendez"]
OFFICERS = ["Ramsey", "Cole", "Whitaker", "Salinas", "Brandt"]
CITIES = {"TX": ["Pasadena", "Houston", "Baytown"], "FL": ["Naples", "Tampa", "Orlando"]}
COUNTIES = ["Harris", "Galveston", "Collier", "Hillsborough"]
# What each narrative above reports, in the same order (English, then Spanish).
CATEGORIES_EN = [
    ["traffic_stop", "status_questioning", "detainer_hold"],
    ["home_entry", "excessive_force", "retaliation"],
    ["detainer_hold", "medical_care", "transfer_to_ice"],
    ["profiling", "traffic_stop"],
    ["coerced_signature", "language_access"],
    ["citizen_detained", "status_questioning"],
]
CATEGORIES_ES = [
    ["traffic_stop", "status_questioning", "detainer_hold"],
    ["medical_care", "transfer_to_ice"],
    ["home_entry", "family_separation"],
    ["language_access", "coerced_signature", "denied_counsel"],
]


def seed_staff() -> dict[str, int]:
    """The team photographed, by first name: {name: account id} (inside an app context)."""
    from intake.extensions import db
    from intake.models import StaffUser

    for email, role in STAFF.items():
        add_staff(email, role)
    accounts = {user.email.split(".")[0]: user for user in db.session.query(StaffUser)}
    accounts["carmen"].queues = ["rapid-response"]
    db.session.commit()
    return {name: user.id for name, user in accounts.items()}


def sample_report(rng: random.Random, agencies: list, index: int):  # noqa: ANN201 (a Report)
    """One report as a reporter might write it: every third in Spanish, most with an agency."""
    from intake.models import Report
    from intake.public.receipts import new_receipt, receipt_hash
    from intake.timeutil import utcnow

    spanish = index % 3 == 1
    texts, codes = (NARRATIVES_ES, CATEGORIES_ES) if spanish else (NARRATIVES_EN, CATEGORIES_EN)
    choice = rng.randrange(len(texts))
    narrative = texts[choice].format(
        officer=rng.choice(OFFICERS),
        name=rng.choice(NAMES),
        county=rng.choice(COUNTIES),
        street=f"{rng.randint(100, 9999)} Airline Drive",
        badge=rng.randint(1000, 9999),
    )
    agency = rng.choice(agencies) if rng.random() < 0.8 else None
    state = agency.state if agency else "TX"
    return Report(
        receipt_hash=receipt_hash(new_receipt()),
        language="es" if spanish else "en",
        created_at=utcnow() - timedelta(hours=rng.uniform(0.2, 24 * 9)),
        incident_date=date.today() - timedelta(days=rng.randint(1, 40)),
        city=rng.choice(CITIES[state]),
        state=state,
        agency_id=agency.id if agency else None,
        agency_choice="listed" if agency else "unknown",
        categories=codes[choice],
        narrative=narrative,
        contact_name=rng.choice(NAMES) if rng.random() < 0.6 else None,
        contact_phone=f"713555{rng.randint(1000, 9999)}" if rng.random() < 0.5 else None,
        consent_review=True,
        consent_referral=rng.random() < 0.6,
        urgent_signals=["in_custody_now"] if "jail" in narrative and rng.random() < 0.5 else [],
        detained_now="yes" if "right now" in narrative or "detenida" in narrative else None,
    )


def seed_reports(rng: random.Random) -> None:
    """30 reports, each through the real pipeline (inside an app context)."""
    from sqlalchemy import select

    from intake.extensions import db
    from intake.models import Agency
    from workers import tasks

    agencies = db.session.scalars(
        select(Agency).where(Agency.state.in_(("TX", "FL"))).limit(40)
    ).all()
    ids = []
    for index in range(30):
        report = sample_report(rng, list(agencies), index)
        db.session.add(report)
        db.session.commit()
        ids.append(report.id)
    db.session.remove()
    for report_id in ids:
        tasks.process_report.run(report_id)
        db.session.remove()  # the pipeline runs in its own sessions


def seed_conversations(reports: list, staff: dict, rng: random.Random) -> None:
    """Assignments, questions to reporters and their answers."""
    from intake.extensions import db
    from intake.models import ReportMessage
    from intake.staff.actions import save_actions
    from intake.timeutil import utcnow

    now = utcnow()
    reviewers = [staff["ben"], staff["carmen"], staff["dev"]]
    for report in reports[::3]:
        loaded = {"status": report.status, "assignee": None, "labels": []}
        chosen = {"status": "in_review", "assignee": rng.choice(reviewers).id, "labels": []}
        save_actions(report, rng.choice(reviewers), chosen, loaded)
    for report in reports[1::5]:
        asked = report.created_at + timedelta(hours=3)
        db.session.add(
            ReportMessage(
                report_id=report.id,
                sender="staff",
                author_id=staff["carmen"].id,
                body="Thank you for writing. Which jail is he in, and since when?",
                created_at=asked,
            )
        )
        report.first_response_at = asked
    for report in reports[2::7]:
        answer = "He is in the county jail since Monday."
        db.session.add(
            ReportMessage(
                report_id=report.id,
                sender="reporter",
                body=answer,
                body_redacted=answer,
                redacted_at=now,
                created_at=now - timedelta(hours=1),
            )
        )
        report.reporter_replied_at = now - timedelta(hours=1)


def seed_casework(reports: list, staff: dict, rng: random.Random) -> None:
    """Calls logged and referrals recorded."""
    from intake.staff.actions import save_actions
    from intake.staff.casework import record_contact, record_referral

    for report in reports[4::6]:
        outcome = rng.choice(["reached", "left_message", "no_answer"])
        when = report.created_at + timedelta(hours=rng.uniform(1, 30))
        record_contact(report, staff["ben"], when, "phone", outcome, None)
    destinations = ("crcl", "attorney", "ice_opr", "dhs_oig")
    for report, destination in zip(reports[5::8], destinations, strict=False):
        if report.status == "new":
            save_actions(report, staff["ben"], {"status": "in_review"}, {"status": "new"})
        record_referral(
            report,
            staff["ben"],
            destination=destination,
            destination_other="Texas Civil Rights Project" if destination == "attorney" else None,
            referred_on=date.today() - timedelta(days=1),
            reference=f"2026-{rng.randint(10000, 99999)}",
            consented=True,
        )


def seed_photographed(target, staff: dict) -> None:  # noqa: ANN001 (a Report)
    """The report photographed: a note, a reveal and a redaction correction."""
    from intake.extensions import db
    from intake.models import ReportNote
    from intake.models.audit import audit
    from intake.staff.redaction import correct_narrative, correction_from

    note = "Called the family; will call back at 5."
    db.session.add(ReportNote(report_id=target.id, author_id=staff["ana"].id, body=note))
    reason = "Calling the family back about the ICE hold"
    audit("report.reveal", actor=staff["ben"], report_id=target.id, reason=reason)
    place = r"\b(Highway 6|Airline Drive|Monday|lunes)\b"
    match = re.search(place, target.narrative_redacted or "")
    if match:
        why = "Exact place identifies the family"
        correction = correction_from("redact", match.group(0), "ADDRESS", "", why)
        correct_narrative(target, correction, staff["ben"])


def seed(app, rng: random.Random) -> int:  # noqa: ANN001
    """Accounts, 30 processed reports and their casework; the photographed report's id."""
    from sqlalchemy import select

    from intake.extensions import db
    from intake.models import Report, StaffUser

    with app.app_context():
        staff_ids = seed_staff()
        seed_reports(rng)
        staff = {name: db.session.get(StaffUser, user_id) for name, user_id in staff_ids.items()}
        reports = list(db.session.scalars(select(Report).order_by(Report.id)))
        seed_conversations(reports, staff, rng)
        seed_casework(reports, staff, rng)
        seed_photographed(reports[2], staff)
        db.session.commit()
        return reports[2].id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screens"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    env = {"INTAKE_TIMEZONE": "America/Chicago", "PUBLIC_BASE_URL": "http://127.0.0.1:8080"}
    app = install(env)
    report = seed(app, random.Random(287))  # noqa: S311 (sample data, not secrets)
    pages = {
        "queue": "/staff/",
        "report": f"/staff/reports/{report}",
        "statistics": "/staff/stats",
        "accounts": "/staff/users",
        "rules": "/staff/rules",
        "audit": "/staff/audit",
    }
    with served(app) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            sign_in(app, page, origin, ADMIN)
            page.wait_for_url(re.compile(r".*/staff/?$"))
            for name, path in pages.items():
                page.goto(origin + path)
                page.screenshot(path=str(out / f"{name}-{size}.png"))
                print(f"{name}-{size}.png")
            context.close()
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
