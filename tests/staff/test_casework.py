"""First response and referrals as facts, saved views, and redaction corrections."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import timedelta

from sqlalchemy import select

from intake.extensions import db
from intake.models import (
    AuditEvent,
    RedactionCorrection,
    Referral,
    Report,
    ReportMessage,
    StaffUser,
)
from intake.timeutil import utcnow

from .helpers import form_token, log_in, make_report, make_staff, save_actions


def page_of(client, path: str) -> str:
    return html.unescape(client.get(path).get_data(as_text=True))


def post(client, report_id: int, action: str, **data):
    data["csrf_token"] = form_token(client, f"/staff/reports/{report_id}")
    return client.post(f"/staff/reports/{report_id}/{action}", data=data)


def test_the_first_response_clock_stops_on_contact_not_on_a_status_change(app, client, ctx):
    report, _ = make_report(deadline_at=utcnow() - timedelta(hours=3))
    log_in(client, make_staff(app, "r@example.org"))
    token = form_token(client, f"/staff/reports/{report.id}")
    assert save_actions(client, report.id, token, status="in_review").status_code == 302
    db.session.expire_all()
    assert db.session.get(Report, report.id).first_response_at is None
    assert "overdue by 3 hr" in page_of(client, "/staff/")

    # A call nobody answered is logged but is not a response.
    at = (utcnow() - timedelta(hours=1)).replace(microsecond=0)
    local = at.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M")  # INTAKE_TIMEZONE is UTC here
    response = post(client, report.id, "contacts", at=local, method="phone", outcome="no_answer")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Report, report.id).first_response_at is None
    # Reaching the reporter stops the clock at the time of the call.
    post(client, report.id, "contacts", at=local, method="phone", outcome="reached", note="ok")
    db.session.expire_all()
    assert db.session.get(Report, report.id).first_response_at == at.replace(second=0)
    page = page_of(client, f"/staff/reports/{report.id}")
    assert "Phone call: Spoke with the reporter" in page and "Phone call: No answer" in page
    assert "overdue by" not in page_of(client, "/staff/")
    # A contact in the future, or of an unknown kind, is refused with a message.
    later = (utcnow() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    refused = post(client, report.id, "contacts", at=later, method="phone", outcome="reached")
    assert refused.status_code == 400 and "not later than now" in refused.get_data(as_text=True)
    assert (
        post(client, report.id, "contacts", at=local, method="fax", outcome="x").status_code == 400
    )


def test_a_message_to_the_reporter_stops_the_clock(app, client, ctx):
    report, _ = make_report()
    log_in(client, make_staff(app, "m@example.org"))
    post(client, report.id, "messages", body="Which jail?")
    db.session.expire_all()
    assert db.session.get(Report, report.id).first_response_at is not None


def test_a_referral_records_to_whom_when_reference_and_consent(app, client, ctx):
    report, _ = make_report(status="in_review")
    log_in(client, make_staff(app, "s@example.org", role="supervisor"))
    # "Referred" is not a bare status: the actions form refuses it.
    token = form_token(client, f"/staff/reports/{report.id}")
    assert save_actions(client, report.id, token, status="referred").status_code == 400
    missing = post(client, report.id, "referrals", destination="crcl", referred_on="2026-01-02")
    assert missing.status_code == 400 and "consented" in missing.get_data(as_text=True)
    done = post(
        client,
        report.id,
        "referrals",
        destination="ice_opr",
        referred_on="2026-01-02",
        reference="OPR-77",
        consented="yes",
    )
    assert done.status_code == 302
    db.session.expire_all()
    [referral] = db.session.scalars(select(Referral)).all()
    assert (referral.destination, referral.reference, referral.reporter_consented) == (
        "ice_opr",
        "OPR-77",
        True,
    )
    assert db.session.get(Report, report.id).status == "referred"
    page = page_of(client, f"/staff/reports/{report.id}")
    assert "ICE Office of Professional Responsibility (OPR)" in page and "OPR-77" in page
    stats = page_of(client, "/staff/stats")
    assert re.search(r"<td>ICE Office of Professional Responsibility \(OPR\)</td><td>1</td>", stats)


def test_saved_views(app, client, ctx):
    now = utcnow()
    email = make_staff(app, "v@example.org", role="supervisor")
    me = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
    mine, _ = make_report(assigned_to_id=me.id)
    urgent, _ = make_report(priority="urgent")
    check, _ = make_report(priority="check-now")
    overdue, _ = make_report(deadline_at=now - timedelta(hours=1))
    waiting, _ = make_report(status="waiting_reporter")
    replied, _ = make_report(reporter_replied_at=now)
    answered, _ = make_report(reporter_replied_at=now - timedelta(hours=2))
    db.session.add(
        ReportMessage(report_id=answered.id, sender="staff", body="Thanks", created_at=now)
    )
    db.session.commit()
    log_in(client, email)

    def view(name):
        body = client.get("/staff/", query_string={"view": name}).get_data(as_text=True)
        return sorted(
            int(i) for i in re.findall(r'class="row-link" href="/staff/reports/(\d+)"', body)
        )

    assert view("mine") == [mine.id]
    assert view("urgent_unassigned") == [urgent.id]
    assert view("check_now") == [check.id]
    assert view("overdue") == [overdue.id]
    assert view("waiting") == [waiting.id]
    assert view("new_message") == [replied.id]
    body = client.get("/staff/").get_data(as_text=True)
    assert re.search(r'Check now <span class="count">1</span>', body)
    assert "Check now</strong>" in body  # the level badge


def correction(client, report_id, **data):
    return post(client, report_id, "redaction", **data)


def test_staff_correct_the_redaction_and_every_output_uses_it(app, client, ctx):
    report, _ = make_report(
        narrative_redacted="Deputy Cole stopped [PERSON 1] on Main Street near Lot 7.",
        summary="- Deputy Cole stopped [PERSON 1] on Main Street near Lot 7.",
        summary_detail={"texts": {"en": "Stopped on Main Street.", "es": "En Main Street."}},
    )
    reviewer = make_staff(app, "rev@example.org")
    log_in(client, reviewer)
    assert (
        correction(
            client, report.id, kind="redact", text="Main Street", label="ADDRESS", why="exact place"
        ).status_code
        == 403
    )  # reviewers may not
    log_in(client, make_staff(app, "sup@example.org", role="supervisor"))
    done = correction(
        client,
        report.id,
        kind="redact",
        text="Main Street",
        label="ADDRESS",
        why="The street identifies the family",
    )
    assert done.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Report, report.id)
    assert "Main Street" not in saved.narrative_redacted + saved.summary
    assert saved.narrative_redacted == "Deputy Cole stopped [PERSON 1] on [ADDRESS] near Lot 7."
    assert all("Main Street" not in t for t in saved.summary_detail["texts"].values())
    # The kept officer tag still marks "Cole" (its offsets are before the change).
    assert saved.redaction["kept"] == [{"start": 7, "end": 11, "label": "OFFICER"}]

    # Restoring needs the word to be in the original; a wrong word is refused.
    wrong = correction(
        client,
        report.id,
        kind="restore",
        text="[PERSON 1]",
        word="Pedro",
        why="It is the deputy's partner",
    )
    assert wrong.status_code == 400 and "not in the original" in wrong.get_data(as_text=True)
    right = correction(
        client,
        report.id,
        kind="restore",
        text="[PERSON 1]",
        word="Jaime Ortega",
        why="He asked us to use his name",
    )
    assert right.status_code == 302
    db.session.expire_all()
    assert "Jaime Ortega" in db.session.get(Report, report.id).narrative_redacted

    # Every output uses the corrected text: the export, too.
    token = form_token(client, "/staff/export")
    rows = json.loads(
        client.post(
            "/staff/export", data={"csrf_token": token, "format": "json", "officers": "y"}
        ).get_data(as_text=True)
    )
    assert "[ADDRESS]" in rows[0]["narrative_redacted"]
    # Kind and label are counted; the text itself is never stored with the correction.
    corrections = db.session.scalars(select(RedactionCorrection)).all()
    assert [(c.kind, c.label) for c in corrections] == [
        ("redact", "ADDRESS"),
        ("restore", "PERSON"),
    ]
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "redaction.corrected")
    ).all()
    assert len(events) == 2 and "Main Street" not in json.dumps([e.detail for e in events])
    log_in(client, make_staff(app, "adm@example.org", role="admin"))
    counts = page_of(client, "/staff/redaction")
    assert re.search(r"ADDRESS</code></td><td>redacted more</td><td>1</td>", counts)
    audit = page_of(client, "/staff/audit")
    assert f"sup@example.org redacted a ADDRESS in report #{report.id} (1 places)" in audit


def test_partner_exports_can_be_limited_to_checked_reports(app, client, ctx):
    checked, _ = make_report()
    make_report()
    log_in(client, make_staff(app, "sup@example.org", role="supervisor"))
    assert post(client, checked.id, "redaction-checked", checked="y").status_code == 302
    assert "redaction checked" in page_of(client, f"/staff/reports/{checked.id}")
    token = form_token(client, "/staff/export")
    both = client.post("/staff/export", data={"csrf_token": token, "format": "csv"})
    only = client.post(
        "/staff/export", data={"csrf_token": token, "format": "csv", "checked_only": "y"}
    )
    assert len(list(csv.DictReader(io.StringIO(both.get_data(as_text=True))))) == 2
    [row] = csv.DictReader(io.StringIO(only.get_data(as_text=True).lstrip("\ufeff")))
    assert row["id"] == str(checked.id) and "Deputy" in row["narrative_redacted"]
    bare = client.post(
        "/staff/export", data={"csrf_token": token, "format": "json", "no_free_text": "y"}
    )
    records = json.loads(bare.get_data(as_text=True))
    assert all(r["narrative_redacted"] is None and r["summary"] is None for r in records)
