"""The agency question after the state, ICE's codes in words, one option per agency, and the
date hint in the order of the reporter's language (intake/public/agency_choice.py, dates.py)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from intake.agencies import forget, same_agency
from intake.extensions import db
from intake.models import Agency, Report

from ..conftest import csrf_token, submit_report


def options(body: str) -> list[tuple[str, str]]:
    return re.findall(r'<option(?: selected)? value="([^"]*)">([^<]*)</option>', body)


def show_agencies(client, lang: str = "en", **fields: str) -> str:
    token = csrf_token(client, f"/report?lang={lang}")
    data = {"csrf_token": token, "show_agencies": "y", **fields}
    response = client.post("/report", data=data)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_button_under_the_state_shows_its_agencies_and_keeps_what_was_typed(client, ctx):
    narrative = "The deputy took my papers at the checkpoint and did not give them back."
    body = show_agencies(client, state="FL", narrative=narrative, city="Apopka")
    assert narrative in body and 'value="Apopka"' in body
    assert 'class="error"' not in body  # nothing was sent: no error is shown yet
    florida = db.session.scalar(
        select(func.count(Agency.id)).where(Agency.state == "FL", Agency.status != "former")
    )
    shown = [value for value, _ in options(body) if value.isdigit()]
    assert len(shown) >= florida > 100
    assert '<optgroup label="Florida">' in body and '<optgroup label="Texas">' not in body
    assert db.session.scalar(select(func.count(Report.id))) == 0


def test_a_link_with_the_state_lists_its_agencies(client, ctx):
    body = client.get("/report?state=TX").get_data(as_text=True)
    assert '<option selected value="TX">' in body and '<optgroup label="Texas">' in body
    assert '<optgroup label="Texas">' not in client.get("/report?state=XX").get_data(as_text=True)


def test_showing_agencies_is_not_counted_against_the_submit_limit(build_app, private_redis, ctx):
    limited = build_app({"RATELIMIT_STORAGE_URI": private_redis}, RATELIMIT_SUBMIT="1 per hour")
    client = limited.test_client()
    for _ in range(3):
        show_agencies(client, state="TX")
    assert "Report received" in client.post(
        "/report",
        data={
            "csrf_token": csrf_token(client),
            "narrative": "Stopped on the road and asked where I was born.",
            "consent_review": "y",
        },
    ).get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_ices_codes_are_said_in_words(client, ctx, lang):
    body = show_agencies(client, lang=lang, state="TX")
    labels = [label for value, label in options(body) if value.isdigit()]
    assert labels and not any(re.search(r"\b(JEM|TFM|WSO)\b", label) for label in labels)
    words = {"en": "in the jail", "es": "en la cárcel"}[lang]
    assert any(words in label for label in labels)
    # The explanation says what each means, with ICE's own name for it.
    assert "Jail Enforcement Model" in body and "Task Force Model" in body


def test_two_spellings_of_one_agency_are_one_option_and_both_ids_are_accepted(client, ctx):
    spellings = ["Reno County Sheriff's office", "Reno County Sheriff\u2019s  Office."]
    assert same_agency(spellings[0]) == same_agency(spellings[1])
    existing = db.session.scalar(select(Agency).where(Agency.name == spellings[0]))
    typo = Agency(state="KS", name=spellings[1], models=["WSO"], status="pending")
    db.session.add(typo)
    db.session.commit()
    forget()
    try:
        body = show_agencies(client, state="KS")
        reno = [(v, label) for v, label in options(body) if label.startswith("Reno County")]
        assert len(reno) == 1  # the participating row stands for both, with both models
        assert reno[0][0] == str(existing.id) and "ICE warrants" in reno[0][1]
        listed = client.get("/report/agencies/en.json").get_json()["agencies"]
        assert sum(row[2].startswith("Reno County") for row in listed) == 1
        submit_report(client, agency=str(typo.id))  # a page from before the merge
        assert db.session.scalar(select(Report.agency_id)) == typo.id
    finally:
        db.session.execute(Report.__table__.delete())
        db.session.delete(typo)
        db.session.commit()
        forget()


def test_the_scripts_list_is_the_same_for_everyone_and_in_the_language_asked(client, ctx):
    response = client.get("/report/agencies/es.json", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Cache-Control"].startswith("public")
    assert "Set-Cookie" not in response.headers
    assert response.headers["Content-Encoding"] in ("gzip", "br")
    assert client.get("/report/agencies/xx.json").status_code == 404
    rows = client.get("/report/agencies/es.json").get_json()["agencies"]
    assert len(rows) > 600 and all(len(row) == 3 for row in rows)
    assert any("dejó el programa" in row[2] for row in rows)


@pytest.mark.parametrize(
    ("lang", "order", "example", "typed"),
    [
        ("en", "month/day/year", "03/31/2025", "03/04/2024"),
        ("es", "día/mes/año", "31/03/2025", "04/03/2024"),
    ],
)
def test_the_date_hint_and_typed_dates_follow_the_reporters_language(
    client, ctx, lang, order, example, typed
):
    body = client.get(f"/report?lang={lang}").get_data(as_text=True)
    hint = re.search(r'<p class="hint" id="incident_date-hint">([^<]+)</p>', body).group(1)
    assert order in hint and example in hint
    # A phone's picker sends 2024-03-04; a browser without one sends what was typed.
    for sent in ("2024-03-04", typed):
        client.get(f"/report?lang={lang}")
        submit_report(client, incident_date=sent)
    dates = db.session.scalars(select(Report.incident_date)).all()
    assert {d.isoformat() for d in dates} == {"2024-03-04"}
