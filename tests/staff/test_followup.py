"""The reporter's anonymous follow-up through the receipt code, and staff seeing the replies."""

from __future__ import annotations

import re

from sqlalchemy import select

from intake import create_app
from intake.config import from_environment
from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.ratelimit import limiter

from ..conftest import csrf_token, dispose_engines
from .conftest import browser
from .helpers import form_token, log_in, make_report, make_staff


def open_report(reporter, code, body=None):
    data = {"csrf_token": csrf_token(reporter, "/follow-up"), "code": code}
    if body is not None:
        data["body"] = body
    return reporter.post("/follow-up", data=data)


def test_conversation_through_the_receipt(app, ctx):
    report, code = make_report()
    staff, reporter = browser(app), browser(app)
    log_in(staff, make_staff(app, "r@example.org"))

    # The lookup page never puts the code in a URL.
    page = reporter.get("/follow-up").get_data(as_text=True)
    assert 'method="post" action="/follow-up"' in page

    first = open_report(reporter, code.lower().replace("-", " "))  # as typed on a phone
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-store"
    assert "not reviewed it yet" in first.get_data(as_text=True)

    # Staff ask a question and wait for the reporter.
    token = form_token(staff, f"/staff/reports/{report.id}")
    staff.post(
        f"/staff/reports/{report.id}/status",
        data={"csrf_token": token, "status": "in_review", "version": report.version},
    )
    db.session.expire_all()
    staff.post(
        f"/staff/reports/{report.id}/status",
        data={"csrf_token": token, "status": "waiting_reporter", "version": report.version},
    )
    staff.post(
        f"/staff/reports/{report.id}/messages",
        data={"csrf_token": token, "body": "Which jail was he taken to, and when?"},
    )

    seen = open_report(reporter, code).get_data(as_text=True)
    assert "Which jail was he taken to, and when?" in seen
    assert "We have a question for you" in seen
    assert "r@example.org" not in seen  # staff names stay on the staff side
    assert "Jaime" not in seen and "[PERSON 1]" not in seen  # no narrative on this page

    answer = open_report(reporter, code, "<script>alert(1)</script> Harris County jail, Monday.")
    assert answer.status_code == 200 and "Thank you" in answer.get_data(as_text=True)
    assert "&lt;script&gt;" in answer.get_data(as_text=True)

    db.session.expire_all()
    saved = db.session.get(Report, report.id)
    assert saved.status == "in_review" and saved.reporter_replied_at is not None
    [question, reply] = db.session.scalars(select(ReportMessage).order_by(ReportMessage.id)).all()
    assert (question.sender, reply.sender) == ("staff", "reporter")

    staff_page = staff.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "Harris County jail, Monday." in staff_page
    assert "<script>alert(1)</script>" not in staff_page and "&lt;script&gt;" in staff_page
    assert "the reporter answered" in staff_page
    queue = staff.get("/staff/").get_data(as_text=True)
    assert ">reply<" in queue


CSRF_VALUE = re.compile(r'name="csrf_token" type="hidden" value="[^"]+"')


def test_wrong_codes_all_get_the_same_answer(app, ctx):
    make_report()
    reporter = browser(app)
    answers = set()
    for wrong in ("AAAA-BBBB-CCCC-DDDD", "nonsense", "x" * 40, "' OR 1=1 --"):
        response = open_report(reporter, wrong)
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        # CSRF tokens carry a timestamp, so they differ from one second to the next.
        answers.add(CSRF_VALUE.sub("TOKEN", body))
        assert "We could not open a report with this code" in body
    assert len(answers) == 1
    # A forged token is refused before any lookup.
    forged = reporter.post("/follow-up", data={"csrf_token": "forged", "code": "AAAA"})
    assert forged.status_code == 400


def test_lookups_are_rate_limited(app, service_env, ctx):
    settings = from_environment(service_env)
    settings.update(
        TESTING=True,
        RATELIMIT_ENABLED=True,
        RATELIMIT_LOOKUP="3 per hour",
        RATELIMIT_STORAGE_URI="memory://",
    )
    limited = create_app(settings)
    try:
        _, code = make_report()
        reporter = browser(limited)
        statuses = [open_report(reporter, "AAAA-BBBB-CCCC-DDDD").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        # Over the limit, the right code is refused too: the answer says nothing about codes.
        assert open_report(reporter, code).status_code == 429
        assert reporter.get("/follow-up").status_code == 200  # reading is never limited
    finally:
        limiter.init_app(app)  # the shared limiter goes back to the session app
        dispose_engines(limited)
