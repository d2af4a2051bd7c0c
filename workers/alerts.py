"""Alerts: what an on-call person receives within a minute of an urgent submit, and the
pattern and referral reminders' words.

Email is not a safe channel, so the message is content-minimal: queue, priority, deadline, flags
and a link to the staff page. No narrative, no names, no place, no agency. The message builders
are plain data in and out, in the language of the `Translator` they are handed (workers/i18n.py);
`send_urgent_alert` delivers one report's alert once per recipient, in the recipient's language,
through the delivery ledger (workers/delivery.py).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, StaffUser
from intake.reports.facts import STAFF_LANGUAGE

from .delivery import Owed, deliver_alert
from .i18n import ENGLISH, Translator, translator
from .states import Channel, Priority, Role

log = logging.getLogger(__name__)


def alert_message(
    report_id: int,
    queue: str,
    priority: str,
    deadline_at: datetime | None,
    link: str,
    t: Translator = ENGLISH,
) -> tuple[str, str]:
    """(subject, plain-text body) of the alert email, in the language of `t`."""
    label = _priority_label(priority, t)
    if deadline_at:
        due = deadline_at.strftime("%Y-%m-%d %H:%M UTC")  # the same digits in every language
    else:
        due = t.gettext("as soon as possible")
    subject = t.gettext(
        "[%(priority)s] New report #%(id)s in %(queue)s",
        priority=label.upper(),
        id=report_id,
        queue=queue,
    )
    lines = [
        t.gettext("A report routed to the %(queue)s queue needs a first response.", queue=queue),
        "",
        t.gettext("Priority: %(priority)s", priority=label),
        t.gettext("First response due: %(due)s", due=due),
        *_footer(link, t, t.gettext("This email deliberately contains no details of the report.")),
    ]
    return subject, "\n".join(lines)


def _priority_label(code: str, t: Translator) -> str:
    """The priority's label in the language of `t` (a code the states do not know, as it is)."""
    known = {member.value: member.label for member in Priority}
    return t.gettext(known[code]) if code in known else code


def _footer(link: str, t: Translator, no_details: str) -> list[str]:
    return [
        "",
        t.gettext("Open it (staff login required): %(link)s", link=link),
        "",
        no_details,
    ]


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


def pattern_alert_message(
    reporters: int, days: int, link: str, t: Translator = ENGLISH
) -> tuple[str, str]:
    """(subject, body) of a pattern alert: that a pattern needs review and where, nothing that
    names the officer, the agency, the place or anyone in the reports."""
    subject = t.gettext("A pattern needs review")
    what = t.ngettext(
        "A pattern needs review: the same officer appears in reports from %(reporters)s"
        " different reporters within %(num)d day.",
        "A pattern needs review: the same officer appears in reports from %(reporters)s"
        " different reporters within %(num)d days.",
        days,
        reporters=reporters,
    )
    no_details = t.gettext("This email deliberately contains no details of the reports.")
    return subject, "\n".join([what, *_footer(link, t, no_details)])


def referral_reminder_message(days: int, link: str, t: Translator = ENGLISH) -> tuple[str, str]:
    """(subject, body) of the reminder that a referral has had no answer recorded."""
    subject = t.gettext("A referral has no answer recorded")
    lines = [
        t.ngettext(
            "A referral packet was prepared %(num)d or more days ago and no answer is recorded.",
            "A referral packet was prepared %(num)d or more days ago and no answer is recorded.",
            days,
        ),
        t.gettext("Check with the channel, then record the answer or the follow-up."),
        *_footer(link, t, t.gettext("This email deliberately contains no details of the report.")),
    ]
    return subject, "\n".join(lines)


def heavy_entry_message(
    account: str, count: int, limit: int, link: str, t: Translator = ENGLISH
) -> tuple[str, str]:
    """(subject, body) telling admins that one account entered unusually many reports for
    people in an hour: the account and the count, nothing of any report."""
    subject = t.gettext("Intake: unusually many reports entered by one account")
    what = t.ngettext(
        "The account %(account)s entered %(num)d report for people in the last hour"
        " (more than %(limit)s, VOLUNTEER_FLAG_PER_HOUR).",
        "The account %(account)s entered %(num)d reports for people in the last hour"
        " (more than %(limit)s, VOLUNTEER_FLAG_PER_HOUR).",
        count,
        account=account,
        limit=limit,
    )
    check = t.gettext(
        "If this is not expected, check its entries and the audit log: %(link)s", link=link
    )
    return subject, f"{what}\n{check}\n"


def languages_of(addresses: list[str]) -> dict[str, list[str]]:
    """The addresses grouped by the language each reads: its staff account's, else the staff
    language (an on-call address with no account). In the order given."""
    rows = db.session.execute(
        select(StaffUser.email, StaffUser.language).where(StaffUser.email.in_(addresses))
    ).all()
    known: dict[str, str] = {email: language for email, language in rows}
    groups: dict[str, list[str]] = {}
    for address in addresses:
        groups.setdefault(known.get(address) or STAFF_LANGUAGE, []).append(address)
    return groups


def deliver_in_languages(
    owed_for: Callable[[Channel, str], Owed],
    recipients: list[str],
    message: Callable[[Translator], tuple[str, str]],
    payload: dict[str, Any] | None,
    what: str,
) -> bool:
    """`deliver_alert` for each language the recipients read, each email in its reader's
    language (`message(translator)` gives subject and body). The webhook, one delivery, is
    posted once whatever the number of languages (never when `payload` is None: a message for
    staff only). True when nothing is left to retry."""
    done = True
    for language, addresses in (languages_of(recipients) or {STAFF_LANGUAGE: []}).items():
        subject, body = message(translator(language))
        done &= deliver_alert(owed_for, addresses, subject, body, payload, what)
    return done


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
    message = functools.partial(
        alert_message, report.id, report.queue, report.priority, report.deadline_at, link
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
    done = deliver_in_languages(owed_for, recipients, message, payload, what)
    return done, len(recipients)
