"""English and Spanish throughout; a third language (right-to-left too) is only a catalogue."""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sqlalchemy import func, select

from intake import TRANSLATIONS
from intake.extensions import db
from intake.models import Report

from ..conftest import csrf_token, hidden_fields, submit_report
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
    # On the form the switch is a button of the form, so what was typed goes along.
    assert 'form="report-form" name="switch_language" value="es"' in switch.group(1)
    assert "Español" in switch.group(1)
    # Pages without a form to keep have plain links.
    follow_up = client.get("/follow-up").get_data(as_text=True)
    assert 'href="?lang=es" lang="es"' in follow_up


def test_switching_language_on_the_form_keeps_what_was_typed(client, ctx):
    fields = hidden_fields(client, "/report?lang=en")
    typed = {
        **fields,
        "narrative": "The deputy asked where my husband was born.",
        "city": "Dalton",
        "contact_phone": "(706) 555-0142",
        "categories": ["status_questioning"],
        "switch_language": "es",
    }
    page = client.post("/report", data=typed).get_data(as_text=True)
    assert '<html lang="es"' in page and "Reportar una violación" in page
    assert "The deputy asked where my husband was born." in page
    assert 'value="Dalton"' in page and 'value="(706) 555-0142"' in page
    assert re.search(r'<input checked [^>]*value="status_questioning">', page)
    assert "error-summary" not in page  # nothing was sent: no complaints about blanks
    assert db.session.scalar(select(func.count()).select_from(Report)) == 0
    # The choice is remembered, and the same form is then sent as usual.
    assert '<html lang="es"' in client.get("/report").get_data(as_text=True)
    del typed["switch_language"]
    sent = client.post("/report", data={**typed, "consent_review": "y"})
    assert "Su código de recibo" in sent.get_data(as_text=True)
    assert db.session.scalar(select(Report)).language == "es"


def test_switching_language_on_the_receipt_page_keeps_the_code(client, ctx):
    receipt = submit_report(client)  # in English
    token = csrf_token(client)
    page = client.post(
        "/report/received",
        data={"csrf_token": token, "receipt": receipt, "switch_language": "es"},
    ).get_data(as_text=True)
    assert '<html lang="es"' in page and receipt in page and "Su código de recibo" in page
    bad = client.post(
        "/report/received",
        data={"csrf_token": token, "receipt": "<script>", "switch_language": "es"},
    )
    assert bad.status_code == 400 and "<script>" not in bad.get_data(as_text=True)


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
    assert 'name="switch_language" value="ar" formnovalidate class="link" lang="ar"' in html
    assert "العربية" in html
    # Untranslated strings fall back to English rather than break the page.
    assert "Your consent" in html
    spanish = client.get("/report?lang=es").get_data(as_text=True)
    assert '<html lang="es" dir="ltr">' in spanish and "Enviar reporte" in spanish
