"""The reporter's anonymous follow-up through the receipt code, and staff seeing the replies."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from intake import create_app
from intake.config import from_environment
from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.ratelimit import limiter
from intake.timeutil import utcnow
from workers import claims, tasks

from ..conftest import csrf_token, dispose_engines
from .conftest import browser
from .helpers import form_token, log_in, make_report, make_staff, save_actions


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
    save_actions(staff, report.id, token, status="in_review")
    save_actions(staff, report.id, token, status="waiting_reporter")
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
    assert "Harris County jail, Monday." not in staff_page  # not before the anonymizer ran
    assert "Being anonymized" in staff_page
    assert tasks.redact_message.run(reply.id) == "redacted"
    staff_page = staff.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "Harris County jail, Monday." in staff_page
    assert "<script>alert(1)</script>" not in staff_page and "&lt;script&gt;" in staff_page
    assert "the reporter wrote a message" in staff_page
    queue = staff.get("/staff/").get_data(as_text=True)
    assert ">new message<" in queue


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


def test_lookups_are_rate_limited(app, service_env, private_redis, ctx):
    settings = from_environment({**service_env, "REDIS_URL": private_redis})
    settings.update(TESTING=True, RATELIMIT_ENABLED=True, RATELIMIT_LOOKUP="3 per hour")
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


REPLY = (
    "This is Rosa Ortega again, call me at (713) 555-0142. My neighbour Carlos Mendoza saw "
    "Deputy Cole take him to the Harris County jail."
)
# The reporter's own name and phone (the report's contact fields) and a third person's name.
IDENTIFIERS = ("Rosa", "Ortega", "555-0142", "Carlos", "Mendoza")


def test_staff_read_a_reply_only_redacted_and_the_original_only_by_reveal(app, ctx):
    report, code = make_report(contact_name="Rosa Ortega", contact_phone="7135550142")
    staff, reporter = browser(app), browser(app)
    log_in(staff, make_staff(app, "s@example.org", role="supervisor"))
    token = form_token(staff, f"/staff/reports/{report.id}")
    staff.post(
        f"/staff/reports/{report.id}/messages",
        data={"csrf_token": token, "body": "Who else saw it?"},
    )
    assert "Thank you" in open_report(reporter, code, REPLY).get_data(as_text=True)
    [question, reply] = db.session.scalars(select(ReportMessage).order_by(ReportMessage.id)).all()
    assert reply.body == REPLY and reply.body_redacted is None and reply.redacted_at is None

    def staff_page() -> str:
        return staff.get(f"/staff/reports/{report.id}").get_data(as_text=True)

    before = staff_page()
    assert "Being anonymized; it appears here in a minute." in before
    assert "Who else saw it?" in before  # staff's own words are shown as written
    for value in IDENTIFIERS:
        assert value not in before, value

    assert tasks.redact_message.run(reply.id) == "redacted"
    db.session.expire_all()
    redacted = db.session.get(ReportMessage, reply.id)
    for value in IDENTIFIERS:
        assert value not in redacted.body_redacted, value
    # Numbered as in the narrative, where Jaime Ortega is [PERSON 1]: Rosa comes second.
    assert "This is [PERSON 2] again, call me at [PHONE 1]." in redacted.body_redacted
    assert "Deputy Cole" in redacted.body_redacted  # officers are accountability data
    assert redacted.body == REPLY and redacted.redacted_at is not None

    after = staff_page()
    assert redacted.body_redacted in after and "Being anonymized" not in after
    for value in IDENTIFIERS:
        assert value not in after, value

    # Idempotent; and a staff message is ours: never anonymized.
    stamped = redacted.redacted_at
    assert tasks.redact_message.run(reply.id) == "skipped"
    assert tasks.redact_message.run(question.id) == "skipped"
    db.session.expire_all()
    assert db.session.get(ReportMessage, reply.id).redacted_at == stamped
    assert db.session.get(ReportMessage, question.id).body_redacted is None

    revealed = staff.post(
        f"/staff/reports/{report.id}/reveal",
        data={
            "csrf_token": form_token(staff, f"/staff/reports/{report.id}"),
            "reason": "Call back about the witness",
        },
    ).get_data(as_text=True)
    assert "Reporter's messages (original)" in revealed
    assert "This is Rosa Ortega again, call me at (713) 555-0142." in revealed
    assert "Who else saw it?" not in revealed  # only the reporter's words are originals


def test_sweep_enqueues_unredacted_replies_once_per_grace_period(app, ctx):
    report, _ = make_report()
    old = utcnow() - claims.ENQUEUE_GRACE - timedelta(minutes=1)
    # Its message went out long ago and it is still not redacted (a worker died, or gave up).
    waiting = ReportMessage(
        report_id=report.id, sender="reporter", body="Rosa.", created_at=old, enqueued_at=old
    )
    # The broker was down when it was written: its stamp was taken back.
    refused = ReportMessage(report_id=report.id, sender="reporter", body="Eva.", enqueued_at=None)
    db.session.add_all(
        [
            waiting,
            refused,
            # Just written and sent: its message is probably still on the way.
            ReportMessage(
                report_id=report.id, sender="reporter", body="Ana.", enqueued_at=utcnow()
            ),
            ReportMessage(
                report_id=report.id,
                sender="reporter",
                body="Luz.",
                body_redacted="[PERSON 1].",
                redacted_at=old,
                created_at=old,
            ),
            ReportMessage(report_id=report.id, sender="staff", body="Who?", created_at=old),
            # Its body went with the retention job before the anonymizer could run.
            ReportMessage(
                report_id=report.id, sender="reporter", body=None, purged_at=old, created_at=old
            ),
        ]
    )
    db.session.commit()
    waiting_id, refused_id = waiting.id, refused.id
    assert tasks.sweep_unprocessed.run() == 2
    # Sent again: not before another grace period, even while still unredacted.
    assert tasks.sweep_unprocessed.run() == 0
    assert tasks.redact_message.run(waiting_id) == "redacted"
    assert tasks.redact_message.run(refused_id) == "redacted"
    purged = db.session.scalar(select(ReportMessage).where(ReportMessage.purged_at.is_not(None)))
    assert tasks.redact_message.run(purged.id) == "skipped"
    db.session.expire_all()
    assert db.session.get(ReportMessage, purged.id).body_redacted is None


def test_switching_language_on_the_status_page_keeps_the_code_and_the_answer(app, ctx):
    report, code = make_report()
    reporter = browser(app)
    data = {
        "csrf_token": csrf_token(reporter, "/follow-up"),
        "code": code,
        "body": "Half an answer about the <b>jail</b>",
        "switch_language": "es",
    }
    page = reporter.post("/follow-up", data=data).get_data(as_text=True)
    assert '<html lang="es"' in page
    assert 'form="message-form" name="switch_language" value="en"' in page
    assert "Half an answer about the &lt;b&gt;jail&lt;/b&gt;" in page  # kept, escaped, not sent
    assert f'value="{code}"' in page  # the code stays in the page's form, not in the address
    assert db.session.scalar(select(ReportMessage)) is None
    # A wrong code with a language button is a failed lookup like any other, in that language.
    wrong = reporter.post("/follow-up", data={**data, "code": "AAAA-BBBB-CCCC-DDDD"})
    assert '<html lang="es"' in wrong.get_data(as_text=True)
    assert "Half an answer" not in wrong.get_data(as_text=True)


def test_a_person_keeps_one_placeholder_across_the_narrative_and_the_replies(app, ctx):
    report, code = make_report(
        narrative="I am Ana Ruiz. My neighbour Lucia Ortega saw the deputy take my brother "
        "Carlos Mendez to the county jail.",
        contact_name="Ana Ruiz",
        pipeline_state="received",  # the real pipeline writes the redacted narrative
        processed_at=None,
    )
    assert tasks.process_report.run(report.id) == "processed"
    db.session.expire_all()
    assert db.session.get(Report, report.id).narrative_redacted == (
        "I am [PERSON 1]. My neighbour [PERSON 2] saw the deputy take my brother [PERSON 3] "
        "to the county jail."
    )
    reporter = browser(app)
    open_report(reporter, code, body="Carlos called from the jail yesterday.")
    open_report(reporter, code, body="Lucia can tell you more.")
    replies = db.session.scalars(select(ReportMessage).order_by(ReportMessage.id)).all()
    for reply in replies:
        # "called from the jail" with the narrative's brother in it raises the report too.
        assert tasks.redact_message.run(reply.id).startswith("redacted")
    db.session.expire_all()
    redacted = [m.body_redacted for m in db.session.scalars(select(ReportMessage))]
    # Alone, "Carlos" would be [PERSON 1], which the narrative calls Ana.
    assert redacted == [
        "[PERSON 3] called from the jail yesterday.",
        "[PERSON 2] can tell you more.",
    ]
