"""Staff accounts that have finished two-factor setup, logging in through both steps, and
processed reports built directly (no pipeline) for tests that need many of them."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pyotp
from flask.testing import FlaskClient
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, StaffUser
from intake.public.receipts import new_receipt, receipt_hash
from intake.timeutil import utcnow
from workers.states import Priority

from ..conftest import csrf_token

PASSWORD = "correct horse battery staple"
SECRET = pyotp.random_base32()


def make_staff(app, email="staff@example.org", role="reviewer", two_factor=True, **columns):
    """An account made by `users create`, with two-factor already set up (unless told not)."""
    result = app.test_cli_runner().invoke(
        args=["users", "create", email, "--role", str(role), "--password", PASSWORD]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
        if two_factor:
            user.totp_secret = SECRET
            user.totp_enabled_at = utcnow()
        for name, value in columns.items():
            setattr(user, name, value)
        db.session.commit()
        db.session.remove()
    return email


def current_code(secret: str = SECRET, offset: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + offset * 30)


def post_password(client: FlaskClient, email: str, password: str = PASSWORD):
    token = csrf_token(client, "/staff/login")
    return client.post(
        "/staff/login", data={"csrf_token": token, "email": email, "password": password}
    )


def log_in(client: FlaskClient, email: str, password: str = PASSWORD):
    """Both steps, as a person with the authenticator app would. Returns the last response."""
    first = post_password(client, email, password)
    if first.status_code != 302 or "/staff/login/two-factor" not in first.headers["Location"]:
        return first
    # Each test logs in with a fresh code: forget the last used step (a replay is tested apart).
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
    user.totp_last_step = None
    db.session.commit()
    token = csrf_token(client, "/staff/login/two-factor")
    return client.post(
        "/staff/login/two-factor", data={"csrf_token": token, "code": current_code()}
    )


def form_token(client: FlaskClient, path: str) -> str:
    body = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', body)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def make_report(**fields) -> tuple[Report, str]:
    """A processed report stored directly; returns it and its receipt code."""
    code = new_receipt()
    narrative = fields.pop(
        "narrative_redacted", "Deputy Cole stopped [PERSON 1] on Main Street and asked for papers."
    )
    priority = fields.pop("priority", "normal")
    values = {
        "receipt_hash": receipt_hash(code),
        "language": "en",
        "pipeline_state": "processed",
        "processed_at": utcnow(),
        "narrative": "Deputy Cole stopped Jaime Ortega on Main Street and asked for papers.",
        "contact_name": "Rosa Ortega",
        "contact_phone": "7135550142",
        "narrative_redacted": narrative,
        "redaction": {"kept": [{"start": 7, "end": 11, "label": "OFFICER"}]},
        "summary": "Traffic stop; status questions.",
        "queue": "intake",
        "priority": priority,
        "priority_rank": Priority(priority).rank,
        "urgent": priority == "urgent",
        "level": priority if priority in ("urgent", "check-now") else "normal",
        "deadline_at": utcnow() + timedelta(days=3),
        "routing": {"explanation": "Default queue.", "matched": [{"rule": "default"}]},
        "categories": ["traffic_stop"],
    }
    values.update(fields)
    report = Report(**values)
    db.session.add(report)
    db.session.commit()
    return report, code


def save_actions(client: FlaskClient, report_id: int, token: str, **fields):
    """Post the report page's actions form as a person would: each field sent carries the
    value the page showed (read now), so only the fields given are changes."""
    report = db.session.get(Report, report_id)
    db.session.refresh(report)
    shown = {
        "status": report.status,
        "assignee": str(report.assigned_to_id or ""),
        "labels": ", ".join(report.labels or []),
    }
    data = {"csrf_token": token}
    for name, value in fields.items():
        data[name] = value
        data[f"was_{name}"] = shown[name]
    return client.post(f"/staff/reports/{report_id}/actions", data=data)
