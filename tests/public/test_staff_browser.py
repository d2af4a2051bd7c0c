"""The staff pages in headless Chromium: axe-core finds no violations at desktop and phone
width, in English and Spanish; nothing scrolls sideways; no request leaves the site; and the
queue shows at least 15 reports on the first screen at 1280×800.

Here beside the public pages' browser tests because it shares their one Chromium (a second
Playwright in the same process cannot start while the first runs)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from intake.extensions import db
from intake.models import ReportMessage, StaffUser
from intake.timeutil import utcnow

from ..staff.helpers import PASSWORD, current_code, make_report, make_staff
from .test_browser import check_page


def staff_log_in(tab, email: str) -> None:
    db.session.scalar(select(StaffUser).where(StaffUser.email == email)).totp_last_step = None
    db.session.commit()
    page = tab.page
    tab.go("/staff/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.fill("input[name=code]", current_code())
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/staff/$"))


def seed() -> int:
    now = utcnow()
    first = None
    for index in range(20):
        report, _ = make_report(
            priority=("urgent", "high", "normal", "low")[index % 4],
            deadline_at=now + timedelta(hours=index - 5),
            language=("en", "es")[index % 2],
        )
        first = first or report
    db.session.add(
        ReportMessage(
            report_id=first.id,
            sender="reporter",
            body="Está en la cárcel.",
            body_redacted="Está en la cárcel.",
            redacted_at=now,
        )
    )
    db.session.commit()
    return first.id


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("es", 390)])
def test_staff_pages_have_no_axe_violations(app, visit, ctx, language, width):
    report_id = seed()
    email = make_staff(app, f"admin-{language}@example.org", role="admin", language=language)
    tab = visit(width=width)
    staff_log_in(tab, email)
    assert tab.page.get_attribute("html", "lang") == language
    for path in (
        "/staff/",
        f"/staff/reports/{report_id}",
        "/staff/stats",
        "/staff/users",
        "/staff/rules",
        "/staff/audit",
        "/staff/redaction",
        "/staff/export",
        "/staff/settings/digests",
        "/staff/nowhere",
    ):
        tab.go(path)
        check_page(tab, f"{path} ({language}, {width}px)")
    assert tab.foreign_requests() == []
    assert [e for e in tab.console_errors if "Content Security Policy" in e] == []


def test_the_queue_shows_fifteen_reports_on_the_first_screen_and_rows_are_links(app, visit, ctx):
    seed()
    email = make_staff(app, "coordinator@example.org", role="supervisor")
    tab = visit(width=1280)
    staff_log_in(tab, email)
    page = tab.page
    visible = page.evaluate(
        """() => [...document.querySelectorAll('table.queue tbody tr')]
              .filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length"""
    )
    assert visible >= 15, visible
    # A click anywhere on a row (here: the agency cell) opens the report.
    cell = page.locator("table.queue tbody tr:nth-child(3) td.agency").bounding_box()
    page.mouse.click(cell["x"] + cell["width"] / 2, cell["y"] + cell["height"] / 2)
    page.wait_for_url(re.compile(r".*/staff/reports/\d+$"))
    # The report page has two columns at desktop width.
    main, side = (page.locator(sel).bounding_box() for sel in (".report-main", ".report-side"))
    assert side["x"] > main["x"] + main["width"] - 1


def test_selecting_text_fills_the_redaction_form(app, visit, ctx):
    report_id = seed()
    email = make_staff(app, "sup@example.org", role="supervisor")
    tab = visit(width=1280)
    staff_log_in(tab, email)
    tab.go(f"/staff/reports/{report_id}")
    page = tab.page
    page.evaluate(
        """() => {
          const node = document.querySelector('.narrative').firstChild;
          const range = document.createRange();
          range.setStart(node, 0); range.setEnd(node, 6);
          const selection = window.getSelection();
          selection.removeAllRanges(); selection.addRange(range);
          document.dispatchEvent(new MouseEvent('mouseup'));
        }"""
    )
    assert page.input_value("#redaction-form [name=text]") == "Deputy"
    assert page.evaluate("document.querySelector('#redaction-form').closest('details').open")
