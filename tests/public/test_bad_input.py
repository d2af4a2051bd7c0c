"""Bad input: a clear message next to each field, focus on the first error, nothing lost."""

from __future__ import annotations

import re

from sqlalchemy import select

from intake.extensions import db
from intake.models import Report
from intake.public.forms import NARRATIVE_MAX

from ..conftest import csrf_token
from .pages import GOOD_REPORT


def post(client, lang="en", **fields):
    token = csrf_token(client, f"/report?lang={lang}")
    response = client.post("/report", data={**GOOD_REPORT, "csrf_token": token, **fields})
    return response, response.get_data(as_text=True)


def error_for(body: str, field_id: str) -> str:
    match = re.search(rf'<p class="error" id="{field_id}-error">([^<]+)</p>', body)
    return match.group(1) if match else ""


def test_impossible_and_future_dates(client, ctx):
    _, body = post(client, incident_date="2024-02-30")
    assert error_for(body, "incident_date") == (
        "This date does not exist. Please check the day and month."
    )
    assert 'value="2024-02-30"' in body  # kept as typed, to correct it
    _, body = post(client, incident_date="2999-01-01")
    assert error_for(body, "incident_date") == "The date cannot be in the future."
    _, body = post(client, incident_time="25:99")
    assert "hours and minutes" in error_for(body, "incident_time")
    assert db.session.scalar(select(Report)) is None


def test_too_long_narrative_keeps_the_text(client, ctx):
    text = "Me detuvieron en la cárcel. " * (NARRATIVE_MAX // 20)
    response, body = post(client, narrative=text)
    assert response.status_code == 400
    assert "under 20000 characters" in error_for(body, "narrative")
    assert text.strip() in body


def test_invalid_email_and_phone(client, ctx):
    _, body = post(client, lang="es", contact_email="maria@", contact_phone="call me")
    assert error_for(body, "contact_email") == "Esto no parece un correo electrónico."
    assert error_for(body, "contact_phone")
    assert 'value="maria@"' in body and 'value="call me"' in body


def test_forged_choices_get_a_plain_message_that_echoes_nothing(client, ctx):
    _, body = post(
        client,
        agency="999999<script>",
        categories=["profiling", "forged<b>"],
        state="ZZ",
        emergency_now="maybe",
    )
    for field_id in ("agency", "categories", "state", "emergency_now"):
        assert error_for(body, field_id) == "Please choose one of the options in the list."
    assert "forged" not in body and "999999" not in body
    assert 'value="profiling" checked' in body or 'checked id="categories-0"' in body


def test_error_summary_takes_focus_and_links_to_each_field(client, ctx):
    _, body = post(client, narrative="", categories=["forged"], consent_review="")
    summary = re.search(r'<div class="error-summary"[^>]*>', body).group(0)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    links = re.findall(r'<li><a href="#([^"]+)">', body)
    assert links[:1] and set(links) == {"categories-0", "narrative", "consent_review"}
    for target in links:
        assert f'id="{target}"' in body
    assert "<title>Error:" in body
    assert 'aria-invalid="true"' in body


def test_follow_up_questions_open_when_they_apply(client, ctx):
    closed = client.get("/report").get_data(as_text=True)
    assert '<details id="now-details" >' in closed or '<details id="now-details">' in closed
    _, body = post(client, narrative="", emergency_now="yes", agency="other")
    assert '<details id="now-details" open>' in body
    assert '<details id="agency-other" open>' in body


def test_missing_csrf_keeps_every_answer_and_gives_a_fresh_token(client, ctx):
    response = client.post(
        "/report",
        data={
            **GOOD_REPORT,
            "narrative": "They took my brother at the jail.",
            "city": "Dalton",
            "detained_now": "yes",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "They took my brother at the jail." in body and 'value="Dalton"' in body
    assert re.search(r'name="csrf_token" type="hidden" value="[^"]+"', body)
    assert "Traceback" not in body


def test_body_too_large_is_explained_in_the_reporters_language(client):
    client.get("/report?lang=es")
    response = client.post("/report", data={"narrative": "x" * 600_000})
    body = response.get_data(as_text=True)
    assert response.status_code == 413
    assert '<html lang="es"' in body and "demasiado" in body
    assert "Traceback" not in body


def test_unknown_page_and_wrong_method_are_friendly(client):
    assert client.get("/nowhere").status_code == 404
    response = client.put("/report")
    assert response.status_code == 405 and "Traceback" not in response.get_data(as_text=True)
