"""Screenshots of what a reporter and a volunteer see: the report form, the receipt page and a
volunteer's "New report for someone", at 360 and 1280 px, in English and Spanish. Run from the
repository root:

    .venv/bin/python docs/screens/reporter.py

It builds a throwaway embedded install (SQLite in a temporary folder), serves the app on a free
port and drives Debian's chromium with Playwright. The receipt comes from a real send of the
form with a photo (generated, with GPS in its EXIF), so its fingerprint line shows too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throwaway import ARGS, add_staff, install, served, sign_in  # noqa: E402

from tests.evidence.samples import jpeg_with_gps  # noqa: E402

OUT = Path(__file__).resolve().parent
LOCALES = {"en": "en-US", "es": "es-MX"}
NARRATIVE = {
    "en": "The deputy stopped us on the highway, asked where we were born and took my card.",
    "es": "El alguacil nos paró en la carretera, preguntó dónde nacimos y se llevó mi tarjeta.",
}


def shoot(page, name: str, full_page: bool = True) -> None:
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    # 256 colours are plenty for a form, and a fifth of the bytes in the repository.
    Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)


def main() -> None:
    app = install()
    with app.app_context():
        for language in LOCALES:
            add_staff(f"volunteer-{language}@example.org", "volunteer", language)
    photo = Path(tempfile.mkdtemp(prefix="screens-photo-")) / "IMG_2041.jpg"
    photo.write_bytes(jpeg_with_gps())
    with served(app) as origin, sync_playwright() as playwright:
        for language, locale in LOCALES.items():
            # The browser's own language (--lang) sets its date picker's format, as a phone's
            # system language does; the context's locale alone changes only navigator.language.
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=[*ARGS, f"--lang={locale}"]
            )
            for width in (360, 1280):
                context = browser.new_context(
                    locale=locale, viewport={"width": width, "height": 800}
                )
                page = context.new_page()
                page.goto(f"{origin}/report?lang={language}")
                shoot(page, f"public-form-{width}-{language}")
                page.select_option("#state", "TX")
                page.wait_for_selector("#agency optgroup[label=Texas]", state="attached")
                page.fill("#agency-filter", "galv")
                page.wait_for_timeout(300)  # the list narrows as it is typed
                page.evaluate("document.getElementById('s-agency').scrollIntoView()")
                shoot(page, f"public-form-agency-{width}-{language}", full_page=False)
                page.fill("#narrative", NARRATIVE[language])
                page.check("#consent_review")
                page.set_input_files("#files", str(photo))
                page.click("#report-form button.send")
                page.wait_for_selector(".receipt-code")
                shoot(page, f"public-receipt-{width}-{language}")
                context.close()

                context = browser.new_context(
                    locale=locale, viewport={"width": width, "height": 800}
                )
                page = context.new_page()
                sign_in(app, page, origin, f"volunteer-{language}@example.org")
                page.goto(f"{origin}/staff/intake/new?spoken={language}")
                shoot(page, f"public-volunteer-entry-{width}-{language}")
                context.close()
            browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
