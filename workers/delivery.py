"""The one delivery ledger's claim helper: every message owed to one recipient (a digest, an
urgent alert, a pattern alert, a referral reminder, an unusual-entry flag; by email or to the
on-call webhook) goes once, whoever else is trying at the time.

A sender first claims the delivery: a conditional insert makes its row already `sending`, or,
when the row exists, one conditional UPDATE turns it `sending` if it is still owed (pending,
failed) or its claim is stale (older than STUCK_AFTER: the sender died). Only the caller that
got the claim sends; it then records sent, failed (retried by its task) or rejected (the server
refused the address for good). The unique key (kind, about, channel, recipient) settles a race.

A sender that dies between claim and record leaves the row `sending`; the sweep
(`owed_again`, every minute) hands it to its task again once the claim is stale: at least
once rather than at most once, since an alert that went nowhere is worse than a rare
duplicate.
"""

from __future__ import annotations

import functools
import json
import logging
import smtplib
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from flask_mail import Message
from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from intake.extensions import db, mail
from intake.models import Delivery
from intake.timeutil import utcnow

from .claims import claim_row
from .states import Channel, DeliveryKind, DeliveryStatus

log = logging.getLogger(__name__)

STUCK_AFTER = timedelta(minutes=10)  # a claim this old belongs to a sender that died
OWED = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)
KEY = ("kind", "about", "channel", "recipient")  # the ledger's unique key (uq_delivery_once)


class NotBuilt(Exception):
    """The message could not be made (a bug, for one recipient): recorded failed, retried."""


SEND_ERRORS = (smtplib.SMTPException, OSError, ValueError, NotBuilt)


def digest_about(period: str, start: datetime) -> str:
    """A digest's `about`: its period and start (migration 0015 writes the same)."""
    return f"{period} {start:%Y-%m-%dT%H:%M:%S}"


@dataclass(frozen=True)
class Owed:
    """One message owed to one recipient: the ledger's key and what else its row records."""

    kind: DeliveryKind
    about: str
    recipient: str
    channel: Channel = Channel.EMAIL
    columns: Mapping[str, object] = field(default_factory=dict)

    @property
    def key(self) -> dict[str, str]:
        """The values of the ledger's unique key."""
        return {name: getattr(self, name) for name in KEY}

    @classmethod
    def urgent_alert(cls, report_id: int, channel: Channel, recipient: str) -> Owed:
        columns = {"report_id": report_id}
        return cls(DeliveryKind.URGENT_ALERT, str(report_id), recipient, channel, columns)

    @classmethod
    def pattern_alert(cls, alert_id: int, channel: Channel, recipient: str) -> Owed:
        columns = {"pattern_alert_id": alert_id}
        return cls(DeliveryKind.PATTERN_ALERT, str(alert_id), recipient, channel, columns)

    @classmethod
    def referral_reminder(
        cls, packet_id: int, report_id: int, channel: Channel, recipient: str
    ) -> Owed:
        columns = {"report_id": report_id}
        kind = DeliveryKind.REFERRAL_REMINDER
        return cls(kind, str(packet_id), recipient, channel, columns)

    @classmethod
    def heavy_entry(cls, flag_id: int, channel: Channel, recipient: str) -> Owed:
        """`flag_id`: the audit event "volunteer.flagged" the admins are told of."""
        return cls(DeliveryKind.HEAVY_ENTRY, str(flag_id), recipient, channel)

    @classmethod
    def digest(cls, period: str, start: datetime, recipient: str, user_id: int | None) -> Owed:
        columns = {"period": period, "period_start": start, "staff_user_id": user_id}
        return cls(DeliveryKind.DIGEST, digest_about(period, start), recipient, columns=columns)


def _insert(dialect: str) -> Callable[..., postgresql.Insert | sqlite.Insert]:
    """The INSERT that can skip a row whose unique key is taken (PostgreSQL and SQLite)."""
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _insert_claimed(owed: Owed, now: datetime) -> int | None:
    """Make the row already claimed; its id, or None if it exists (the key is taken)."""
    insert = _insert(db.session.get_bind().dialect.name)
    statement = (
        insert(Delivery)
        .values(
            **owed.key,
            **owed.columns,
            status=DeliveryStatus.SENDING,
            attempts=1,
            created_at=now,
            claimed_at=now,
        )
        .on_conflict_do_nothing(index_elements=list(KEY))
        .returning(Delivery.id)
    )
    made: int | None = db.session.scalar(statement)
    db.session.commit()
    return made


def claim(owed: Owed, now: datetime | None = None) -> int | None:
    """Claim the delivery for this caller: its row's id, or None when it was sent or refused
    already, or another sender holds a live claim on it."""
    now = now or utcnow()
    made = _insert_claimed(owed, now)
    if made is not None:
        return made
    found = db.session.scalar(select(Delivery.id).filter_by(**owed.key))
    stale_before = now - STUCK_AFTER
    if found is None or not claim_row(
        Delivery.status, found, OWED, DeliveryStatus.SENDING, stale_before, now
    ):
        return None
    return found


def record(delivery_id: int, status: DeliveryStatus, error: str | None = None) -> None:
    """The outcome of a claimed delivery: sent, failed (retried) or rejected (not retried)."""
    db.session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(
            status=status,
            last_error=error[:200] if error else None,
            sent_at=utcnow() if status == DeliveryStatus.SENT else None,
        )
    )
    db.session.commit()


def classify(exc: BaseException) -> tuple[DeliveryStatus, str]:
    """(rejected or failed, a short reason without message text) for a sending error."""
    if isinstance(exc, NotBuilt):
        return DeliveryStatus.FAILED, f"building: {exc}"
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


def send_once(owed: Owed, send: Callable[[], object], what: str) -> DeliveryStatus | None:
    """Claim, send, record: the status recorded, or None when this caller did not get the
    claim (sent already, refused, or another sender is on it). `what` names the message in the
    log (a kind and an id, never a name or an address)."""
    delivery_id = claim(owed)
    if delivery_id is None:
        return None
    try:
        send()
    except SEND_ERRORS as exc:
        db.session.rollback()
        status, reason = classify(exc)
        record(delivery_id, status, reason)
        log.warning("%s, delivery %s: %s (%s)", what, delivery_id, status, reason)
        return status
    record(delivery_id, DeliveryStatus.SENT)
    return DeliveryStatus.SENT


def post_webhook(url: str, payload: dict[str, Any], timeout: float = 10.0) -> None:
    """POST the same minimal content as JSON to a webhook the deployment configured."""
    if not url.startswith(("http://", "https://")):
        raise ValueError("webhook URL must be http(s)")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()


def email_each(
    owed_for: Callable[[Channel, str], Owed],
    recipients: list[str],
    subject: str,
    body: str,
    what: str,
) -> list[DeliveryStatus | None]:
    """Email each recipient once (`owed_for(Channel.EMAIL, address)` names the delivery): the
    outcomes, none when MAIL_SERVER is not set."""
    if not current_app.config.get("MAIL_SERVER"):
        log.warning("%s: MAIL_SERVER is not set, no email sent", what)
        return []
    outcomes = []
    for address in recipients:
        message = Message(subject=subject, recipients=[address], body=body)
        send = functools.partial(mail.send, message)
        outcomes.append(send_once(owed_for(Channel.EMAIL, address), send, what))
    return outcomes


def deliver_alert(
    owed_for: Callable[[Channel, str], Owed],
    recipients: list[str],
    subject: str,
    body: str,
    payload: dict[str, Any] | None,
    what: str,
) -> bool:
    """Email each recipient and post `payload` (None: nothing to post) to the on-call webhook,
    when configured, each once (`owed_for(channel, recipient)` names the delivery). True when
    nothing is left to retry."""
    outcomes = email_each(owed_for, recipients, subject, body, what)
    url = current_app.config.get("ONCALL_WEBHOOK_URL")
    if url and payload is not None:
        webhook = owed_for(Channel.WEBHOOK, Channel.WEBHOOK)
        outcomes.append(send_once(webhook, lambda: post_webhook(url, payload), what))
    return DeliveryStatus.FAILED not in outcomes


def _task_for(row: Any) -> tuple[str, tuple[object, ...]]:
    """The task (name and arguments) that delivers this row's message again."""
    if row.kind == DeliveryKind.DIGEST:
        return "send_digests", (row.period, row.period_start.isoformat())
    if row.kind == DeliveryKind.PATTERN_ALERT:
        return "send_pattern_alert", (row.pattern_alert_id,)
    if row.kind == DeliveryKind.REFERRAL_REMINDER:
        return "remind_referrals", ()  # it finds every packet still owed a reminder
    if row.kind == DeliveryKind.HEAVY_ENTRY:
        return "flag_heavy_entry", (int(row.about),)
    return "send_urgent_alert", (row.report_id,)


def owed_again(now: datetime | None = None) -> list[tuple[str, tuple[object, ...]]]:
    """The tasks to run again, once each, for deliveries a sender left behind: claimed and
    not recorded for STUCK_AFTER (it died), or made and never claimed (rows from before the
    ledger claimed on insert)."""
    stale_before = (now or utcnow()) - STUCK_AFTER
    rows = db.session.execute(
        select(
            Delivery.kind,
            Delivery.about,
            Delivery.report_id,
            Delivery.pattern_alert_id,
            Delivery.period,
            Delivery.period_start,
        )
        .where(
            or_(
                and_(Delivery.status == DeliveryStatus.SENDING, Delivery.claimed_at < stale_before),
                and_(Delivery.status == DeliveryStatus.PENDING, Delivery.created_at < stale_before),
            )
        )
        .distinct()
    ).all()
    return sorted({_task_for(row) for row in rows}, key=repr)
