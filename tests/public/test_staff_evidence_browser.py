"""In headless Chromium, as staff: the report page's evidence block (thumbnail, what was removed,
fingerprint, the original behind a reason) and the volunteer's entry page and receipt, at 390
and 1280 px, with axe-core. Screenshots go to tests/public/screenshots/ for people to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from intake.extensions import db
from intake.models import Attachment, Report
from workers import evidence_tasks

from ..evidence.helpers import post_report
from ..evidence.samples import jpeg_with_gps
from ..evidence.test_evidence import processed
from ..staff.helpers import PASSWORD, current_code, make_staff
from .test_browser import axe_violations

SHOTS = Path(__file__).parent / "screenshots"


def sign_in(tab, email: str) -> None:
    user = db.session.scalar(select(db.Model.registry._class_registry["StaffUser"]).filter_by(
        email=email))  # fmt: skip
    user.totp_last_step = None
    db.session.commit()
    tab.go("/staff/login")
    tab.page.fill("#email", email)
    tab.page.fill("#password", PASSWORD)
    tab.page.press("#password", "Enter")
    tab.page.wait_for_selector("#code")
    tab.page.fill("#code", current_code())
    tab.page.press("#code", "Enter")
    tab.page.wait_for_load_state()


@pytest.mark.parametrize("width", [390, 1280])
def test_staff_see_the_safe_copy_of_a_photo(visit, ctx, app, client, width):
    post_report(client, {"photo.jpg": jpeg_with_gps()})
    row = db.session.scalar(select(Attachment))
    evidence_tasks.sterilise_attachment.run(row.id)
    processed(db.session.get(Report, row.report_id))
    make_staff(app, "sup@example.org", role="supervisor")
    tab = visit(width=width)
    sign_in(tab, "sup@example.org")
    tab.go(f"/staff/reports/{row.report_id}#evidence")
    page = tab.page
    block = page.locator("#evidence")
    assert "GPS position" in block.inner_text()
    # The thumbnail is a request of its own: wait until the browser has decoded it.
    thumbnail = "document.querySelector('#evidence img.thumbnail')"
    tab.until(f"{thumbnail}.complete")
    assert page.evaluate(f"{thumbnail}.naturalWidth") > 0
    assert axe_violations(page) == ""
    SHOTS.mkdir(exist_ok=True)
    block.screenshot(path=str(SHOTS / f"staff-evidence-{width}.png"))
    assert tab.foreign_requests() == []


@pytest.mark.parametrize("width", [390, 1280])
def test_a_volunteer_enters_a_report_in_the_browser(visit, ctx, app, width):
    make_staff(app, "vol@example.org", role="volunteer")
    tab = visit(width=width)  # axe-core runs as a script; the steps need none
    sign_in(tab, "vol@example.org")
    page = tab.page
    tab.go("/staff/intake/new")
    page.select_option("#spoken", "es")
    page.click("text=Show the consent script in this language")
    assert "¿Está de acuerdo" in page.content()
    page.check("#script_read")
    page.check("#consent_review")
    page.check("#channel-0")
    page.fill("#narrative", "La persona dice que el alguacil la detuvo y le preguntó de dónde era.")
    assert axe_violations(page) == ""
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"volunteer-new-{width}.png"), full_page=True)
    page.click("#volunteer-form button.send")
    page.wait_for_selector(".receipt-code")
    assert page.locator(".receipt-code").bounding_box()["height"] < 60
    assert "código de recibo" in page.input_value("#receipt-message")
    assert axe_violations(page) == ""
    page.screenshot(path=str(SHOTS / f"volunteer-receipt-{width}.png"), full_page=True)
    report = db.session.scalar(select(Report))
    assert report.channel == "phone" and report.spoken_language == "es"
