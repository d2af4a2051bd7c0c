"""Sending the digests of one period: once per recipient, whoever else is trying at the time.

Each recipient's digest is one delivery in the delivery ledger (workers/delivery.py), keyed by
period, period start and recipient: claimed before it is built, then recorded. A failure does
not stop the others: a refused address is `rejected` (retrying will not help), a server that is
down or answers 4xx leaves the row `failed`, and the task retries those with backoff. Admins see
both on /staff/digest/deliveries. A worker that dies between claim and record leaves the row
`sending`; the delivery sweep hands it to this task again once the claim is stale.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_mail import Message

from intake.digest.queries import Recipient, digest_figures, recipients, summaries_enabled
from intake.extensions import mail
from intake.timeutil import utcnow
from workers.digest import (
    CHART_CID,
    Digest,
    bounds_from_start,
    build_digest,
    period_bounds,
)
from workers.i18n import translator

from .delivery import NotBuilt, Owed, send_once
from .states import DeliveryStatus

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What one run did, for the task (retry?) and the command line (what to print)."""

    period: str
    period_start: datetime
    sent: int = 0
    skipped: int = 0  # already sent, or another worker is sending it
    failed: int = 0  # the server is down or said "try later": retried
    rejected: int = 0  # the server refused the address: not retried

    @property
    def retry(self) -> bool:
        return self.failed > 0

    def count(self, status: DeliveryStatus | None) -> None:
        """One recipient's outcome (None: not this run's to send)."""
        if status is None:
            self.skipped += 1
        elif status == DeliveryStatus.SENT:
            self.sent += 1
        elif status == DeliveryStatus.REJECTED:
            self.rejected += 1
        else:
            self.failed += 1


def bounds(
    period: str, now: datetime, period_start: datetime | None = None
) -> tuple[datetime, datetime]:
    if period_start is not None:
        return bounds_from_start(period, period_start)
    return period_bounds(period, now)


def build_for(
    recipient: Recipient,
    period: str,
    start: datetime,
    end: datetime,
    now: datetime,
    include_summaries: bool,
) -> Digest:
    """One recipient's digest: their queues, their language."""
    figures = digest_figures(
        period,
        start,
        end,
        recipient.queues,
        now=now,
        language=recipient.language,
        include_summaries=include_summaries,
        base_url=current_app.config.get("PUBLIC_BASE_URL", ""),
    )
    return build_digest(figures, translator(recipient.language))


def message_for(address: str, digest: Digest) -> Message:
    """Plain text and HTML alternatives; the chart rides along inline (Content-ID)."""
    message = Message(subject=digest.subject, recipients=[address], body=digest.text)
    message.html = digest.html
    if digest.chart_png:
        message.attach(
            "digest-chart.png",
            "image/png",
            digest.chart_png,
            "inline",
            headers={"Content-ID": f"<{CHART_CID}>"},
        )
    return message


def render_period(
    period: str, now: datetime | None = None, period_start: datetime | None = None
) -> list[tuple[Recipient, Digest]]:
    """Every recipient's digest for the period, built but neither recorded nor sent (dry run)."""
    now = now or utcnow()
    start, end = bounds(period, now, period_start)
    include = summaries_enabled()
    return [(r, build_for(r, period, start, end, now, include)) for r in recipients(period)]


def _send(
    recipient: Recipient,
    period: str,
    span: tuple[datetime, datetime],
    now: datetime,
    include_summaries: bool,
) -> None:
    """Build one recipient's digest and hand it to the mail server."""
    try:
        digest = build_for(recipient, period, *span, now, include_summaries)
    except Exception as exc:  # a bug for one recipient must not stop the others
        raise NotBuilt(type(exc).__name__) from exc
    mail.send(message_for(recipient.email, digest))


def send_period(
    period: str, now: datetime | None = None, period_start: datetime | None = None
) -> Outcome:
    """Send the period's digest to everyone owed it, once each. Safe to run twice at once."""
    now = now or utcnow()
    start, end = bounds(period, now, period_start)
    outcome = Outcome(period, start)
    if not current_app.config.get("MAIL_SERVER"):
        log.warning("MAIL_SERVER is not set: no %s digest sent", period)
        return outcome
    include = summaries_enabled()
    for recipient in recipients(period):
        owed = Owed.digest(period, start, recipient.email, recipient.user_id)
        send = functools.partial(_send, recipient, period, (start, end), now, include)
        outcome.count(send_once(owed, send, f"{period} digest"))
    return outcome
