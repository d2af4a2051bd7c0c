"""Beat tasks of issue 17: officer pattern alerts, referral reminders, public statistics.

Thin glue, like workers/tasks.py: the work is in intake/patterns, intake/referrals and
intake/publication. Each task is idempotent: a pattern is alerted once (its ledger row), a
delivery (a pattern alert, a referral reminder) is sent once per recipient (the delivery ledger,
workers/delivery.py), a snapshot is only added.
"""

from __future__ import annotations

import functools
import logging
from datetime import timedelta

from celery import shared_task
from flask import current_app
from sqlalchemy import select

from intake.extensions import db
from intake.models import PatternAlert, ReferralPacket, StaffUser
from intake.patterns.alerts import check_patterns as find_new_alerts
from intake.publication.snapshot import store_snapshot
from intake.reports.facts import STAFF_LANGUAGE
from intake.timeutil import utcnow

from .alerts import (
    deliver_in_languages,
    pattern_alert_message,
    referral_reminder_message,
)
from .delivery import Owed
from .i18n import translator
from .states import Role

log = logging.getLogger(__name__)
ALERT_RETRIES = 10
SUPERVISING_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def _link(path: str) -> str:
    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}{path}"


@shared_task(name="check_patterns")
def check_patterns() -> int:
    """Record patterns newly due and send each one's alert; returns how many were new."""
    created = find_new_alerts()
    for alert_id in created:  # committed already: the sender finds the row
        send_pattern_alert.delay(alert_id)
    if created:
        log.info("patterns: %s new pattern alerts", len(created))
    return len(created)


def supervisors() -> list[str]:
    return list(
        db.session.scalars(
            select(StaffUser.email)
            .where(StaffUser.role.in_(SUPERVISING_ROLES), StaffUser.active)
            .order_by(StaffUser.email)
        )
    )


@shared_task(name="send_pattern_alert", bind=True, max_retries=ALERT_RETRIES, acks_late=True)
def send_pattern_alert(self, alert_id: int) -> int:  # noqa: ANN001
    """Tell every active supervisor (and the on-call webhook) that a pattern needs review."""
    alert = db.session.get(PatternAlert, alert_id)
    if alert is None:
        return 0
    config = current_app.config
    link = _link(f"/staff/patterns/alerts/{alert.id}")
    what = f"pattern alert {alert.id}"
    message = functools.partial(
        pattern_alert_message, alert.reporters, config["PATTERN_ALERT_DAYS"], link
    )
    recipients = supervisors()
    # The webhook's reader is a program or a shared channel: the staff language.
    payload = {
        "pattern_alert": alert.id,
        "message": message(translator(STAFF_LANGUAGE))[0],
        "link": link,
    }
    owed_for = functools.partial(Owed.pattern_alert, alert.id)
    done = deliver_in_languages(owed_for, recipients, message, payload, what)
    if not done:
        raise self.retry(countdown=min(30 * 2**self.request.retries, 600))
    return len(recipients)


@shared_task(name="remind_referrals")
def remind_referrals() -> int:
    """Remind whoever prepared a referral packet (else the supervisors) when no answer has been
    recorded after REFERRAL_REMINDER_DAYS; once per packet and reader, through the delivery
    ledger. A packet is marked reminded when nobody is left to retry; until then each hourly
    run sends only to whoever has not had it. Returns how many packets were reminded."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        log.warning("referral reminders: MAIL_SERVER is not set, none sent")
        return 0
    days = config["REFERRAL_REMINDER_DAYS"]
    due = db.session.scalars(
        select(ReferralPacket).where(
            ReferralPacket.answered_at.is_(None),
            ReferralPacket.reminded_at.is_(None),
            ReferralPacket.prepared_at < utcnow() - timedelta(days=days),
        )
    ).all()
    reminded = 0
    for packet in due:
        preparer = (
            db.session.get(StaffUser, packet.prepared_by_id) if packet.prepared_by_id else None
        )
        recipients = [preparer.email] if preparer and preparer.active else supervisors()
        link = _link(f"/staff/reports/{packet.report_id}/referral")
        message = functools.partial(referral_reminder_message, days, link)
        owed_for = functools.partial(Owed.referral_reminder, packet.id, packet.report_id)
        what = f"referral reminder {packet.id}"
        if deliver_in_languages(owed_for, recipients, message, None, what):
            packet.reminded_at = utcnow()
            db.session.commit()
            reminded += 1
    return reminded


@shared_task(name="compute_public_stats")
def compute_public_stats() -> int | None:
    """Store a new snapshot of the public statistics (only when PUBLIC_STATS=1)."""
    if not current_app.config.get("PUBLIC_STATS"):
        return None
    snapshot = store_snapshot()
    log.info("public statistics: snapshot %s stored", snapshot.id)
    return snapshot.id
