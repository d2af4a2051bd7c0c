"""Sending the digests of one period: once per recipient, whoever else is trying at the time.

For each recipient a `DigestDelivery` row keyed (period, period_start, recipient) is made (the
unique key settles a race between two beats or two hosts), then claimed with one conditional
UPDATE; only the worker whose UPDATE changed the row sends. A failure is recorded on the row and
does not stop the others: a refused address is `rejected` (retrying will not help), a server that
is down or answers 4xx leaves the row `failed`, and the task retries those with backoff. Admins
see both on /staff/digest/deliveries.

A worker that dies between claiming and recording leaves the row `sending`; after STUCK_AFTER it
may be claimed again: at least once rather than at most once, since a digest that went nowhere
is worse than a rare duplicate.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_mail import Message
from sqlalchemy import update

from intake.digest.queries import Recipient, digest_figures, recipients, summaries_enabled
from intake.extensions import db, mail
from intake.models import DigestDelivery
from intake.timeutil import utcnow
from workers.digest import (
    CHART_CID,
    Digest,
    bounds_from_start,
    build_digest,
    period_bounds,
)
from workers.i18n import translator

from .claims import claim_row
from .delivery import ledger_row
from .states import DeliveryStatus

log = logging.getLogger(__name__)

STUCK_AFTER = timedelta(minutes=15)


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


def _delivery_id(period: str, start: datetime, recipient: Recipient) -> int:
    """The record of this digest to this recipient, made once (the unique key settles races)."""
    key = {"period": period, "period_start": start, "recipient": recipient.email}
    return ledger_row(DigestDelivery, key, staff_user_id=recipient.user_id).id


def _claim(delivery_id: int, now: datetime) -> bool:
    """Mark the delivery `sending` if it is still owed and nobody else is on it."""
    return claim_row(
        DigestDelivery.status,
        delivery_id,
        (DeliveryStatus.PENDING, DeliveryStatus.FAILED),
        DeliveryStatus.SENDING,
        now - STUCK_AFTER,
        now,
    )


def _finish(delivery_id: int, status: str, error: str | None = None) -> None:
    db.session.execute(
        update(DigestDelivery)
        .where(DigestDelivery.id == delivery_id)
        .values(
            status=status,
            last_error=error[:200] if error else None,
            sent_at=utcnow() if status == DeliveryStatus.SENT else None,
        )
    )
    db.session.commit()


def _classify(exc: Exception) -> tuple[DeliveryStatus, str]:
    """(rejected or failed, a short reason without message text) for a sending error."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        permanent = bool(codes) and all(code >= 500 for code in codes)
        reason = f"{type(exc).__name__} {min(codes, default=0)}"
        return (DeliveryStatus.REJECTED if permanent else DeliveryStatus.FAILED), reason
    if isinstance(exc, smtplib.SMTPResponseException):
        permanent = exc.smtp_code >= 500
        failed = DeliveryStatus.REJECTED if permanent else DeliveryStatus.FAILED
        return failed, f"{type(exc).__name__} {exc.smtp_code}"
    return DeliveryStatus.FAILED, type(exc).__name__


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
        delivery_id = _delivery_id(period, start, recipient)
        if not _claim(delivery_id, now):
            outcome.skipped += 1
            continue
        try:
            digest = build_for(recipient, period, start, end, now, include)
        except Exception as exc:  # a bug for one recipient must not stop the others
            db.session.rollback()
            _finish(delivery_id, DeliveryStatus.FAILED, f"building: {type(exc).__name__}")
            log.error("%s digest %s: building failed: %s", period, delivery_id, type(exc).__name__)
            outcome.failed += 1
            continue
        try:
            mail.send(message_for(recipient.email, digest))
        except (smtplib.SMTPException, OSError) as exc:
            status, reason = _classify(exc)
            _finish(delivery_id, status, reason)
            log.warning("%s digest %s: %s (%s)", period, delivery_id, status, reason)
            if status == DeliveryStatus.REJECTED:
                outcome.rejected += 1
            else:
                outcome.failed += 1
            continue
        _finish(delivery_id, DeliveryStatus.SENT)
        outcome.sent += 1
    return outcome
