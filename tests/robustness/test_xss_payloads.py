"""Classic XSS and injection payloads in every text field a reporter or staff member can fill:
the form, follow-up replies, staff notes, messages, labels, a reveal reason. After the pipeline
has run, every staff page (and the reporter's follow-up page) shows them as text: no script,
no injected attribute or tag, no javascript: link. SQL payloads are stored as plain text.
"""

from __future__ import annotations

from html.parser import HTMLParser

from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, ReportMessage
from workers import tasks

from ..conftest import csrf_token, submit_report
from ..staff.conftest import browser
from ..staff.helpers import form_token, log_in, make_staff, save_actions

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(2)</script>",
    '" autofocus onfocus="alert(3)',
    "' onmouseover='alert(4)",
    '<a href="javascript:alert(5)">call me</a>',
    "<iframe srcdoc='<script>alert(6)</script>'></iframe>",
    "{{ 7*7 }}{% raw %}${7*7}#{7*7}",
    "'; DROP TABLE report; --",
    "1' OR '1'='1",
    "<style>*{display:none}</style><b>bold</b>",
    "\u202e<script>alert(8)</script>",
]
TEXT_FIELDS = {
    "city": 120,
    "county": 120,
    "location_detail": 300,
    "agency_other": 200,
    "officer_details": 2000,
    "facility": 300,
    "contact_name": 120,
    "contact_notes": 300,
    "other_names": 1000,
}


class Markup(HTMLParser):
    """Everything in a page that could run: script tags, event attributes, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "img", "style"):
            src = dict(attrs).get("src") or ""
            if not (tag == "script" and src.startswith("/static/")):
                self.problems.append(f"<{tag} {attrs}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if (value or "").strip().lower().startswith(("javascript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value!r}>")


def assert_inert(where: str, page: str) -> None:
    parser = Markup()
    parser.feed(page)
    assert not parser.problems, (where, parser.problems)
    for payload in PAYLOADS:
        if any(ch in payload for ch in "<>\"'"):
            assert payload not in page, (where, payload)


def test_payloads_everywhere_are_shown_as_text(robust_env, redis_server, build_app):
    web = build_app({**robust_env, "REDIS_URL": redis_server.url})
    with web.app_context():
        admin = make_staff(web, "admin@example.org", role="admin")
        reporter = browser(web)
        receipts = []
        for payload in PAYLOADS:
            fields = {name: payload[:limit] for name, limit in TEXT_FIELDS.items()}
            narrative = f"Deputy Cole stopped us. {payload} He asked where we were born."
            receipts.append(submit_report(reporter, narrative=narrative, **fields))
            # Fields with a format refuse it, and the form shown again echoes it as text.
            token = csrf_token(reporter)
            refused = reporter.post(
                "/report",
                data={
                    "csrf_token": token,
                    "narrative": payload,
                    "consent_review": "y",
                    "contact_phone": payload,
                    "contact_email": payload,
                    "incident_date": payload,
                },
            )
            assert refused.status_code == 400
            assert_inert("form again", refused.get_data(as_text=True))
        ids = db.session.scalars(select(Report.id).order_by(Report.id)).all()
        db.session.remove()
        for report_id in ids:
            assert tasks.process_report.run(report_id) == "processed"
            db.session.remove()

        staff = browser(web)
        assert log_in(staff, admin).status_code == 302
        for report_id, payload, code in zip(ids, PAYLOADS, receipts, strict=True):
            path = f"/staff/reports/{report_id}"
            token = form_token(staff, path)
            staff.post(f"{path}/notes", data={"csrf_token": token, "body": payload})
            staff.post(f"{path}/messages", data={"csrf_token": token, "body": payload})
            save_actions(staff, report_id, token, labels=payload)
            db.session.remove()
            reply = reporter.post(
                "/follow-up",
                data={
                    "csrf_token": csrf_token(reporter, "/follow-up"),
                    "code": code,
                    "body": payload,
                },
            )
            assert reply.status_code == 200
            assert_inert("follow-up page", reply.get_data(as_text=True))
            reveal = staff.post(
                f"{path}/reveal",
                data={"csrf_token": form_token(staff, path), "reason": "Call back. " + payload},
            )
            assert reveal.status_code == 200
            assert_inert("reveal", reveal.get_data(as_text=True))

        # Staff see a reply once it is redacted: the payloads must reach the page that way too.
        replies = db.session.scalars(
            select(ReportMessage.id).where(ReportMessage.sender == "reporter")
        ).all()
        db.session.remove()
        assert len(replies) == len(PAYLOADS)
        for message_id in replies:
            assert tasks.redact_message.run(message_id) == "redacted"
            db.session.remove()

        pages = ["/staff/", "/staff/?status=all", "/staff/stats", "/staff/audit"]
        pages += ["/staff/users", "/staff/rules", "/staff/export"]
        pages += [f"/staff/reports/{report_id}" for report_id in ids]
        pages += [f"/staff/?q={payload}" for payload in PAYLOADS[:3]]
        for path in pages:
            response = staff.get(path)
            assert response.status_code == 200, path
            assert_inert(path, response.get_data(as_text=True))
        page = staff.get(f"/staff/reports/{ids[0]}").get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
        page = staff.get(f"/staff/reports/{ids[8]}").get_data(as_text=True)
        assert "{{ 7*7 }}" in page  # the note as written: never evaluated as a template
        assert db.session.scalar(select(Report).where(Report.id == ids[9])).city == PAYLOADS[9]
        db.session.remove()
