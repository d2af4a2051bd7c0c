"""NUL, other control characters and bidi overrides in every field (cleaned once at the edge,
and by the worker for what it stores); repeated values; a 413 or a 500 on the report form that
keeps what was typed."""

from __future__ import annotations

import re

from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, ReportMessage, ReportNote
from intake.untrusted import clean_text
from workers import tasks

from .conftest import csrf_token, submit_report
from .robustness.test_xss_payloads import TEXT_FIELDS
from .staff.conftest import browser
from .staff.helpers import form_token, log_in, make_report, make_staff

HOSTILE = "a\x00b\x01c\x1b[31m\u202eevil\u202c\u2066x\u2069\r\nnext\rline\tend\x85"
CLEAN = "abc[31mevilx\nnext\nline\tend"


def stored_text(report: Report) -> list[str]:
    names = ["narrative", *TEXT_FIELDS]
    return [getattr(report, name) or "" for name in names]


def test_clean_text_keeps_tabs_newlines_and_letters_only():
    assert clean_text(HOSTILE) == CLEAN
    assert clean_text("Señora Núñez\u200f dijo") == "Señora Núñez\u200f dijo"  # marks stay


def test_nul_and_bidi_in_every_public_field_are_stored_clean_and_processed(app, ctx):
    fields = {name: HOSTILE for name in TEXT_FIELDS}
    submit_report(browser(app), narrative="The deputy said " + HOSTILE, **fields)
    report = db.session.scalar(select(Report))
    for value in stored_text(report):
        assert not re.search("[\x00-\x08\x0b-\x1f\u202a-\u202e\u2066-\u2069]", value), value
    assert tasks.process_report.run(report.id) == "processed"


def test_a_stored_nul_does_not_make_a_report_unprocessable(app, ctx):
    # A row from before the edge cleaned input (the narrative is encrypted, so it could hold one).
    report, _ = make_report(
        narrative="They took him\x00 at the jail \u202eto ICE", pipeline_state="received"
    )
    assert tasks.process_report.run(report.id) == "processed"
    db.session.expire_all()
    assert "\x00" not in db.session.get(Report, report.id).narrative_redacted


def test_nul_in_a_reply_and_in_staff_fields(app, ctx):
    _, code = make_report()
    reporter = browser(app)
    answer = reporter.post(
        "/follow-up",
        data={"csrf_token": csrf_token(reporter, "/follow-up"), "code": code, "body": HOSTILE},
    )
    assert answer.status_code == 200
    message = db.session.scalar(select(ReportMessage))
    assert message.body == CLEAN
    assert tasks.redact_message.run(message.id) == "redacted"

    staff = browser(app)
    log_in(staff, make_staff(app, "nul@example.org", role="admin"))
    report_id = message.report_id
    token = form_token(staff, f"/staff/reports/{report_id}")
    staff.post(f"/staff/reports/{report_id}/notes", data={"csrf_token": token, "body": HOSTILE})
    note = db.session.scalar(select(ReportNote))
    assert note is not None and "\x00" not in note.body and "\u202e" not in note.body
    assert staff.get("/staff/?q=a%00b&city=%00").status_code == 200


def test_a_value_sent_many_times_is_stored_once(app, ctx):
    submit_report(browser(app), categories=["profiling"] * 10_000 + ["traffic_stop"])
    assert db.session.scalar(select(Report)).categories == ["profiling", "traffic_stop"]


def test_a_body_too_large_shows_the_form_again_with_the_narrative(client):
    token = csrf_token(client)
    narrative = "They took my brother at the jail. " + "x" * 600_000
    response = client.post(
        "/report", data={"csrf_token": token, "narrative": narrative, "city": "Dalton"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 413 and "too large" in body
    assert "They took my brother at the jail." in body and 'value="Dalton"' in body


# A 500 on the report form (the database dropping mid-request) keeps the narrative:
# tests/robustness/test_database_drops.py (assert_clean_failure).


def test_a_stored_repetition_counts_once_in_the_aggregate_export(app, ctx):
    import csv
    import io

    from intake.staff.exports import aggregate_csv
    from intake.suppression import FEWER_THAN

    report, _ = make_report(categories=["profiling"] * 10_000)
    rows = list(csv.reader(io.StringIO(aggregate_csv([report]))))
    assert ["category", "profiling", FEWER_THAN] in rows
