"""Staff log in (password and second factor), see processed reports urgent first, and read only
redacted text."""

from __future__ import annotations

import re

from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, StaffUser
from workers import tasks

from ..conftest import submit_report
from .helpers import PASSWORD, log_in, make_staff


def process_all() -> None:
    for report_id in db.session.scalars(select(Report.id).order_by(Report.id)).all():
        tasks.process_report.run(report_id)
    db.session.remove()


def test_users_create_hashes_password_with_argon2(app, ctx):
    make_staff(app)
    user = db.session.scalar(select(StaffUser))
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    again = app.test_cli_runner().invoke(
        args=["users", "create", "staff@example.org", "--password", PASSWORD]
    )
    assert again.exit_code != 0 and "already exists" in again.output


def test_queue_needs_login(client):
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_wrong_password_is_refused(app, client, ctx):
    email = make_staff(app)
    body = log_in(client, email, "wrong password!").get_data(as_text=True)
    assert "Wrong email or password." in body
    assert client.get("/staff/").status_code == 302


def test_queue_urgent_first_then_oldest_and_report_page_redacted(app, client, ctx):
    submit_report(client, narrative="Deputy Cole stopped my cousin Jaime Ortega for no reason.")
    submit_report(
        client,
        narrative="My son Pedro Lopez is in custody right now at the county jail.",
        detained_now="yes",
        urgent_signals=["in_custody_now"],
    )
    process_all()
    email = make_staff(app)
    assert log_in(client, email).status_code == 302

    queue = client.get("/staff/").get_data(as_text=True)
    ids = [int(i) for i in re.findall(r'href="/staff/reports/(\d+)"', queue)]
    reports = {r.id: r for r in db.session.scalars(select(Report))}
    assert [reports[i].urgent for i in ids] == [True, False]

    page = client.get(f"/staff/reports/{ids[0]}").get_data(as_text=True)
    assert "Pedro" not in page and "Lopez" not in page
    assert "[PERSON 1]" in page
    assert "Why it was routed here" in page and reports[ids[0]].queue in page
    other = client.get(f"/staff/reports/{ids[1]}").get_data(as_text=True)
    assert "Jaime" not in other and "Cole" in other


def test_report_not_processed_yet_shows_no_text(app, client, ctx):
    submit_report(client, narrative="My sister Lucia Vargas was taken at the jail.")
    email = make_staff(app)
    log_in(client, email)
    report_id = db.session.scalar(select(Report.id))
    page = client.get(f"/staff/reports/{report_id}").get_data(as_text=True)
    assert "Lucia" not in page and "Vargas" not in page
    assert "Not processed yet" in client.get("/staff/").get_data(as_text=True)


def test_export_prints_redacted_records_only(app, client, ctx):
    import json

    submit_report(
        client,
        narrative="Deputy Ramsey took my husband Miguel Delgado to jail.",
        contact_name="Rosa Delgado",
        contact_email="rosa@example.org",
        contact_phone="7135550142",
    )
    receipt_row = db.session.scalar(select(Report)).receipt_hash
    unprocessed = app.test_cli_runner().invoke(args=["reports", "export", "--format", "jsonl"])
    [pending] = [json.loads(line) for line in unprocessed.output.splitlines()]
    assert pending["processed_at"] is None and pending["narrative_redacted"] is None

    process_all()
    result = app.test_cli_runner().invoke(args=["reports", "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.output.splitlines()]
    for key in (
        "id",
        "status",
        "created_at",
        "processed_at",
        "language",
        "agency",
        "categories",
        "queue",
        "priority",
        "urgent",
        "routing",
        "summary",
        "narrative_redacted",
    ):
        assert key in record
    assert record["processed_at"] and isinstance(record["routing"], list) and record["routing"]
    # "took my husband to jail", time unclear: it might be urgent, so check now (never normal)
    level = (record["level"], record["priority"], record["urgent"])
    assert level == ("check-now", "check-now", False)
    for secret in ("Miguel", "Delgado", "Rosa", "rosa@example.org", "7135550142", receipt_row):
        assert secret not in result.output
