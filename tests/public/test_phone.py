"""The public form on a cheap phone, in headless Chromium at 360 px: every tap target is 44 px,
the quick exit stays in view while scrolling and Esc leaves (with JavaScript), the agency is
chosen after the state (a button without JavaScript, filtered as you type with it), and the
date hint says the order the phone's own date picker uses."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake.extensions import db
from intake.models import Agency, Report

from .conftest import SEND

NARRATIVE = "The deputy stopped us near the courthouse and asked for our papers."
NEUTRAL = "https://www.google.com/"

# Each visible control's box; a checkbox or radio counts with its label (one tap target: the
# label toggles it). Off-screen skip links, the honeypot and inline links inside a sentence
# (WCAG 2.5.8's exception) are left out.
SMALL_TARGETS = """() => {
  const small = [];
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary");
  for (const el of controls) {
    if (el.closest(".honeypot, .visually-hidden, [hidden]")) continue;
    if (el.classList.contains("skip") || !el.getClientRects().length) continue;
    const sentence = el.tagName === "A" && el.closest("p");
    if (sentence && sentence.textContent.trim() !== el.textContent.trim()) continue;
    const target = (el.type === "checkbox" || el.type === "radio") ? el.closest(".option") : el;
    const box = target.getBoundingClientRect();
    if (box.height < 43.5 || box.width < 43.5) {
      small.push(`${Math.round(box.width)}x${Math.round(box.height)} ${el.outerHTML.slice(0, 90)}`);
    }
  }
  return small;
}"""


@pytest.mark.parametrize("locale", ["en-US", "es-MX"])
@pytest.mark.parametrize("javascript", [False, True])
def test_every_tap_target_is_at_least_44_px(visit, ctx, locale, javascript):
    tab = visit(locale=locale, width=360, javascript=javascript)
    tab.go("/report")
    tab.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert tab.page.evaluate(SMALL_TARGETS) == []
    tab.send_report(NARRATIVE)
    assert tab.page.evaluate(SMALL_TARGETS) == []
    tab.go("/follow-up")
    assert tab.page.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize("locale", ["en-US", "es-MX"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_quick_exit_stays_in_view_and_covers_nothing_at_the_top(visit, ctx, locale, width):
    tab = visit(locale=locale, width=width)
    page = tab.page
    tab.go("/report")
    exit_box = page.locator(".quick-exit").bounding_box()
    for other in (".lang a", ".lang button", ".brand", "h1"):
        if not page.locator(other).count():
            continue
        box = page.locator(other).last.bounding_box()
        overlaps = not (
            box["x"] >= exit_box["x"] + exit_box["width"]
            or box["x"] + box["width"] <= exit_box["x"]
            or box["y"] >= exit_box["y"] + exit_box["height"]
            or box["y"] + box["height"] <= exit_box["y"]
        )
        assert not overlaps, f"the quick exit covers {other}"
    for where in ("#s-agency", "#s-consent", SEND):
        page.locator(where).scroll_into_view_if_needed()
        box = page.locator(".quick-exit").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 800, f"out of view at {where}"
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('.quick-exit') !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top, f"something covers the quick exit at {where}"


def test_esc_leaves_at_once_even_with_text_typed(visit, ctx):
    tab = visit(width=360)
    page = tab.page
    # /exit itself (a 303 to a neutral site) is tested without a browser; here it answers a
    # page of its own, as the test machine has no way out to the internet.
    page.route("**/exit", lambda route: route.fulfill(body="<title>Left</title>"))
    tab.go("/")
    tab.go("/report")
    assert page.is_visible(".esc-hint") is False  # no Esc key on a phone: not mentioned at 360
    page.fill("#narrative", NARRATIVE)
    page.keyboard.press("Escape")
    page.wait_for_url("**/exit")
    assert page.title() == "Left"
    page.go_back()  # the form was replaced in the history: Back does not return to it
    assert not page.url.endswith("/report")


def test_with_javascript_the_agencies_are_filtered_as_you_type(visit, ctx):
    harris = db.session.scalar(
        select(Agency).where(Agency.name == "Harris County Sheriff's Office")
    )
    tab = visit(width=360)
    page = tab.page
    tab.go("/report")
    assert page.is_hidden("button[name=show_agencies]")
    page.select_option("#state", "TX")
    tab.until("document.querySelectorAll('#agency optgroup').length === 2")
    groups = page.eval_on_selector_all("#agency optgroup", "gs => gs.map(g => g.label)")
    assert groups[1] == "Texas"
    assert page.eval_on_selector_all("#agency option", "os => os.length") > 50
    page.fill("#agency-filter", "harr")
    tab.until("document.querySelectorAll('#agency option').length < 10")
    labels = page.eval_on_selector_all("#agency option", "os => os.map(o => o.text)")
    assert any(label.startswith("Harris County Sheriff's Office") for label in labels)
    assert all(label.lower().startswith("harr") for label in labels[2:]), labels
    assert "match" in page.inner_text("#agency-filter-count")
    assert page.eval_on_selector("#agency", "s => s.size") == len(labels)  # shown open
    page.fill("#agency-filter", "galveston")
    tab.until("document.querySelectorAll('#agency option').length === 3")
    galveston = page.eval_on_selector("#agency", "s => s.options[s.selectedIndex].text")
    assert galveston.startswith("Galveston County")  # the one match is chosen
    page.fill("#agency-filter", "harr")
    tab.until("document.querySelectorAll('#agency option').length < 10")
    page.select_option("#agency", str(harris.id))
    page.press("#agency-filter", "Enter")  # narrows only: sends nothing
    assert page.url.endswith("/report")
    tab.send_report(NARRATIVE)
    assert db.session.scalar(select(Report.agency_id)) == harris.id


def test_without_javascript_the_state_button_shows_its_agencies_and_keeps_the_text(visit, ctx):
    tab = visit(width=360, javascript=False)
    page = tab.page
    tab.go("/report")
    assert page.is_hidden("#agency-filter")
    page.fill("#narrative", NARRATIVE)
    page.select_option("#state", "FL")
    page.click("button[name=show_agencies]")
    page.wait_for_selector("#agency optgroup[label=Florida]", state="attached")
    assert page.evaluate("document.activeElement.id") == "agency"  # the page opens there
    assert page.input_value("#narrative") == NARRATIVE
    assert page.locator("#error-summary").count() == 0
    value = page.eval_on_selector("#agency optgroup[label=Florida] option", "o => o.value")
    page.select_option("#agency", value)
    page.check("#consent_review")
    page.click(SEND)
    page.wait_for_selector(".receipt-code")
    report = db.session.scalar(select(Report))
    assert report.agency_id == int(value) and report.narrative == NARRATIVE


@pytest.mark.parametrize(
    ("locale", "page_lang", "expected"),
    [
        ("en-US", "en", "month/day/year, for example 03/31/2025"),
        ("es-MX", "es", "día/mes/año, por ejemplo 31/03/2025"),
        # A Spanish page on a phone set to US English: its picker writes month first.
        ("en-US", "es", "mes/día/año, por ejemplo 03/31/2025"),
    ],
)
def test_the_date_hint_says_the_order_of_the_phones_picker(visit, ctx, locale, page_lang, expected):
    tab = visit(locale=locale, width=360)
    tab.go(f"/report?lang={page_lang}")
    assert expected in tab.page.inner_text("#incident_date-hint")
