"""The public form, submitted the way a reporter's browser does (CSRF on)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from intake.extensions import db
from intake.models import Agency, Report
from intake.public.receipts import receipt_hash
from intake.vocabulary import URGENT_SIGNALS

from .conftest import csrf_token, hidden_fields, submit_report


def errors(body: str) -> list[str]:
    return re.findall(r'<p class="error" id="[^"]+">([^<]+)</p>', body)


def test_form_offers_a_states_agencies_after_the_state_plus_other_and_unknown(client, ctx):
    blank = client.get("/report").get_data(as_text=True)
    assert 'value="unknown"' in blank and 'value="other"' in blank
    assert '<optgroup label="Texas">' not in blank  # no state chosen yet: no agency list
    harris = db.session.scalar(
        select(Agency).where(Agency.name == "Harris County Sheriff's Office")
    )
    assert harris.status == "former"
    body = client.post(
        "/report", data={"csrf_token": csrf_token(client), "state": "TX", "show_agencies": "y"}
    ).get_data(as_text=True)
    assert '<optgroup label="Texas">' in body and '<optgroup label="Florida">' not in body
    assert f'value="{harris.id}"' in body and "left the program" in body


def test_contract_fields_only_are_accepted_and_saved_with_hashed_receipt(client, ctx):
    receipt = submit_report(client)
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", receipt)
    report = db.session.scalar(select(Report))
    assert report.receipt_hash == receipt_hash(receipt)
    assert receipt not in str(vars(report))
    assert report.categories == ["traffic_stop", "status_questioning"]
    assert report.city == "Pasadena" and report.state == "TX"
    assert report.agency is None and report.agency_choice == "unknown"
    assert report.contact_possible is False
    assert report.pipeline_state in ("received", "processing", "processed")


def test_listed_agency_and_contact_are_stored(client, ctx):
    agency = db.session.scalar(select(Agency).where(Agency.state == "TX").limit(1))
    submit_report(
        client,
        agency=str(agency.id),
        contact_phone="(713) 555-0142",
        contact_email="r@example.org",
        detained_now="yes",
        urgent_signals=["in_custody_now"],
    )
    report = db.session.scalar(select(Report))
    assert report.agency_id == agency.id and report.agency_choice == "listed"
    assert report.contact_phone == "(713) 555-0142" and report.contact_possible
    assert report.urgent_signals == ["in_custody_now"] and report.detained_now == "yes"


def test_invalid_answers_get_messages_next_to_fields_and_keep_what_was_typed(client, ctx):
    token = csrf_token(client)
    response = client.post(
        "/report",
        data={
            "csrf_token": token,
            "narrative": "",
            "incident_date": "2999-01-01",
            "city": "Dalton",
            "contact_email": "not-an-email",
            "contact_phone": "12",
            "agency": "forged-value",
            "categories": ["forged"],
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    found = errors(body)
    assert "Please tell us what happened." in found
    assert "The date cannot be in the future." in found
    assert "This does not look like an email address." in found
    assert any("phone" in e for e in found)
    assert "We can only review your report with this consent." in found
    assert 'value="Dalton"' in body and 'value="not-an-email"' in body
    assert db.session.scalar(select(Report)) is None


def test_errors_are_in_the_reporters_language(client):
    token = csrf_token(client, "/report?lang=es")
    body = client.post("/report", data={"csrf_token": token}).get_data(as_text=True)
    assert "Por favor, cuéntenos qué pasó." in errors(body)


def test_missing_csrf_token_explains_and_keeps_the_text(client, ctx):
    response = client.post("/report", data={"narrative": "They took my brother at the jail."})
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "They took my brother at the jail." in body
    assert "send again" in body
    assert db.session.scalar(select(Report)) is None


def test_oversize_body_gets_a_friendly_page(client):
    response = client.post("/report", data={"narrative": "x" * 600_000})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_honeypot_looks_like_success_but_keeps_nothing(client, ctx):
    token = csrf_token(client)
    response = client.post(
        "/report",
        data={
            "csrf_token": token,
            "narrative": "spam",
            "consent_review": "y",
            "website": "http://spam",
        },
    )
    assert response.status_code == 200
    assert db.session.scalar(select(Report)) is None


def test_form_and_receipt_pages_are_not_cached(client):
    assert client.get("/report").headers["Cache-Control"] == "no-store"


def test_pages_carry_privacy_and_security_headers(client):
    headers = client.get("/report").headers
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_form_page_references_no_other_host(client):
    body = client.get("/report").get_data(as_text=True)
    assert not re.search(r'(src|href|action)="(https?:)?//', body)


@pytest.mark.parametrize("value", ["\r", " ", "\t\n"])
def test_whitespace_choices_are_treated_as_not_given(client, ctx, value):
    # Found by the fuzz test: wtforms' Optional() cleared the choice error of "\r".
    submit_report(client, agency=value, state=value, detained_now=value, affected_role=value)
    report = db.session.scalar(select(Report))
    assert report.agency_choice == "unknown" and report.agency is None
    assert report.state is None and report.detained_now is None and report.affected_role is None


def test_agency_select_is_rendered_per_language_and_keeps_a_choice(app, client):
    # The "not sure" options are in the page's language, and a chosen agency stays chosen
    # even with no state given (its own state's agencies are shown with it).
    english = client.get("/report?lang=en").get_data(as_text=True)
    spanish = client.get("/report?lang=es").get_data(as_text=True)
    assert 'value="unknown">I don\'t know</option>' in english
    assert 'value="unknown">No sé</option>' in spanish and "I don't know" not in spanish
    # (No `ctx` here: a shared app context would keep the first request's language in `g`.)
    with app.app_context():
        agency_id = db.session.scalar(select(Agency.id).where(Agency.state == "TX").limit(1))
    token = csrf_token(client, "/report?lang=en")
    body = client.post("/report", data={"csrf_token": token, "agency": str(agency_id)})
    assert f'<option selected value="{agency_id}">' in body.get_data(as_text=True)


def test_the_page_cache_fails_loudly_rather_than_serve_a_wrong_page():
    from intake.public.page_cache import PageCache, SlotError

    cache = PageCache("csrf", "submission")
    both = f"{cache.marker('csrf')}|{cache.marker('submission')}"
    with pytest.raises(SlotError, match="no slot for submission"):
        cache.page("a", lambda: cache.marker("csrf"), {"csrf": "t", "submission": "s"})
    with pytest.raises(SlotError, match="fills"):
        cache.page("b", lambda: both, {"csrf": "t"})
    assert cache.page("c", lambda: both, {"csrf": "t1", "submission": "s1"}) == "t1|s1"
    rendered_again = lambda: pytest.fail("a kept page was rendered again")  # noqa: E731
    assert cache.page("c", rendered_again, {"csrf": "t2", "submission": "s2"}) == "t2|s2"
    with pytest.raises(SlotError, match="unfilled"):
        cache.page("c", rendered_again, {"csrf": "t", "submission": cache.marker("csrf")})


def test_the_form_page_gives_each_visitor_a_token_of_their_own(app):
    first, second = app.test_client(), app.test_client()
    first_token, second_token = csrf_token(first), csrf_token(second)
    assert first_token != second_token
    page = first.get("/report").get_data(as_text=True)
    assert page.count('name="csrf_token"') == 1 and "slot-" not in page
    stolen = first.post("/report", data={"csrf_token": second_token, "narrative": "x" * 40})
    assert stolen.status_code == 400  # a token is good only with its own visitor's cookie
    assert submit_report(first) and submit_report(second)


def test_a_flashed_message_shows_once_on_the_form_page(client):
    client.get("/report")
    with client.session_transaction() as session:
        session["_flashes"] = [("message", "A message for this visitor only")]
    assert "A message for this visitor only" in client.get("/report").get_data(as_text=True)
    assert "A message for this visitor only" not in client.get("/report").get_data(as_text=True)


def test_receipt_pages_are_in_the_language_and_each_has_its_own_code(client):
    codes = {submit_report(client) for _ in range(3)}
    assert len(codes) == 3
    token = csrf_token(client, "/report?lang=es")
    spanish = client.post(
        "/report",
        data={
            "csrf_token": token,
            "narrative": "Nos pararon en la carretera.",
            "consent_review": "y",
        },
    ).get_data(as_text=True)
    assert "Su código de recibo" in spanish and "Your receipt code" not in spanish
    assert re.search(r'class="receipt-code"[^>]*>[A-Z2-9]{4}(-[A-Z2-9]{4}){3}<', spanish)


RECEIPT_RE = re.compile(r'class="receipt-code"[^>]*>([^<]+)<')
ALREADY = "already reached us"
SUBMISSION_RE_VALUE = re.compile(r'name="submission" type="hidden" value="[A-Za-z0-9_-]{22}"')


def send(client, fields: dict) -> tuple[str, str]:
    body = client.post("/report", data=fields).get_data(as_text=True)
    return RECEIPT_RE.search(body).group(1), body


def test_the_same_form_sent_twice_is_one_report_with_one_receipt(client, ctx):
    # A refresh of the receipt page, a double tap, a retry after a dropped connection.
    fields = {
        **hidden_fields(client),
        "narrative": "They asked where I was born.",
        "consent_review": "y",
    }
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", fields["submission"])
    first, first_page = send(client, fields)
    again, again_page = send(client, fields)
    assert again == first
    assert ALREADY not in first_page and ALREADY in again_page
    assert db.session.scalar(select(func.count()).select_from(Report)) == 1


def test_the_same_form_sent_again_from_a_page_in_another_language_is_still_one_report(client, ctx):
    # Sent in English; the language switched on the receipt page; Back re-sends the form.
    fields = {**hidden_fields(client), "narrative": "They took my papers.", "consent_review": "y"}
    first, _ = send(client, fields)
    switched = client.post(
        "/report/received",
        data={"csrf_token": fields["csrf_token"], "receipt": first, "switch_language": "es"},
    )
    assert "Su código de recibo" in switched.get_data(as_text=True)
    again, page = send(client, fields)
    assert again == first and "ya nos había llegado" in page
    assert db.session.scalar(select(func.count()).select_from(Report)) == 1


def test_the_same_form_changed_and_sent_again_is_a_new_report(client, ctx):
    fields = {
        **hidden_fields(client),
        "narrative": "They asked where I was born.",
        "consent_review": "y",
    }
    first, _ = send(client, fields)
    second, page = send(client, {**fields, "narrative": "And then they took my brother."})
    assert second != first and ALREADY not in page
    narratives = {r.narrative for r in db.session.scalars(select(Report))}
    assert narratives == {"They asked where I was born.", "And then they took my brother."}


def test_each_empty_form_has_its_own_submission_id(app):
    ids = {hidden_fields(app.test_client())["submission"] for _ in range(3)}
    assert len(ids) == 3


def test_a_form_without_a_submission_id_is_stored_and_shown_back_with_one(client, ctx):
    token = csrf_token(client)
    plain = {
        "csrf_token": token,
        "narrative": "They asked where I was born.",
        "consent_review": "y",
    }
    first, _ = send(client, plain)
    second, _ = send(client, {**plain, "submission": "not-an-id"})
    assert first != second  # no usable id: each is its own report, as before
    corrected = client.post("/report", data={"csrf_token": token, "narrative": ""})
    assert SUBMISSION_RE_VALUE.search(corrected.get_data(as_text=True))


def test_the_emergency_question_comes_first_once_with_the_hotline_beside_it(client):
    for language, question, call in (
        ("en", "Right now, is someone held by police or ICE", "If yes, call now"),
        ("es", "Ahora mismo, ¿la policía o ICE tiene detenida", "Si la respuesta es sí, llame"),
    ):
        body = client.get(f"/report?lang={language}").get_data(as_text=True)
        first = body.index('name="emergency_now"')
        assert first < body.index('name="categories"') < body.index('name="narrative"')
        assert question in body and call in body
        # the hotline is on the page itself, beside the question: no script needed
        hotline = body.index('class="hotline"')
        assert first < hotline < body.index('name="categories"')
        assert 'href="tel:+18443631423"' in body[hotline:]
        # asked once: no second "detained right now?" question further down
        assert 'name="detained_now"' not in body
        assert body.count('name="urgent_signals"') == len(URGENT_SIGNALS)


def test_the_emergency_answer_is_stored_and_routes(client, ctx):
    submit_report(client, emergency_now="yes")
    report = db.session.scalar(select(Report).order_by(Report.id.desc()))
    assert report.emergency_now == "yes"
    submit_report(client, emergency_now="no", narrative="They stopped me last year.")
    report = db.session.scalar(select(Report).order_by(Report.id.desc()))
    assert report.emergency_now == "no" and report.detained_now == "no"
    # a script that still posts detained_now (docs/contract.md) is heard as before
    submit_report(client, detained_now="yes")
    report = db.session.scalar(select(Report).order_by(Report.id.desc()))
    assert report.detained_now == "yes"
