"""English and Spanish throughout; a third language (right-to-left too) is only a catalogue."""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sqlalchemy import select

from intake import TRANSLATIONS
from intake.extensions import db
from intake.models import Report

from ..conftest import csrf_token
from .pages import GOOD_REPORT, public_pages

# Words that must not be left in English on a Spanish page (outside agency and state names).
ENGLISH_LEFTOVERS = [
    "Report a civil-rights violation",
    "What happened",
    "Your receipt code",
    "What happens next",
    "Know your rights",
    "Please check these answers",
    "This page does not exist",
    "Send report",
    "Quick exit",
    "I don't know",
]


def test_spanish_end_to_end_submission(client, ctx):
    form = client.get("/report?lang=es").get_data(as_text=True)
    assert '<html lang="es"' in form and "Reportar una violación" in form
    token = csrf_token(client)  # no ?lang= now: the choice is remembered
    response = client.post(
        "/report",
        data={
            **GOOD_REPORT,
            "csrf_token": token,
            "narrative": "El alguacil nos paró en la carretera y preguntó dónde nacimos.",
            "consent_referral": "y",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Gracias. Recibimos su reporte." in body
    assert "Su código de recibo" in body
    assert "Conozca sus derechos" in body and "CRCL" in body
    assert "Usted aceptó que refiramos su caso" in body
    code = re.search(r'class="receipt-code"[^>]*>([^<]+)<', body).group(1)
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    report = db.session.scalar(select(Report))
    assert report.language == "es" and report.consent_referral


def test_every_public_page_is_spanish_in_spanish(client, ctx):
    for name, html in public_pages(client, "es").items():
        assert '<html lang="es" dir="ltr">' in html, name
        left = [w for w in ENGLISH_LEFTOVERS if w in html]
        assert left == [], f"{name} still says {left}"


def test_language_comes_from_the_browser_and_the_switch_is_remembered(client):
    browser = client.get("/report", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert '<html lang="es"' in browser.get_data(as_text=True)
    switched = client.get("/report?lang=en", headers={"Accept-Language": "es-MX"})
    assert '<html lang="en"' in switched.get_data(as_text=True)
    again = client.get("/report", headers={"Accept-Language": "es-MX"})
    assert '<html lang="en"' in again.get_data(as_text=True)
    switch = re.search(r'<nav aria-label="Language" class="lang">(.*?)</nav>', again.text, re.S)
    assert 'href="?lang=es" lang="es"' in switch.group(1) and "Español" in switch.group(1)


def test_errors_are_in_spanish(client):
    token = csrf_token(client, "/report?lang=es")
    body = client.post(
        "/report",
        data={"csrf_token": token, "incident_date": "2999-01-01", "contact_email": "x@"},
    ).get_data(as_text=True)
    assert "La fecha no puede ser en el futuro." in body
    assert "Esto no parece un correo electrónico." in body
    assert "Por favor, revise estas respuestas" in body


def test_a_right_to_left_language_is_only_a_catalogue(build_app, tmp_path, ctx):
    """Arabic, added by dropping a compiled catalogue in a translations folder: no code."""
    catalog = Catalog(locale="ar")
    catalog.add("Report a civil-rights violation", "الإبلاغ عن انتهاك للحقوق المدنية")
    catalog.add("Send report", "إرسال البلاغ")
    catalog.add("Quick exit", "خروج سريع")
    folder = tmp_path / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "messages.mo", "wb") as handle:
        write_mo(handle, catalog)

    app = build_app(BABEL_TRANSLATION_DIRECTORIES=f"{TRANSLATIONS};{tmp_path}")
    assert app.config["LANGUAGES"] == ["en", "ar", "es"]
    client = app.test_client()
    html = client.get("/report", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert "إرسال البلاغ" in html and "خروج سريع" in html
    assert 'href="?lang=ar" lang="ar" hreflang="ar"' in html and "العربية" in html
    # Untranslated strings fall back to English rather than break the page.
    assert "Your consent" in html
    spanish = client.get("/report?lang=es").get_data(as_text=True)
    assert '<html lang="es" dir="ltr">' in spanish and "Enviar reporte" in spanish
