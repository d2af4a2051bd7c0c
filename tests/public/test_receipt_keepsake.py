"""A receipt people keep: at 360 px in Chromium the code sits on one line in a large font, with
a photo's fingerprint below; without JavaScript the code can be saved as a text file or opened
as a printable page (both by POST: the code never enters a URL); with JavaScript the same print
button prints the page in place, and the code can be copied. At 360 px the buttons are full
width. Error pages of the public form give the hotline for urgent help.
Screenshots go to tests/public/screenshots/ (looked at by people, not asserted on)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from ..evidence.samples import jpeg_with_gps
from .conftest import SEND

SHOTS = Path(__file__).parent / "screenshots"


def send_report_with_photo(tab, tmp_path: Path) -> bytes:
    photo = jpeg_with_gps()
    path = tmp_path / "IMG_2041.jpg"
    path.write_bytes(photo)
    tab.go("/report")
    tab.page.fill("#narrative", "The deputy stopped us on the highway. I took a photo.")
    tab.page.check("#consent_review")
    tab.page.set_input_files("#files", str(path))
    tab.page.click(SEND)
    tab.page.wait_for_selector(".receipt-code")
    return photo


@pytest.mark.parametrize("locale", ["en-US", "es-MX"])
@pytest.mark.parametrize("javascript", [False, True])
def test_the_receipt_code_never_wraps_at_360px(visit, ctx, tmp_path, locale, javascript):
    tab = visit(locale=locale, width=360, javascript=javascript)
    photo = send_report_with_photo(tab, tmp_path)
    page = tab.page
    code = page.locator(".receipt-code")
    box = code.bounding_box()
    line_height = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.receipt-code')).lineHeight)"
    )
    assert box["height"] < 1.5 * line_height, "the code wrapped onto a second line"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    font = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.receipt-code')).fontSize)"
    )
    assert font >= 24  # large: read across a room, or over the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    text = page.locator(".file-receipts").inner_text()
    assert hashlib.sha256(photo).hexdigest() in text.replace("\n", "")
    copy = page.locator("[data-copy]")
    assert copy.is_visible() == javascript
    assert page.locator("button[value=text]").is_visible()
    assert page.locator("button[value=print]").is_visible()
    SHOTS.mkdir(exist_ok=True)
    name = f"receipt-360-{locale[:2]}-{'js' if javascript else 'nojs'}.png"
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_save_as_a_file_and_the_printable_page_without_javascript(visit, ctx, tmp_path):
    tab = visit(width=360, javascript=False)
    photo = send_report_with_photo(tab, tmp_path)
    code = tab.page.locator(".receipt-code").inner_text().strip()
    with tab.page.expect_download() as download_info:
        tab.page.click("button[value=text]")
    download = download_info.value
    assert download.suggested_filename == "report-receipt.txt"
    saved = Path(download.path()).read_text(encoding="utf-8")
    assert code in saved and "/follow-up" in saved and "1-844-363-1423" in saved
    assert hashlib.sha256(photo).hexdigest() in saved
    assert code not in download.url

    with tab.context.expect_page() as printable_info:
        tab.page.click("button[value=print]")
    printable = printable_info.value
    printable.wait_for_load_state()
    assert code not in printable.url
    assert printable.locator(".receipt-code").inner_text().strip() == code
    assert "1-844-363-1423" in printable.content()
    printable.set_viewport_size({"width": 360, "height": 800})
    printable.screenshot(path=str(SHOTS / "receipt-printable-360.png"), full_page=True)
    printable.close()
    assert tab.foreign_requests() == []


# Each visible button of the receipt: its label, its width and the width its row leaves it.
BUTTON_WIDTHS = """() => [...document.querySelectorAll(".receipt button")]
  .filter((button) => button.getClientRects().length)
  .map((button) => {
    const row = getComputedStyle(button.parentElement);
    const room = button.parentElement.clientWidth - parseFloat(row.paddingLeft)
      - parseFloat(row.paddingRight);
    return [button.textContent.trim(), button.getBoundingClientRect().width, room];
  })"""


@pytest.mark.parametrize("locale", ["en-US", "es-MX"])
@pytest.mark.parametrize("javascript", [False, True])
def test_one_print_control_and_full_width_buttons_at_360px(visit, ctx, locale, javascript):
    tab = visit(locale=locale, width=360, javascript=javascript)
    tab.go("/report")
    tab.send_report("The deputy stopped us on the highway and asked for papers.")
    page = tab.page
    assert page.locator(".receipt button[data-print]").count() == 1
    assert page.locator(".receipt button[data-print]").is_visible()
    widths = page.evaluate(BUTTON_WIDTHS)
    assert len(widths) == (3 if javascript else 2)  # save, print (and copy, with JavaScript)
    for label, width, room in widths:
        assert abs(width - room) <= 1, f"{label!r} is {width:.0f} px of a {room:.0f} px row"
    SHOTS.mkdir(exist_ok=True)
    name = f"receipt-buttons-360-{locale[:2]}-{'js' if javascript else 'nojs'}.png"
    page.locator(".receipt").screenshot(path=str(SHOTS / name))


def test_with_javascript_the_print_button_prints_the_page_where_it_is(visit, ctx):
    tab = visit(width=360)
    tab.go("/report")
    tab.send_report("The deputy stopped us on the highway and asked for papers.")
    # Headless Chromium prints nothing anyone can see: the page's print() records the call.
    tab.page.evaluate("() => { window.print = () => { document.body.dataset.printed = 'yes'; }; }")
    tab.page.click("button[data-print]")
    assert tab.page.get_attribute("body", "data-printed") == "yes"
    assert tab.context.pages == [tab.page]  # no printable page opened beside it


def test_keepsake_refuses_what_is_not_a_receipt(client):
    from ..conftest import hidden_fields

    token = hidden_fields(client)["csrf_token"]
    response = client.post("/report/receipt", data={"csrf_token": token, "receipt": "<script>"})
    assert response.status_code == 400
    bad_file = client.post(
        "/report/receipt",
        data={"csrf_token": token, "receipt": "ABCD-EFGH-JKMN-PQRS", "file": "1:x:<b>"},
    )
    assert bad_file.status_code == 400


def test_error_pages_of_the_public_form_give_the_hotline(client):
    for response in (client.get("/nowhere"), client.get("/nowhere?lang=es")):
        body = response.get_data(as_text=True)
        assert response.status_code == 404
        assert re.search(r'href="tel:\+18443631423"', body)
    spanish = client.get("/nowhere?lang=es").get_data(as_text=True)
    assert "Si necesita ayuda urgente" in spanish
