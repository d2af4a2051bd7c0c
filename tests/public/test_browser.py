"""In headless Chromium: axe-core on every public page in both languages, keyboard only,
320 px wide, no JavaScript, and not one request to another host."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report

from .conftest import SEND

NARRATIVE = "The deputy stopped us on the highway and asked where we were born."


def axe_violations(page) -> str:
    results = Axe().run(page)
    return "" if results.violations_count == 0 else results.generate_report()


def send_empty_form(tab) -> None:
    tab.page.click(SEND)
    tab.page.wait_for_selector("#error-summary")


def fill_minimum(tab, narrative: str = NARRATIVE) -> None:
    tab.page.fill("#narrative", narrative)
    tab.page.check("#consent_review")


def check_page(tab, name: str) -> None:
    page = tab.page
    problems = axe_violations(page)
    assert problems == "", f"{name}:\n{problems}"
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{name} scrolls sideways at {viewport}px ({width}px wide)"


@pytest.mark.parametrize("locale", ["en-US", "es-MX"])
@pytest.mark.parametrize("width", [320, 1280])
def test_every_public_page_has_no_axe_violations(visit, ctx, locale, width):
    tab = visit(locale=locale, width=width)
    lang = locale[:2]

    tab.go("/report")
    assert tab.page.get_attribute("html", "lang") == lang
    check_page(tab, "form")

    send_empty_form(tab)
    check_page(tab, "form with errors")

    fill_minimum(tab)
    tab.page.check("#consent_referral")
    tab.page.click(SEND)
    tab.page.wait_for_selector(".receipt-code")
    check_page(tab, "confirmation")

    tab.go("/nowhere")
    check_page(tab, "not found")

    assert tab.foreign_requests() == []
    assert [e for e in tab.console_errors if "Content Security Policy" in e] == []


def test_the_form_can_be_completed_with_the_keyboard_alone(visit, ctx):
    tab = visit(width=360)
    page = tab.page
    tab.go("/report")

    def tab_to(selector: str, limit: int = 250) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    # The first stops: skip link, language switch, quick exit.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    tab_to("a.quick-exit", limit=5)

    # The first question: is it happening right now? Yes opens its follow-up (public.js).
    tab_to("#emergency_now-0")
    page.keyboard.press("Space")
    assert page.evaluate("document.getElementById('now-details').open")
    tab_to("#urgent_signals-0")  # someone is in custody right now
    page.keyboard.press("Space")
    tab_to("#facility")
    page.keyboard.type("Whitfield County jail since Monday")
    tab_to("#categories-1")  # a pretextual traffic stop
    page.keyboard.press("Space")
    tab_to("#narrative")
    page.keyboard.type(NARRATIVE)
    tab_to("#consent_review")
    page.keyboard.press("Space")
    tab_to(SEND)
    page.keyboard.press("Enter")
    page.wait_for_selector(".receipt-code")

    report = db.session.scalar(select(Report))
    assert report.narrative == NARRATIVE and report.categories == ["traffic_stop"]
    assert report.detained_now == "yes" and report.facility.startswith("Whitfield")
    assert report.emergency_now == "yes" and report.urgent_signals == ["in_custody_now"]


def test_without_javascript_errors_take_focus_and_nothing_typed_is_lost(visit, ctx):
    tab = visit(javascript=False, width=320)
    tab.go("/report")
    tab.page.fill("#city", "Dalton")
    tab.page.fill("#incident_date", "2999-01-01")
    send_empty_form(tab)
    assert tab.page.evaluate("document.activeElement.id") == "error-summary"
    assert tab.page.input_value("#city") == "Dalton"
    tab.page.click("#error-summary a[href='#narrative']")
    assert tab.page.evaluate("document.activeElement.id") == "narrative"


def test_spanish_end_to_end_in_the_browser_without_javascript(visit, ctx):
    tab = visit(locale="es-MX", javascript=False, width=320)
    page = tab.page
    tab.go("/report")
    assert page.get_attribute("html", "lang") == "es"
    assert page.inner_text(SEND) == "Enviar reporte"
    page.check("#categories-2")
    page.fill("#narrative", "Nos preguntaron dónde nacimos durante una parada de tráfico.")
    page.fill("#incident_date", "2025-01-15")
    page.fill("#city", "Gainesville")
    page.select_option("#state", "GA")
    page.check("#consent_review")
    page.click(SEND)
    code = page.inner_text(".receipt-code")
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    assert "Su código de recibo" in page.inner_text("main")
    assert page.is_hidden(".receipt-actions")  # copy/print need JavaScript; the text says how
    assert tab.foreign_requests() == []
    report = db.session.scalar(select(Report))
    assert report.language == "es" and report.state == "GA"
    assert report.categories == ["status_questioning"]


def test_confirmation_offers_copy_and_print_with_javascript(visit, ctx):
    tab = visit()
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.go("/report")
    fill_minimum(tab)
    tab.page.click(SEND)
    code = tab.page.inner_text(".receipt-code")
    assert tab.page.is_visible("button[data-print]")
    tab.page.click("button[data-copy]")
    tab.until("document.querySelector('.copied').textContent.length > 0")
    assert tab.page.evaluate("navigator.clipboard.readText()") == code


def test_switching_language_keeps_what_was_typed_and_the_receipt(visit, ctx):
    # Without JavaScript: the header's language buttons send the page's form along.
    tab = visit(javascript=False, width=320)
    page = tab.page
    tab.go("/report")
    page.fill("#narrative", NARRATIVE)
    page.fill("#city", "Dalton")
    page.click("nav.lang button[value=es]")
    assert page.get_attribute("html", "lang") == "es"
    assert page.input_value("#narrative") == NARRATIVE
    assert page.input_value("#city") == "Dalton"
    assert page.query_selector("#error-summary") is None
    # Enter in a field sends the report; it does not press a language button.
    page.check("#consent_review")
    page.press("#city", "Enter")
    code = page.inner_text(".receipt-code")
    assert "Su código de recibo" in page.inner_text("main")
    page.click("nav.lang button[value=en]")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text(".receipt-code") == code  # the code is still on screen
    report = db.session.scalar(select(Report))
    assert report.narrative == NARRATIVE and report.language == "es"
