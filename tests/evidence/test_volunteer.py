"""A volunteer enters a report for someone: the public form's questions, the channel, the
language spoken and the consent script; a receipt is produced; the report goes through the
pipeline like any other and records who entered it; the volunteer sees only their entries."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

from intake.extensions import db
from intake.models import Attachment, AuditEvent, Report
from intake.public.receipts import receipt_hash

from ..staff.conftest import browser
from ..staff.helpers import form_token, log_in, make_report, make_staff
from .helpers import receipt_code


def entry(client, **fields):
    data = {
        "csrf_token": form_token(client, "/staff/intake/new"),
        "narrative": "Caller says the deputy stopped her husband and asked where he was born.",
        "state": "TX",
        "agency": "unknown",
        "channel": "phone",
        "spoken_language": "es",
        "script_read": "y",
        "consent_review": "y",
        "consent_statistics": "y",
        **fields,
    }
    return client.post("/staff/intake/new", data=data, content_type="multipart/form-data")


def test_a_volunteer_enters_a_report_and_gets_a_receipt(app, ctx, evidence):
    make_staff(app, "vol@example.org", role="volunteer")
    volunteer = browser(app)
    landing = log_in(volunteer, "vol@example.org")
    assert landing.headers["Location"].endswith("/staff/intake/mine")
    form = volunteer.get("/staff/intake/new?spoken=es").get_data(as_text=True)
    # The script in the language the person spoke, the questions of the public form.
    assert "¿Está de acuerdo" in form
    assert 'name="narrative"' in form and 'name="categories"' in form and 'name="files"' in form

    response = entry(volunteer, files=[(io.BytesIO(evidence["note.ogg"]), "note.ogg")])
    body = response.get_data(as_text=True)
    assert response.status_code == 200, body[:3000]
    code = receipt_code(body)
    assert "código de recibo" in body  # the message to send the person, in Spanish
    report = db.session.scalar(select(Report).where(Report.receipt_hash == receipt_hash(code)))
    assert report.channel == "phone" and report.spoken_language == "es"
    assert report.entered_by_id is not None and report.contact_phone is None
    assert report.consent_review and report.consent_statistics and not report.consent_referral
    assert report.pipeline_state == "received" and report.enqueued_at is not None
    [attachment] = db.session.scalars(select(Attachment)).all()
    assert attachment.source == "volunteer" and attachment.report_id == report.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "report.entered"))
    assert event.actor_email == "vol@example.org" and event.report_id == report.id

    # The receipt works on the public follow-up page like any other.
    follow = volunteer.post(
        "/follow-up", data={"csrf_token": form_token(volunteer, "/follow-up"), "code": code}
    )
    assert "We could not open a report" not in follow.get_data(as_text=True)

    # A volunteer sees the reports they entered, and no other.
    other, _ = make_report()
    mine = volunteer.get("/staff/intake/mine").get_data(as_text=True)
    assert f"#{report.id}" in mine and f"#{other.id}<" not in mine
    assert volunteer.get(f"/staff/intake/reports/{report.id}").status_code == 200
    assert volunteer.get(f"/staff/intake/reports/{other.id}").status_code == 404
    assert volunteer.get("/staff/").status_code == 403
    assert volunteer.get(f"/staff/reports/{other.id}").status_code == 403


def test_the_script_must_be_read_and_consent_given(app, ctx):
    make_staff(app, "vol@example.org", role="volunteer")
    volunteer = browser(app)
    log_in(volunteer, "vol@example.org")
    response = entry(volunteer, script_read="", consent_review="")
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Read the consent script" in body and "cannot be taken" in body
    assert "Caller says the deputy" in body  # nothing typed is lost
    assert db.session.scalar(select(Report)) is None


def test_an_account_entering_too_many_is_flagged_once(app, ctx):
    app.config["VOLUNTEER_FLAG_PER_HOUR"] = 2
    try:
        make_staff(app, "busy@example.org", role="reviewer")
        client = browser(app)
        log_in(client, "busy@example.org")
        for n in range(4):
            assert entry(client, narrative=f"Report number {n} from the clinic.").status_code == 200
    finally:
        app.config["VOLUNTEER_FLAG_PER_HOUR"] = 20
    flags = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "volunteer.flagged")
    ).all()
    assert len(flags) == 1 and flags[0].detail["count"] == 3
    assert re.search(r"busy@example.org", str(flags[0].target_user_id)) is None


def test_the_state_button_shows_its_agencies_and_saves_nothing(app, ctx):
    make_staff(app, "vol@example.org", role="volunteer")
    volunteer = browser(app)
    log_in(volunteer, "vol@example.org")
    narrative = "Caller says deputies at the county jail held her brother past his release."
    body = entry(volunteer, show_agencies="y", state="FL", narrative=narrative).get_data(
        as_text=True
    )
    assert '<optgroup label="Florida">' in body and narrative in body
    assert 'class="error"' not in body and "autofocus" in body
    assert db.session.scalar(select(Report)) is None
