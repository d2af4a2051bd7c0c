"""Digest tests: staff accounts with subscriptions, processed reports dated into a period, and
a mail server that refuses chosen addresses (the session's real aiosmtpd server)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select, update

from intake.extensions import db
from intake.models import DigestSubscription, Report, StaffUser
from intake.timeutil import utcnow
from workers import tasks

from ..conftest import submit_report
from ..staff.conftest import BrowserClient, browser
from ..staff.helpers import make_staff

# Narratives that name people: the reporter's relative, a witness and the officer.
NAMED = (
    "Deputy Ramsey stopped my brother Pedro Lopez on Main Street in Pasadena and asked where he "
    "was born. Then Deputy Ramsey took his phone. My neighbour Maria Gonzalez saw everything."
)
NAMED_ES = (
    "El agente Ramsey detuvo a mi hermano Pedro López en la calle Main y le preguntó dónde "
    "nació. Mi vecina María González lo vio todo."
)
SECRETS = ("Pedro", "Lopez", "López", "Gonzalez", "González", "Ramsey", "Rosa Ortega", "713")


@pytest.fixture
def client(app: Flask) -> BrowserClient:
    return browser(app)


def subscribe(
    app: Flask,
    email: str,
    period: str = "daily",
    *,
    role: str = "reviewer",
    language: str = "en",
    queues: list[str] | None = None,
    active: bool = True,
    **columns: object,
) -> int:
    """A staff account (two-factor ready) subscribed to one digest."""
    make_staff(app, email, role=role, **columns)
    with app.app_context():
        user_id = db.session.scalar(select(StaffUser.id).where(StaffUser.email == email))
        db.session.add(
            DigestSubscription(
                staff_user_id=user_id,
                period=period,
                active=active,
                queues=queues or [],
                language=language,
            )
        )
        db.session.commit()
        db.session.remove()
    return user_id


def processed(client, days_ago: float = 1, lang: str = "en", **fields: object) -> int:
    """Submit the public form (in `lang`), run the real pipeline, date the report `days_ago`."""
    client.get(f"/report?lang={lang}")  # the form remembers the reporter's language
    submit_report(client, **fields)
    report_id = db.session.scalar(select(Report.id).order_by(Report.id.desc()))
    tasks.process_report.run(report_id)
    db.session.execute(
        update(Report)
        .where(Report.id == report_id)
        .values(created_at=utcnow() - timedelta(days=days_ago))
    )
    db.session.commit()
    db.session.remove()
    return report_id


def everything(message) -> str:  # noqa: ANN001
    """Subject and every text part of a received message, decoded."""
    parts = [str(message["Subject"])]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)


def html_of(message) -> str:  # noqa: ANN001
    return next(p for p in message.walk() if p.get_content_type() == "text/html").get_content()


def text_of(message) -> str:  # noqa: ANN001
    return next(p for p in message.walk() if p.get_content_type() == "text/plain").get_content()
