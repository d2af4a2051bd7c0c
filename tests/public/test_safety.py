"""Safety by design: headers, cookies, quick exit, rate limits, no host but our own."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from intake.extensions import db
from intake.models import Report
from intake.security import STATIC_CACHE

from ..conftest import csrf_token, submit_report
from .pages import GOOD_REPORT, public_pages

# Attributes that make a browser load or go somewhere.
URL_ATTRIBUTE = re.compile(
    r'\s(?:src|href|action|formaction|srcset|poster|data|manifest|ping)="([^"]*)"', re.I
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.I)


def own_or_harmless(url: str) -> bool:
    """A same-origin path, a fragment or query, or a phone number: nothing names another host."""
    if url.startswith("//"):
        return False
    parts = urlsplit(url)
    if parts.scheme == "tel":
        return True
    return not parts.scheme and not parts.netloc


@pytest.mark.parametrize("lang", ["en", "es"])
def test_rendered_pages_reference_no_host_but_the_apps_own(client, ctx, lang):
    pages = public_pages(client, lang)
    for name, html in pages.items():
        urls = URL_ATTRIBUTE.findall(html)
        assert urls, name
        foreign = [u for u in urls if not own_or_harmless(u)]
        assert foreign == [], f"{name} references {foreign}"
        assert "<style" not in html and " style=" not in html, f"inline style on {name}"
        assert not re.search(r"<script(?![^>]*\ssrc=)", html), f"inline script on {name}"
        assert not re.search(r"\son[a-z]+=", html), f"inline handler on {name}"
    for name in ("site.css", "public.js"):
        with client.get(f"/static/{name}") as response:  # static files stream: close them
            text = response.get_data(as_text=True)
        assert not re.search(r"https?://", text), name
        for match in CSS_URL.findall(text):
            assert all(own_or_harmless(u) for u in match if u), (name, match)


def test_pages_carry_the_security_headers(client):
    for path in ("/report", "/report?lang=es", "/nowhere"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "form-action 'self'" in csp
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "no-store"
    # HSTS only in production (a laptop on http://127.0.0.1 must not pin itself to HTTPS).
    assert "Strict-Transport-Security" not in client.get("/report").headers


def test_form_and_receipt_pages_are_never_cached(client, ctx):
    token = csrf_token(client)
    response = client.post("/report", data={**GOOD_REPORT, "csrf_token": token})
    assert response.status_code == 200 and "receipt-code" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    invalid = client.post("/report", data={"csrf_token": csrf_token(client)})
    assert invalid.status_code == 400 and invalid.headers["Cache-Control"] == "no-store"


def test_production_sends_hsts_and_secure_strict_cookies(build_app, service_env):
    production = build_app(
        {
            "INTAKE_ENV": "production",
            "REDIS_URL": service_env.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        }
    )
    client = production.test_client()
    response = client.get("/report", base_url="https://intake.example.org")
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies, "the form's CSRF token lives in the session cookie"
    for cookie in cookies:
        assert "; Secure" in cookie and "; HttpOnly" in cookie and "; SameSite=Strict" in cookie


def test_static_files_are_versioned_and_cached_long(client):
    html = client.get("/report").get_data(as_text=True)
    css = re.search(r'href="(/static/site\.css\?v=[0-9a-f]+)"', html)
    js = re.search(r'src="(/static/public\.js\?v=[0-9a-f]+)"', html)
    assert css and js
    for url in (css.group(1), js.group(1)):
        with client.get(url) as response:
            assert response.headers["Cache-Control"] == STATIC_CACHE


def test_form_page_is_compressed_under_20_kb(client):
    # A cheap data plan: the agencies come after the state (or once, cached, for the script).
    response = client.get("/report?lang=es", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.get_data()) < 20 * 1024
    assert "Accept-Encoding" in response.headers["Vary"]


def test_answers_to_a_post_are_not_compressed(client):
    # They reflect what was typed next to the CSRF token: compressing them invites BREACH.
    token = csrf_token(client)
    response = client.post(
        "/report", data={"csrf_token": token}, headers={"Accept-Encoding": "gzip"}
    )
    assert response.status_code == 400 and "Content-Encoding" not in response.headers


def test_quick_exit_is_a_same_origin_link_that_leaves_for_a_neutral_site(client):
    html = client.get("/report").get_data(as_text=True)
    assert re.search(r'<a class="quick-exit" href="/exit"', html)
    response = client.get("/exit")
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).netloc == "www.google.com"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    assert "cookies" in response.headers["Clear-Site-Data"]


def test_honeypot_is_hidden_from_people_and_from_the_tab_order(client):
    html = client.get("/report").get_data(as_text=True)
    honeypot = re.search(r'<div class="honeypot" aria-hidden="true">.*?</div>', html, re.S)
    assert honeypot and 'tabindex="-1"' in honeypot.group(0)


def test_submit_is_rate_limited_without_losing_the_text(build_app, private_redis, ctx):
    limited = build_app(
        {"REDIS_URL": private_redis}, RATELIMIT_ENABLED=True, RATELIMIT_SUBMIT="2 per hour"
    )
    client = limited.test_client()
    token = csrf_token(client)
    for language in ("es", "en", "es"):  # switching language stores nothing: not counted
        switched = client.post(
            "/report", data={**GOOD_REPORT, "csrf_token": token, "switch_language": language}
        )
        assert switched.status_code == 200
    submit_report(client, switch_language="xx")  # not a language: a report, and it counts
    submit_report(client)
    token = csrf_token(client, "/report?lang=es")
    response = client.post(
        "/report", data={**GOOD_REPORT, "csrf_token": token, "city": "Cobb County"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Sus respuestas siguen aquí" in body and 'value="Cobb County"' in body
    assert GOOD_REPORT["narrative"] in body
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/report").status_code == 200  # reading is never limited
    assert db.session.scalar(select(func.count()).select_from(Report)) == 2


def test_rate_limit_keys_hold_no_address(app):
    from intake.ratelimit import anonymous_client_key

    with app.test_request_context(environ_base={"REMOTE_ADDR": "203.0.113.7"}):
        key = anonymous_client_key()
    # An HMAC of the address (hex digits may spell "203" by chance: 1 day in ~150).
    assert re.fullmatch(r"[0-9a-f]{32}", key) and "203.0.113.7" not in key
    with app.test_request_context(environ_base={"REMOTE_ADDR": "203.0.113.8"}):
        assert anonymous_client_key() != key  # still one key per address
