"""The urgent alert: what an on-call person receives within a minute of an urgent submit.

Email is not a safe channel, so the message is content-minimal: queue, priority, deadline, flags
and a link to the staff page. No narrative, no names, no place, no agency. Plain data in and out.
"""

from __future__ import annotations

import json
import urllib.request
from datetime import datetime


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


def post_webhook(url: str, payload: dict, timeout: float = 10.0) -> None:
    """POST the same minimal content as JSON to a webhook the deployment configured."""
    if not url.startswith(("http://", "https://")):
        raise ValueError("webhook URL must be http(s)")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()


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
