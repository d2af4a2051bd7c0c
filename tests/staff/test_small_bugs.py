"""The smaller bugs of the staff workspace issue, one test each."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from sqlalchemy import func, select

from intake.config import from_environment
from intake.extensions import db
from intake.models import Agency, StaffUser
from intake.timeutil import utcnow

from .helpers import form_token, log_in, make_report, make_staff


def test_a_fresh_install_sends_the_admin_a_weekly_digest(app, ctx):
    runner = app.test_cli_runner()
    setup = runner.invoke(args=["setup"])
    assert setup.exit_code == 0, setup.output
    assert "admin@localhost" in setup.output
    result = runner.invoke(args=["digest", "send", "--period", "weekly", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "To: admin@localhost" in result.output
    assert "dry run: 1 weekly digest(s) built" in result.output


def test_users_create_accepts_the_local_admin_address(app, ctx):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "Second@LOCALHOST", "--generate"]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == "second@localhost"))
    assert user.role == "reviewer"  # the default role
    bad = app.test_cli_runner().invoke(args=["users", "create", "not an address", "--generate"])
    assert bad.exit_code != 0


def test_accounts_default_to_reviewer_and_queues_must_exist(app, client, ctx):
    log_in(client, make_staff(app, "admin@example.org", role="admin"))
    token = form_token(client, "/staff/users")
    page = client.get("/staff/users").get_data(as_text=True)
    assert '<option value="reviewer" selected>Reviewer</option>' in page
    assert "Reads the reports of their queues" in page  # roles in words
    created = client.post(
        "/staff/users", data={"csrf_token": token, "email": "new@example.org", "queues": "legal"}
    )
    assert created.status_code == 200
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == "new@example.org"))
    assert (user.role, user.queues) == ("reviewer", ["legal"])
    refused = client.post(
        "/staff/users", data={"csrf_token": token, "email": "x@example.org", "queues": "Legal!"}
    )
    assert refused.status_code == 302
    assert "There is no queue called Legal!" in client.get("/staff/users").get_data(as_text=True)
    assert db.session.scalar(select(StaffUser).where(StaffUser.email == "x@example.org")) is None
    changed = client.post(
        f"/staff/users/{user.id}/queues",
        data={"csrf_token": token, "queues": ["nowhere"]},
    )
    assert changed.status_code == 302
    db.session.expire_all()
    assert db.session.get(StaffUser, user.id).queues == ["legal"]


def test_the_queue_given_a_queue_that_does_not_exist_says_so(app, client, ctx):
    report, _ = make_report()
    log_in(client, make_staff(app, "q@example.org"))
    page = client.get("/staff/?queue=Legal").get_data(as_text=True)
    assert "There is no queue called “Legal”" in page
    assert f'href="/staff/reports/{report.id}"' in page
    # The filters are choices: the queue and language are selects with the real options.
    assert '<select name="queue">' in page and '<option value="legal"' in page
    assert '<select name="language">' in page and '<option value="es"' in page


def test_links_in_emails_use_public_base_url_or_the_port(tmp_path):
    env = {"SECRET_KEY": "x" * 32, "INTAKE_ENCRYPTION_KEYS": "y", "INTAKE_INSTANCE": str(tmp_path)}
    assert from_environment({**env, "PORT": "8080"})["PUBLIC_BASE_URL"] == "http://127.0.0.1:8080"
    named = from_environment({**env, "PUBLIC_BASE_URL": "https://intake.example.org"})
    assert named["PUBLIC_BASE_URL"] == "https://intake.example.org"


def test_related_reports_use_the_incident_date(app, client, ctx):
    agency = db.session.scalar(select(Agency).limit(1))
    incident = date(2026, 3, 1)
    plain = {"narrative_redacted": "Stopped at the jail.", "redaction": {"kept": []}}
    report, _ = make_report(agency_id=agency.id, incident_date=incident, **plain)
    # Reported months apart, but the incidents were days apart: related.
    close, _ = make_report(
        agency_id=agency.id,
        incident_date=incident + timedelta(days=3),
        created_at=utcnow() - timedelta(days=90),
        **plain,
    )
    # Reported the same day, but the incident was a year earlier: not related.
    make_report(agency_id=agency.id, incident_date=incident - timedelta(days=365), **plain)
    log_in(client, make_staff(app, "r@example.org"))
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    related = page.split('id="related-h"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"/staff/reports/(\d+)", related) == [str(close.id)]
    assert "first version" not in page


def test_a_curly_apostrophe_does_not_make_a_second_agency(app, ctx, tmp_path):
    sheet = tmp_path / "agencies.csv"
    sheet.write_text(
        "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED\n"
        "TEXAS,Quote County Sheriff\u2019s Office,County,Quote,Task Force Model,\n"
        "TEXAS,Quote County Sheriff's Office,County,Quote,Jail Enforcement Model,\n",
        encoding="utf-8",
    )
    app.test_cli_runner().invoke(args=["agencies", "import", str(sheet)])
    rows = db.session.scalars(select(Agency).where(Agency.name.like("Quote County%"))).all()
    assert [(a.name, sorted(a.models)) for a in rows] == [
        ("Quote County Sheriff's Office", ["JEM", "TFM"])
    ]


def test_the_csv_export_starts_with_a_byte_order_mark(app, client, ctx):
    make_report(city="Cárcel")
    log_in(client, make_staff(app, "s@example.org", role="supervisor"))
    token = form_token(client, "/staff/export")
    body = client.post("/staff/export", data={"csrf_token": token, "format": "csv"}).data
    assert body.startswith(b"\xef\xbb\xbf") and "Cárcel".encode() in body


def test_reports_export_hides_officer_names_unless_asked(app, ctx):
    make_report()
    runner = app.test_cli_runner()
    plain = json.loads(runner.invoke(args=["reports", "export"]).output.splitlines()[0])
    assert "Cole" not in plain["narrative_redacted"] and "[OFFICER]" in plain["narrative_redacted"]
    full = runner.invoke(args=["reports", "export", "--officers"]).output
    assert "Cole" in json.loads(full.splitlines()[0])["narrative_redacted"]


def test_head_of_the_form_is_not_a_bad_request(client):
    assert client.head("/report").status_code == 200


def test_staff_errors_use_the_staff_layout(app, client, ctx):
    log_in(client, make_staff(app, "r@example.org"))
    missing = client.get("/staff/nowhere")
    body = missing.get_data(as_text=True)
    assert missing.status_code == 404 and "Quick exit" not in body and "Back to the queue" in body
    forbidden = client.get("/staff/users")
    body = forbidden.get_data(as_text=True)
    assert forbidden.status_code == 403
    assert "Your account may not open this page" in body and "Log out" in body
    public = client.get("/nowhere").get_data(as_text=True)
    assert "Quick exit" in public


def test_staff_pages_speak_the_account_language(app, client, ctx):
    make_report()
    log_in(client, make_staff(app, "es@example.org", language="es"))
    page = client.get("/staff/").get_data(as_text=True)
    assert '<html lang="es"' in page and "Reportes por revisar" in page
    assert "Revisar ya" in page and "Más filtros" in page
    # Each member sets their own language on the settings page.
    token = form_token(client, "/staff/settings/digests")
    client.post("/staff/settings/language", data={"csrf_token": token, "language": "en"})
    assert "Reports to review" in client.get("/staff/").get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(StaffUser)) == 1


def test_the_rules_page_reads_as_a_table_in_words(app, client, ctx):
    log_in(client, make_staff(app, "admin@example.org", role="admin"))
    page = client.get("/staff/rules").get_data(as_text=True)
    table = page.split("Rules, top to bottom", 1)[1].split("</table>", 1)[0]
    assert "<th scope=\"col\">When it applies</th>" in table and "What it does" in table
    assert "urgent signals found: at least one" in table  # not "urgent is not empty"
    assert "the reporter can be contacted: no" in table
    # The YAML is behind a fold, wrapped.
    assert '<details class="rules-file"><summary>The rules file (YAML)</summary>' in page
