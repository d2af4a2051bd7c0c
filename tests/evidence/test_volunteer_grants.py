"""A volunteer sees only the reports they entered until a supervisor grants more
(intake/volunteer/grants.py): the grant needs a reason, is audited, is limited to queues, and a
revoke takes effect on the volunteer's next page."""

from __future__ import annotations

from sqlalchemy import select

from intake.extensions import db
from intake.models import AuditEvent, StaffUser, VolunteerGrant
from intake.staff.audit_text import describe

from ..staff.conftest import browser
from ..staff.helpers import form_token, log_in, make_report, make_staff

PAGE = "/staff/intake/volunteers"


def volunteer_id() -> int:
    return db.session.scalar(select(StaffUser.id).where(StaffUser.email == "vol@example.org"))


def post(client, action: str, **data):
    data = {"csrf_token": form_token(client, PAGE), **data}
    return client.post(f"/staff/intake/volunteers/{volunteer_id()}/{action}", data=data)


def test_a_supervisor_grants_and_revokes_what_a_volunteer_sees(app, ctx):
    make_staff(app, "vol@example.org", role="volunteer")
    make_staff(app, "sup@example.org", role="supervisor")
    volunteer, supervisor = browser(app), browser(app)
    log_in(volunteer, "vol@example.org")
    log_in(supervisor, "sup@example.org")
    detained, _ = make_report(queue="detention")
    other, _ = make_report(queue="general")
    assert volunteer.get("/staff/").status_code == 403
    assert volunteer.get(f"/staff/reports/{detained.id}").status_code == 403
    assert volunteer.get(PAGE).status_code == 403  # granting is a supervisor's

    page = supervisor.get(PAGE).get_data(as_text=True)
    assert "vol@example.org" in page and "Sees only the reports they entered." in page
    # No reason, no grant.
    post(supervisor, "grant", queues="detention", reason="  ")
    assert db.session.scalar(select(VolunteerGrant)) is None

    post(supervisor, "grant", queues="detention", reason="Runs the detention hotline")
    assert volunteer.get("/staff/").status_code == 200
    assert volunteer.get(f"/staff/reports/{detained.id}").status_code == 200
    assert volunteer.get(f"/staff/reports/{other.id}").status_code == 404  # not that queue
    reveal = volunteer.post(
        f"/staff/reports/{detained.id}/reveal",
        data={"csrf_token": form_token(volunteer, f"/staff/reports/{detained.id}"), "reason": "x"},
    )
    assert reveal.status_code == 403  # as a reviewer sees them: never the original
    assert "Runs the detention hotline" in supervisor.get(PAGE).get_data(as_text=True)

    post(supervisor, "revoke", reason="Left the hotline team")
    assert volunteer.get("/staff/").status_code == 403
    assert volunteer.get(f"/staff/reports/{detained.id}").status_code == 403
    grant = db.session.scalar(select(VolunteerGrant))
    assert grant.revoked_at is not None and grant.queues == ["detention"]

    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action.like("volunteer.%")).order_by(AuditEvent.id)
    ).all()
    assert [e.action for e in events] == ["volunteer.granted", "volunteer.revoked"]
    emails = {volunteer_id(): "vol@example.org"}
    sentences = [describe(e, emails) for e in events]
    assert sentences[0] == (
        "sup@example.org let the volunteer vol@example.org see the reports of detention: "
        "reason “Runs the detention hotline”"
    )
    assert "Left the hotline team" in sentences[1]


def test_a_reviewer_cannot_grant_and_only_volunteers_take_grants(app, ctx):
    make_staff(app, "vol@example.org", role="volunteer")
    make_staff(app, "rev@example.org", role="reviewer")
    make_staff(app, "sup@example.org", role="supervisor")
    reviewer, supervisor = browser(app), browser(app)
    log_in(reviewer, "rev@example.org")
    log_in(supervisor, "sup@example.org")
    assert reviewer.get(PAGE).status_code == 403
    reviewer_id = db.session.scalar(select(StaffUser.id).where(StaffUser.role == "reviewer"))
    response = supervisor.post(
        f"/staff/intake/volunteers/{reviewer_id}/grant",
        data={"csrf_token": form_token(supervisor, PAGE), "reason": "no"},
    )
    assert response.status_code == 404
    assert db.session.scalar(select(VolunteerGrant)) is None
