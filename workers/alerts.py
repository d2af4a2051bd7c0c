"""Alerts: what an on-call person receives within a minute of an urgent submit, and the
pattern and referral reminders' words.

Email is not a safe channel, so the message is content-minimal: queue, priority, deadline, flags
and a link to the staff page. No narrative, no names, no place, no agency. The message builders
are plain data in and out; `send_urgent_alert` delivers one report's alert once per recipient
through the delivery ledger (workers/delivery.py).
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, StaffUser

from .delivery import Owed, deliver_alert
from .states import Role

log = logging.getLogger(__name__)


def alert_message(
    report_id: int, queue: str, priority: str, deadline_at: datetime | None, link: str
) -> tuple[str, str]:
    """(subject, plain-text body) of the alert email."""
    due = deadline_at.strftime("%Y-%m-%d %H:%M UTC") if deadline_at else "as soon as possible"
    subject = f"[{priority.upper()}] New report #{report_id} in {queue}"
    body = "\n".join(
        [
            f"A report routed to the {queue} queue needs a first response.",
            "",
            f"Priority:            {priority}",
            f"First response due:  {due}",
            f"Open it (staff login required): {link}",
            "",
            "This email deliberately contains no details of the report.",
        ]
    )
    return subject, body


def on_call_emails(
    list_names: list[str], configured: dict[str, list[str]], admins: list[str]
) -> list[str]:
    """Recipients of the named on-call lists: configured addresses, else the active admins."""
    recipients: list[str] = []
    for name in list_names:
        for address in configured.get(name) or admins:
            if address not in recipients:
                recipients.append(address)
    return recipients


def pattern_alert_message(reporters: int, days: int, link: str) -> tuple[str, str]:
    """(subject, body) of a pattern alert: that a pattern needs review and where, nothing that
    names the officer, the agency, the place or anyone in the reports."""
    subject = "A pattern needs review"
    body = "\n".join(
        [
            "A pattern needs review: the same officer appears in reports from "
            f"{reporters} different reporters within {days} days.",
            "",
            f"Open it (staff login required): {link}",
            "",
            "This email deliberately contains no details of the reports.",
        ]
    )
    return subject, body


def referral_reminder_message(days: int, link: str) -> tuple[str, str]:
    """(subject, body) of the reminder that a referral has had no answer recorded."""
    subject = "A referral has no answer recorded"
    body = "\n".join(
        [
            f"A referral packet was prepared {days} or more days ago and no answer is recorded.",
            "Check with the channel, then record the answer or the follow-up.",
            "",
            f"Open it (staff login required): {link}",
            "",
            "This email deliberately contains no details of the report.",
        ]
    )
    return subject, body


def send_urgent_alert(report_id: int) -> tuple[bool, int]:
    """Alert the report's on-call lists, each recipient once: (nothing left to retry, how many
    email recipients)."""
    report = db.session.get(Report, report_id)
    lists = (report.routing or {}).get("alert") if report else None
    if report is None or not lists or report.queue is None or report.priority is None:
        return True, 0  # not an alerting report (routing always sets queue and priority)
    config = current_app.config
    link = f"{config['PUBLIC_BASE_URL'].rstrip('/')}/staff/reports/{report.id}"
    what = f"alert for report {report.id}"
    subject, body = alert_message(
        report.id, report.queue, report.priority, report.deadline_at, link
    )
    admins = db.session.scalars(
        select(StaffUser.email).where(StaffUser.role == Role.ADMIN, StaffUser.active)
    ).all()
    recipients = on_call_emails(lists, config["ONCALL_EMAILS"], list(admins))
    payload = {
        "report": report.id,
        "queue": report.queue,
        "priority": report.priority,
        "deadline_at": report.deadline_at.isoformat() if report.deadline_at else None,
        "link": link,
    }
    owed_for = functools.partial(Owed.urgent_alert, report.id)
    done = deliver_alert(owed_for, recipients, subject, body, payload, what)
    return done, len(recipients)
