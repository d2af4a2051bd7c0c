"""Every public page a reporter can see, fetched with the test client (CSRF on)."""

from __future__ import annotations

from flask.testing import FlaskClient

from ..conftest import csrf_token

GOOD_REPORT = {
    "narrative": "The deputy stopped us on the highway and asked where we were born.",
    "incident_date": "2024-03-03",
    "city": "Pasadena",
    "state": "TX",
    "agency": "unknown",
    "categories": ["traffic_stop", "status_questioning"],
    "consent_review": "y",
}


def public_pages(client: FlaskClient, lang: str) -> dict[str, str]:
    """{name: html} for the form, the form with errors, the confirmation and the error pages."""
    pages = {"form": client.get(f"/report?lang={lang}").get_data(as_text=True)}
    token = csrf_token(client, f"/report?lang={lang}")
    pages["form with errors"] = client.post(
        "/report", data={"csrf_token": token, "incident_date": "2999-01-01"}
    ).get_data(as_text=True)
    token = csrf_token(client, f"/report?lang={lang}")
    pages["confirmation"] = client.post(
        "/report", data={**GOOD_REPORT, "csrf_token": token, "consent_referral": "y"}
    ).get_data(as_text=True)
    pages["expired form"] = client.post("/report", data={"narrative": "kept"}).get_data(
        as_text=True
    )
    pages["not found"] = client.get(f"/nowhere?lang={lang}").get_data(as_text=True)
    return pages
