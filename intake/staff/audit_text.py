"""The audit log in sentences: "ana@org revealed report #12: reason …".

Every known action has a sentence; an action this module does not know yet (a new feature's)
still reads as words (its name and details), never as `frm=None`.
"""

from __future__ import annotations

from flask_babel import gettext as _

from ..labels import STATUS_LABELS
from ..models import AuditEvent
from .casework import CONTACT_METHODS, CONTACT_OUTCOMES, REFERRAL_DESTINATIONS


def _status(code: object) -> str:
    return str(STATUS_LABELS.get(str(code), code))


def _list(values: object) -> str:
    if not values:
        return _("none")
    if isinstance(values, list | tuple):
        return ", ".join(str(v) for v in values)
    return str(values)


def describe(event: AuditEvent, emails: dict[int, str]) -> str:
    """One sentence for one event. `emails`: account ids to addresses (for the target)."""
    d = event.detail or {}
    who = event.actor_email or _("The system")
    report = f"#{event.report_id}" if event.report_id else ""
    target = emails.get(event.target_user_id or 0, _("an account"))
    a = event.action
    if a == "report.reveal":
        return _(
            "%(who)s revealed report %(report)s: reason “%(reason)s”",
            who=who,
            report=report,
            reason=event.reason or "",
        )
    if a == "report.status":
        return _(
            "%(who)s moved report %(report)s from %(frm)s to %(to)s",
            who=who,
            report=report,
            frm=_status(d.get("frm")),
            to=_status(d.get("to")),
        )
    if a == "report.assign":
        if event.target_user_id:
            return _(
                "%(who)s assigned report %(report)s to %(target)s",
                who=who,
                report=report,
                target=target,
            )
        return _("%(who)s unassigned report %(report)s", who=who, report=report)
    if a == "report.labels":
        return _(
            "%(who)s set the labels of report %(report)s to %(labels)s",
            who=who,
            report=report,
            labels=_list(d.get("to")),
        )
    if a == "message.sent":
        return _(
            "%(who)s sent a message to the reporter of report %(report)s", who=who, report=report
        )
    if a == "contact.logged":
        return _(
            "%(who)s logged a contact on report %(report)s: %(method)s, %(outcome)s",
            who=who,
            report=report,
            method=str(CONTACT_METHODS.get(d.get("method"), d.get("method"))),
            outcome=str(CONTACT_OUTCOMES.get(d.get("outcome"), d.get("outcome"))),
        )
    if a == "report.referred":
        return _(
            "%(who)s referred report %(report)s to %(destination)s",
            who=who,
            report=report,
            destination=str(REFERRAL_DESTINATIONS.get(d.get("destination"), d.get("destination"))),
        )
    if a == "redaction.corrected":
        if d.get("kind") == "restore":
            return _(
                "%(who)s restored a %(label)s in report %(report)s (%(n)s places): "
                "reason “%(reason)s”",
                who=who,
                label=d.get("label"),
                report=report,
                n=d.get("occurrences"),
                reason=event.reason or "",
            )
        return _(
            "%(who)s redacted a %(label)s in report %(report)s (%(n)s places): reason “%(reason)s”",
            who=who,
            label=d.get("label"),
            report=report,
            n=d.get("occurrences"),
            reason=event.reason or "",
        )
    if a == "redaction.checked":
        if d.get("checked"):
            return _(
                "%(who)s marked the redaction of report %(report)s checked", who=who, report=report
            )
        return _(
            "%(who)s removed the “redaction checked” mark of report %(report)s",
            who=who,
            report=report,
        )
    if a == "report.export":
        return _(
            "%(who)s exported %(n)s reports (%(format)s, %(officers)s)",
            who=who,
            n=d.get("reports", 0),
            format=d.get("format"),
            officers=_("with officer names") if d.get("officers") else _("officer names removed"),
        )
    if a == "login.success":
        return _("%(who)s logged in", who=who)
    if a == "login.failure":
        return _("A login as %(who)s failed", who=who)
    if a == "login.locked":
        return _("%(who)s was locked out after %(n)s failed logins", who=who, n=d.get("failures"))
    if a == "login.refused":
        return _("A login as %(who)s was refused (account locked or deactivated)", who=who)
    if a == "totp.enabled":
        return _("%(who)s set up two-factor authentication", who=who)
    if a == "user.created":
        return _(
            "%(who)s created the account %(target)s (%(role)s)",
            who=who,
            target=target,
            role=d.get("role"),
        )
    if a == "user.role":
        return _(
            "%(who)s changed the role of %(target)s from %(frm)s to %(to)s",
            who=who,
            target=target,
            frm=d.get("frm"),
            to=d.get("to"),
        )
    if a == "user.queues":
        return _(
            "%(who)s set the queues of %(target)s to %(to)s",
            who=who,
            target=target,
            to=_list(d.get("to")) if d.get("to") else _("all queues"),
        )
    if a == "user.language":
        return _(
            "%(who)s set the language of %(target)s to %(to)s",
            who=who,
            target=target,
            to=d.get("to"),
        )
    if a == "user.deactivate":
        return _("%(who)s deactivated %(target)s", who=who, target=target)
    if a == "user.activate":
        return _("%(who)s activated %(target)s again", who=who, target=target)
    if a == "attachment.reveal":
        return _(
            "%(who)s opened the sealed original of an evidence file of report %(report)s: "
            "reason “%(reason)s”",
            who=who,
            report=report,
            reason=event.reason or "",
        )
    if a == "report.entered":
        return _(
            "%(who)s entered report %(report)s for someone (%(channel)s)",
            who=who,
            report=report,
            channel=d.get("channel") or _("channel not given"),
        )
    if a == "user.reset":
        return _(
            "%(who)s reset the password and two-factor authentication of %(target)s",
            who=who,
            target=target,
        )
    if a == "password.changed":
        return _("%(who)s changed their password", who=who)
    if a == "password.change_refused":
        return _("%(who)s tried to change their password with a wrong current one", who=who)
    if a == "volunteer.flagged":
        return _(
            "%(target)s entered %(n)s reports for people within an hour (more than %(limit)s)",
            target=target,
            n=d.get("count"),
            limit=d.get("limit"),
        )
    if a == "volunteer.granted":
        return _(
            "%(who)s let the volunteer %(target)s see the reports of %(queues)s: reason "
            "“%(reason)s”",
            who=who,
            target=target,
            queues=_list(d.get("queues")) if d.get("queues") else _("all queues"),
            reason=event.reason or "",
        )
    if a == "volunteer.revoked":
        return _(
            "%(who)s revoked the grant of the volunteer %(target)s, who sees only their own "
            "entries again: reason “%(reason)s”",
            who=who,
            target=target,
            reason=event.reason or "",
        )
    if a == "attachment.broken":
        return _(
            "%(who)s opened an evidence file of report %(report)s whose stored original no "
            "longer matches its fingerprint",
            who=who,
            report=report,
        )
    if a == "referral.prepare":
        shared = _("with the reporter's identity") if d.get("identity") else _("without identity")
        return _(
            "%(who)s prepared a referral packet of report %(report)s for %(channel)s, %(shared)s",
            who=who,
            report=report,
            channel=d.get("channel"),
            shared=shared,
        )
    if a == "referral.answer":
        return _("%(who)s recorded the answer to a referral of report %(report)s", who=who,
                 report=report)  # fmt: skip
    if a == "user.unlock":
        return _("%(who)s unlocked %(target)s", who=who, target=target)
    if a == "user.reset_two_factor":
        return _(
            "%(who)s reset the two-factor authentication of %(target)s", who=who, target=target
        )
    if a == "digest.subscriptions":
        return _("%(who)s changed their digest emails", who=who)
    if a == "digest.include_summaries":
        if d.get("to"):
            return _("%(who)s turned on summaries in digest emails", who=who)
        return _("%(who)s turned off summaries in digest emails", who=who)
    if a == "retention.purge":
        return _(
            "The retention schedule deleted the originals of %(n)s reports "
            "(#%(first)s to #%(last)s)",
            n=d.get("reports"),
            first=d.get("first"),
            last=d.get("last"),
        )
    details = ", ".join(f"{k}: {_list(v)}" for k, v in d.items() if v not in (None, "", [], {}))
    sentence = f"{who}: {a.replace('.', ' ').replace('_', ' ')}"
    if report:
        sentence += f" {report}"
    if details:
        sentence += f" ({details})"
    if event.reason:
        sentence += f": “{event.reason}”"
    return sentence
