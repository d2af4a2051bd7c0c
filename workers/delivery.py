"""Sending one alert to one recipient once, for every kind of alert (urgent reports, patterns).

Each delivery is a ledger row (unique per alert, channel and recipient) with `status`,
`attempts`, `sent_at` and `last_error`; a task retried after a crash or a mail-server refusal
finds the row already sent and sends nothing twice."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from typing import Any

from intake.extensions import db
from intake.timeutil import utcnow

from .states import DeliveryStatus

log = logging.getLogger(__name__)


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
