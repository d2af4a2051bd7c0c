"""A report from new to closed: notes, assignment, labels, a reveal with a reason, the audit log;
and two staff editing at once cannot overwrite each other."""

from __future__ import annotations

import html
import re

from sqlalchemy import select

from intake.extensions import db
from intake.models import AuditEvent, Report, ReportNote, StaffUser, StatusChange
from workers import tasks

from ..conftest import submit_report
from .conftest import browser
from .helpers import form_token, log_in, make_report, make_staff, save_actions


def report_token(client, report_id):
    return form_token(client, f"/staff/reports/{report_id}")


def post(client, report_id, action, **data):
    data["csrf_token"] = report_token(client, report_id)
    return client.post(f"/staff/reports/{report_id}/{action}", data=data)


def test_new_to_closed_with_notes_and_a_reveal(app, client, ctx):
    submit_report(
        client,
        narrative="Deputy Ramsey took my husband Miguel Delgado to the county jail.",
        contact_name="Rosa Delgado",
        contact_phone="7135550142",
    )
    report_id = db.session.scalar(select(Report.id))
    tasks.process_report.run(report_id)
    db.session.remove()

    reviewer = make_staff(app, "reviewer@example.org", role="reviewer")
    supervisor = make_staff(app, "supervisor@example.org", role="supervisor")
    admin = make_staff(app, "admin@example.org", role="admin")
    log_in(client, reviewer)

    page = client.get(f"/staff/reports/{report_id}").get_data(as_text=True)
    assert "Miguel" not in page and "Rosa" not in page and "7135550142" not in page
    assert 'class="kept"' in page  # the kept officer tag is highlighted
    assert "Reveal" not in page  # a reviewer cannot reveal

    for status in ("in_review", "waiting_reporter"):
        response = save_actions(client, report_id, report_token(client, report_id), status=status)
        assert response.status_code == 302, status
    # "Referred" is a referral recorded: to whom, when, the reference, the consent.
    response = post(
        client,
        report_id,
        "referrals",
        destination="crcl",
        referred_on="2026-01-05",
        reference="CRCL-2026-0042",
        consented="yes",
    )
    assert response.status_code == 302
    response = save_actions(client, report_id, report_token(client, report_id), status="resolved")
    assert response.status_code == 302
    response = post(
        client, report_id, "notes", body="<script>alert(1)</script> Called back, <b>no answer</b>."
    )
    assert response.status_code == 302
    page = client.get(f"/staff/reports/{report_id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;no answer" in page
    # A status that cannot follow the current one is refused.
    assert (
        save_actions(client, report_id, report_token(client, report_id), status="new").status_code
        == 400
    )
    client.post("/staff/logout", data={"csrf_token": report_token(client, report_id)})

    log_in(client, supervisor)
    # A reveal needs a reason ...
    response = post(client, report_id, "reveal", reason="")
    assert response.status_code == 400
    assert "Miguel" not in response.get_data(as_text=True)
    # ... and with one, shows the original once, without caching.
    response = post(client, report_id, "reveal", reason="Calling the family back about the hold")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "Miguel Delgado" in body and "Rosa Delgado" in body and "7135550142" in body
    assert "Miguel" not in client.get(f"/staff/reports/{report_id}").get_data(as_text=True)

    reviewer_id = db.session.scalar(select(StaffUser.id).where(StaffUser.email == reviewer))
    token = report_token(client, report_id)
    assert save_actions(client, report_id, token, assignee=str(reviewer_id)).status_code == 302
    labels = "detainer, Harris County, detainer"
    assert save_actions(client, report_id, token, labels=labels).status_code == 302
    assert save_actions(client, report_id, token, status="closed").status_code == 302

    db.session.expire_all()
    report = db.session.get(Report, report_id)
    assert report.status == "closed" and report.closed_at is not None
    assert report.assigned_to_id == reviewer_id
    assert report.labels == ["detainer", "Harris County"]
    history = db.session.scalars(select(StatusChange).order_by(StatusChange.id)).all()
    assert [(h.from_status, h.to_status) for h in history] == [
        ("new", "in_review"),
        ("in_review", "waiting_reporter"),
        ("waiting_reporter", "referred"),
        ("referred", "resolved"),
        ("resolved", "closed"),
    ]
    assert [h.actor.email for h in history] == [reviewer] * 4 + [supervisor]
    [note] = db.session.scalars(select(ReportNote)).all()
    assert note.body.startswith("<script>")
    stored = db.session.execute(db.text("select body from report_note")).scalar()
    assert "script" not in stored  # encrypted at rest

    page = client.get(f"/staff/reports/{report_id}").get_data(as_text=True)
    assert "Calling the family back about the hold" in page  # who revealed, and why
    assert re.search(r"Resolved\s*→\s*Closed", page)
    client.post("/staff/logout", data={"csrf_token": report_token(client, report_id)})

    log_in(client, admin)
    audit = client.get("/staff/audit").get_data(as_text=True)
    # The audit log reads as sentences, never as `frm=None`.
    for sentence in (
        f"{supervisor} revealed report #{report_id}: reason “Calling the family back",
        f"{reviewer} moved report #{report_id} from New to In review",
        f"{supervisor} assigned report #{report_id} to {reviewer}",
        f"{reviewer} referred report #{report_id} to DHS Office for Civil Rights",
        f"{admin} logged in",
    ):
        assert sentence in html.unescape(audit), sentence
    assert "frm=" not in audit and "None" not in audit
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions.count("report.status") == 5 and actions.count("report.reveal") == 1


def test_two_staff_editing_cannot_overwrite_each_other(app, ctx):
    report, _ = make_report()
    first, second = browser(app), browser(app)
    log_in(first, make_staff(app, "a@example.org", role="supervisor"))
    log_in(second, make_staff(app, "b@example.org", role="supervisor"))
    b_id = db.session.scalar(select(StaffUser.id).where(StaffUser.email == "b@example.org"))
    # Both open the report: status new, nobody assigned, no labels.
    token_a, token_b = report_token(first, report.id), report_token(second, report.id)
    shown = {"was_status": "new", "was_assignee": "", "was_labels": ""}
    path = f"/staff/reports/{report.id}/actions"
    ok = first.post(
        path,
        data={"csrf_token": token_a, **shown, "status": "in_review", "assignee": "", "labels": ""},
    )
    assert ok.status_code == 302
    # B changed other fields only (assignee, labels) and left the status as shown: no conflict.
    independent = second.post(
        path,
        data={
            "csrf_token": token_b,
            **shown,
            "status": "new",
            "assignee": str(b_id),
            "labels": "detainer",
        },
    )
    assert independent.status_code == 302
    # B, from the same old page, now changes the status too: the same field, a conflict.
    late = second.post(
        path,
        data={"csrf_token": token_b, **shown, "status": "closed", "assignee": "", "labels": ""},
    )
    assert late.status_code == 409
    body = late.get_data(as_text=True)
    assert "Someone else changed the status" in body
    db.session.expire_all()
    saved = db.session.get(Report, report.id)
    assert saved.status == "in_review" and saved.labels == ["detainer"]
    assert saved.assigned_to_id == b_id  # the stale form's "nobody" overwrote nothing


def test_forged_csrf_is_refused(app, client, ctx):
    report, _ = make_report()
    log_in(client, make_staff(app, "s@example.org", role="supervisor"))
    for action, data in (
        ("actions", {"status": "in_review", "was_status": "new"}),
        ("reveal", {"reason": "a perfectly good reason"}),
        ("notes", {"body": "x"}),
    ):
        response = client.post(
            f"/staff/reports/{report.id}/{action}", data={**data, "csrf_token": "forged"}
        )
        assert response.status_code == 400, action
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "report.reveal")) is None
    db.session.expire_all()
    assert db.session.get(Report, report.id).status == "new"


def test_reviewer_limited_to_queues_does_not_see_others(app, client, ctx):
    visible, _ = make_report(queue="detention")
    hidden, _ = make_report(queue="intake", narrative_redacted="Nothing to see for you.")
    log_in(client, make_staff(app, "q@example.org", queues=["detention"]))
    page = client.get("/staff/").get_data(as_text=True)
    assert f"/staff/reports/{visible.id}" in page and f"/staff/reports/{hidden.id}" not in page
    assert client.get(f"/staff/reports/{hidden.id}").status_code == 404
