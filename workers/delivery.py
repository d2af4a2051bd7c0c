"""Sending one alert to one recipient once, for every kind of alert (urgent reports, patterns):
by email and to the on-call webhook (`deliver_alert`).

Each delivery is a ledger row (unique per alert, channel and recipient) with `status`,
`attempts`, `sent_at` and `last_error`; a task retried after a crash or a mail-server refusal
finds the row already sent and sends nothing twice."""

from __future__ import annotations

import functools
import json
import logging
import smtplib
import urllib.request
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app
from flask_mail import Message
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from intake.extensions import db, mail
from intake.timeutil import utcnow

from .states import DeliveryStatus

log = logging.getLogger(__name__)

Row = TypeVar("Row")


def ledger_row(model: type[Row], key: dict[str, Any], **extra: Any) -> Row:
    """The ledger row of one delivery (`key`: the table's unique key), made once: two workers
    racing to make it both get the same row (the unique key settles the race)."""
    query = select(model).filter_by(**key)
    found = db.session.scalar(query)
    if found is not None:
        return found
    db.session.add(model(**key, **extra))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return db.session.scalars(query).one()


def deliver_once(row: Any, send: Callable[[], object], what: str) -> bool:
    """Send unless `row` says it was sent; record the outcome. True when nothing is left to
    retry. `what` names the alert in the log (an id, never a name or an address)."""
    if row.status == DeliveryStatus.SENT:
        return True
    row.attempts += 1
    try:
        send()
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        row.status, row.last_error = DeliveryStatus.FAILED, type(exc).__name__
        db.session.commit()
        log.warning("%s via %s failed: %s", what, row.channel, type(exc).__name__)
        return False
    row.status, row.sent_at, row.last_error = DeliveryStatus.SENT, utcnow(), None
    db.session.commit()
    return True


def post_webhook(url: str, payload: dict[str, Any], timeout: float = 10.0) -> None:
    """POST the same minimal content as JSON to a webhook the deployment configured."""
    if not url.startswith(("http://", "https://")):
        raise ValueError("webhook URL must be http(s)")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()


def deliver_alert(
    row_for: Callable[[str, str], Any],
    recipients: list[str],
    subject: str,
    body: str,
    payload: dict[str, Any],
    what: str,
) -> bool:
    """Email each recipient and post `payload` to the on-call webhook, when configured, each
    once through its ledger row (`row_for(channel, recipient)`). True when nothing is left to
    retry."""
    config = current_app.config
    done = True
    if config.get("MAIL_SERVER"):
        for address in recipients:
            message = Message(subject=subject, recipients=[address], body=body)
            row = row_for("email", address)
            done &= deliver_once(row, functools.partial(mail.send, message), what)
    else:
        log.warning("%s: MAIL_SERVER is not set, no email sent", what)
    if url := config.get("ONCALL_WEBHOOK_URL"):
        webhook = row_for("webhook", "webhook")
        done &= deliver_once(webhook, lambda: post_webhook(url, payload), what)
    return done
