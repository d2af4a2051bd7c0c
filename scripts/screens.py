"""`make screens`: Chromium screenshots of the staff pages into docs/screens/.

Builds a throwaway embedded install (SQLite in a temporary folder), seeds 30 reports through
the real pipeline (anonymizer, router, summarizer), a few conversations, contacts, referrals and
corrections, serves it on a free port and photographs the queue, a report, statistics,
accounts, rules and the audit log at 1280×800 and 390×844. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import random
import re
import secrets
import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

import pyotp
from cryptography.fernet import Fernet
from werkzeug.serving import make_server

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from intake import create_app  # noqa: E402
from intake.config import AGENCY_SEED, from_environment  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
# A throwaway install that lives for one run in a temporary folder.
PASSWORD = secrets.token_urlsafe(16)

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


def build_app(instance: Path):  # noqa: ANN201
    env = {
        "INTAKE_INSTANCE": str(instance),
        "SECRET_KEY": "screens-" + Fernet.generate_key().decode(),
        "INTAKE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "INTAKE_TIMEZONE": "America/Chicago",
        "PUBLIC_BASE_URL": "http://127.0.0.1:8080",
    }
    config = from_environment(env)
    config["RATELIMIT_ENABLED"] = False
    return create_app(config)


def seed(app, rng: random.Random) -> dict[str, int]:  # noqa: ANN001, C901
    from flask_migrate import upgrade
    from sqlalchemy import select

    from intake.agencies.importer import import_agencies
    from intake.auth.cli import create_user
    from intake.extensions import db
    from intake.models import Agency, Report, ReportMessage, ReportNote, StaffUser
    from intake.models.audit import audit
    from intake.public.receipts import new_receipt, receipt_hash
    from intake.staff.actions import save_actions
    from intake.staff.casework import record_contact, record_referral
    from intake.staff.redaction import correct_narrative, correction_from
    from intake.timeutil import utcnow
    from workers import tasks

    with app.app_context():
        upgrade()
        for path in sorted(AGENCY_SEED.parent.glob("*.*")):
            import_agencies(path)
        staff = {}
        for email, role in (
            ("ana.garcia@legalaid.example", "admin"),
            ("ben.okafor@legalaid.example", "supervisor"),
            ("carmen.ruiz@legalaid.example", "reviewer"),
            ("dev.patel@legalaid.example", "reviewer"),
        ):
            user, _ = create_user(email, role, PASSWORD)
            user.totp_secret = pyotp.random_base32()
            user.totp_enabled_at = utcnow()
            staff[email.split(".")[0]] = user
        staff["carmen"].queues = ["rapid-response"]
        db.session.commit()
        admin = staff["ana"]
        agencies = db.session.scalars(
            select(Agency).where(Agency.state.in_(("TX", "FL"))).limit(40)
        ).all()
        now = utcnow()
        ids = []
        for index in range(30):
            spanish = index % 3 == 1
            texts, codes = (
                (NARRATIVES_ES, CATEGORIES_ES) if spanish else (NARRATIVES_EN, CATEGORIES_EN)
            )
            choice = rng.randrange(len(texts))
            template = texts[choice]
            narrative = template.format(
                officer=rng.choice(OFFICERS),
                name=rng.choice(NAMES),
                county=rng.choice(COUNTIES),
                street=f"{rng.randint(100, 9999)} Airline Drive",
                badge=rng.randint(1000, 9999),
            )
            agency = rng.choice(agencies) if rng.random() < 0.8 else None
            report = Report(
                receipt_hash=receipt_hash(new_receipt()),
                language="es" if spanish else "en",
                created_at=now - timedelta(hours=rng.uniform(0.2, 24 * 9)),
                incident_date=date.today() - timedelta(days=rng.randint(1, 40)),
                city=rng.choice(CITIES[agency.state if agency else "TX"]),
                state=agency.state if agency else "TX",
                agency_id=agency.id if agency else None,
                agency_choice="listed" if agency else "unknown",
                categories=codes[choice],
                narrative=narrative,
                contact_name=rng.choice(NAMES) if rng.random() < 0.6 else None,
                contact_phone=f"713555{rng.randint(1000, 9999)}" if rng.random() < 0.5 else None,
                consent_review=True,
                consent_referral=rng.random() < 0.6,
                urgent_signals=["in_custody_now"]
                if "jail" in narrative and rng.random() < 0.5
                else [],
                detained_now="yes" if "right now" in narrative or "detenida" in narrative else None,
            )
            db.session.add(report)
            db.session.commit()
            ids.append(report.id)
        staff_ids = {key: user.id for key, user in staff.items()}
        db.session.remove()
        for report_id in ids:
            tasks.process_report.run(report_id)
            db.session.remove()

        # The pipeline runs in its own sessions: load the accounts again.
        staff = {key: db.session.get(StaffUser, user_id) for key, user_id in staff_ids.items()}
        admin = staff["ana"]
        reviewers = [staff["ben"], staff["carmen"], staff["dev"]]
        reports = db.session.scalars(select(Report).order_by(Report.id)).all()
        for report in reports[::3]:
            loaded = {"status": report.status, "assignee": None, "labels": []}
            save_actions(
                report,
                rng.choice(reviewers),
                {"status": "in_review", "assignee": rng.choice(reviewers).id, "labels": []},
                loaded,
            )
        for report in reports[1::5]:
            db.session.add(
                ReportMessage(
                    report_id=report.id,
                    sender="staff",
                    author_id=staff["carmen"].id,
                    body="Thank you for writing. Which jail is he in, and since when?",
                    created_at=report.created_at + timedelta(hours=3),
                )
            )
            report.first_response_at = report.created_at + timedelta(hours=3)
        for report in reports[2::7]:
            db.session.add(
                ReportMessage(
                    report_id=report.id,
                    sender="reporter",
                    body="He is in the county jail since Monday.",
                    body_redacted="He is in the county jail since Monday.",
                    redacted_at=now,
                    created_at=now - timedelta(hours=1),
                )
            )
            report.reporter_replied_at = now - timedelta(hours=1)
        for report in reports[4::6]:
            record_contact(
                report,
                staff["ben"],
                report.created_at + timedelta(hours=rng.uniform(1, 30)),
                "phone",
                rng.choice(["reached", "left_message", "no_answer"]),
                None,
            )
        for report, destination in zip(
            reports[5::8], ("crcl", "attorney", "ice_opr", "dhs_oig"), strict=False
        ):
            if report.status == "new":
                save_actions(report, staff["ben"], {"status": "in_review"}, {"status": "new"})
            record_referral(
                report,
                staff["ben"],
                destination=destination,
                destination_other="Texas Civil Rights Project"
                if destination == "attorney"
                else None,
                referred_on=date.today() - timedelta(days=1),
                reference=f"2026-{rng.randint(10000, 99999)}",
                consented=True,
            )
        # The report photographed: a reply from the reporter, a note, a reveal, a correction.
        target = reports[2]
        db.session.add(
            ReportNote(
                report_id=target.id,
                author_id=admin.id,
                body="Called the family; will call back at 5.",
            )
        )
        audit(
            "report.reveal",
            actor=staff["ben"],
            report_id=target.id,
            reason="Calling the family back about the ICE hold",
        )
        match = re.search(
            r"\b(Highway 6|Airline Drive|Monday|lunes)\b", target.narrative_redacted or ""
        )
        if match:
            correct_narrative(
                target,
                correction_from(
                    "redact", match.group(0), "ADDRESS", "", "Exact place identifies the family"
                ),
                staff["ben"],
            )
        db.session.commit()
        return {"report": target.id}


def serve(app) -> tuple[str, object]:  # noqa: ANN001
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def log_in(page, origin: str, email: str, secret: str) -> None:  # noqa: ANN001
    page.goto(origin + "/staff/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/staff/?$"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screens"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    from sqlalchemy import select

    with tempfile.TemporaryDirectory() as folder:
        app = build_app(Path(folder))
        found = seed(app, random.Random(287))  # noqa: S311 (sample data, not secrets)
        with app.app_context():
            from intake.extensions import db
            from intake.models import StaffUser

            admin = db.session.scalar(select(StaffUser).where(StaffUser.role == "admin"))
            email, secret = admin.email, admin.totp_secret
        origin, server = serve(app)
        pages = {
            "queue": "/staff/",
            "report": f"/staff/reports/{found['report']}",
            "statistics": "/staff/stats",
            "accounts": "/staff/users",
            "rules": "/staff/rules",
            "audit": "/staff/audit",
        }
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                log_in(page, origin, email, secret)
                for name, path in pages.items():
                    page.goto(origin + path)
                    page.screenshot(path=str(out / f"{name}-{size}.png"))
                    print(f"{name}-{size}.png")
                context.close()
                # The next login needs a fresh one-time code (a code is accepted once).
                with app.app_context():
                    from intake.extensions import db
                    from intake.models import StaffUser

                    db.session.get(StaffUser, admin.id).totp_last_step = None
                    db.session.commit()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
