"""The audit log in sentences: "ana@org revealed report #12: reason …".

Every known action has a sentence; an action this module does not know yet (a new feature's)
still reads as words (its name and details), never as `frm=None`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _

from ..labels import LEVEL_LABELS, STATUS_LABELS
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


@dataclass(frozen=True)
class _Event:
    """What a sentence may name: the actor, the report, the target account, the details."""

    who: str
    report: str
    target: str
    target_user_id: int | None
    reason: str
    detail: dict


_SENTENCES: dict[str, Callable[[_Event], str]] = {}


def _sentence(action: str) -> Callable[[Callable[[_Event], str]], Callable[[_Event], str]]:
    def register(fn: Callable[[_Event], str]) -> Callable[[_Event], str]:
        _SENTENCES[action] = fn
        return fn

    return register


def describe(event: AuditEvent, emails: dict[int, str]) -> str:
    """One sentence for one event. `emails`: account ids to addresses (for the target)."""
    e = _Event(
        who=event.actor_email or _("The system"),
        report=f"#{event.report_id}" if event.report_id else "",
        target=emails.get(event.target_user_id or 0, _("an account")),
        target_user_id=event.target_user_id,
        reason=event.reason or "",
        detail=event.detail or {},
    )
    known = _SENTENCES.get(event.action)
    return known(e) if known else _fallback(event.action, e)


def _fallback(action: str, e: _Event) -> str:
    """An action without a sentence yet (a new feature's) still reads as words."""
    details = ", ".join(
        f"{k}: {_list(v)}" for k, v in e.detail.items() if v not in (None, "", [], {})
    )
    sentence = f"{e.who}: {action.replace('.', ' ').replace('_', ' ')}"
    if e.report:
        sentence += f" {e.report}"
    if details:
        sentence += f" ({details})"
    if e.reason:
        sentence += f": “{e.reason}”"
    return sentence


@_sentence("report.reveal")
def _report_reveal(e: _Event) -> str:
    return _(
        "%(who)s revealed report %(report)s: reason “%(reason)s”",
        who=e.who,
        report=e.report,
        reason=e.reason,
    )


@_sentence("report.status")
def _report_status(e: _Event) -> str:
    return _(
        "%(who)s moved report %(report)s from %(frm)s to %(to)s",
        who=e.who,
        report=e.report,
        frm=_status(e.detail.get("frm")),
        to=_status(e.detail.get("to")),
    )


@_sentence("report.assign")
def _report_assign(e: _Event) -> str:
    if e.target_user_id:
        return _(
            "%(who)s assigned report %(report)s to %(target)s",
            who=e.who,
            report=e.report,
            target=e.target,
        )
    return _("%(who)s unassigned report %(report)s", who=e.who, report=e.report)


@_sentence("report.labels")
def _report_labels(e: _Event) -> str:
    return _(
        "%(who)s set the labels of report %(report)s to %(labels)s",
        who=e.who,
        report=e.report,
        labels=_list(e.detail.get("to")),
    )


@_sentence("message.sent")
def _message_sent(e: _Event) -> str:
    return _(
        "%(who)s sent a message to the reporter of report %(report)s", who=e.who, report=e.report
    )


@_sentence("contact.logged")
def _contact_logged(e: _Event) -> str:
    return _(
        "%(who)s logged a contact on report %(report)s: %(method)s, %(outcome)s",
        who=e.who,
        report=e.report,
        method=str(CONTACT_METHODS.get(e.detail.get("method"), e.detail.get("method"))),
        outcome=str(CONTACT_OUTCOMES.get(e.detail.get("outcome"), e.detail.get("outcome"))),
    )


@_sentence("report.referred")
def _report_referred(e: _Event) -> str:
    return _(
        "%(who)s referred report %(report)s to %(destination)s",
        who=e.who,
        report=e.report,
        destination=str(
            REFERRAL_DESTINATIONS.get(e.detail.get("destination"), e.detail.get("destination"))
        ),
    )


@_sentence("redaction.corrected")
def _redaction_corrected(e: _Event) -> str:
    if e.detail.get("kind") == "restore":
        return _(
            "%(who)s restored a %(label)s in report %(report)s (%(n)s places): reason “%(reason)s”",
            who=e.who,
            label=e.detail.get("label"),
            report=e.report,
            n=e.detail.get("occurrences"),
            reason=e.reason,
        )
    return _(
        "%(who)s redacted a %(label)s in report %(report)s (%(n)s places): reason “%(reason)s”",
        who=e.who,
        label=e.detail.get("label"),
        report=e.report,
        n=e.detail.get("occurrences"),
        reason=e.reason,
    )


@_sentence("redaction.checked")
def _redaction_checked(e: _Event) -> str:
    if e.detail.get("checked"):
        return _(
            "%(who)s marked the redaction of report %(report)s checked", who=e.who, report=e.report
        )
    return _(
        "%(who)s removed the “redaction checked” mark of report %(report)s",
        who=e.who,
        report=e.report,
    )


@_sentence("report.export")
def _report_export(e: _Event) -> str:
    return _(
        "%(who)s exported %(n)s reports (%(format)s, %(officers)s)",
        who=e.who,
        n=e.detail.get("reports", 0),
        format=e.detail.get("format"),
        officers=_("with officer names")
        if e.detail.get("officers")
        else _("officer names removed"),
    )


@_sentence("login.success")
def _login_success(e: _Event) -> str:
    return _("%(who)s logged in", who=e.who)


@_sentence("login.failure")
def _login_failure(e: _Event) -> str:
    return _("A login as %(who)s failed", who=e.who)


@_sentence("login.locked")
def _login_locked(e: _Event) -> str:
    return _(
        "%(who)s was locked out after %(n)s failed logins", who=e.who, n=e.detail.get("failures")
    )


@_sentence("login.refused")
def _login_refused(e: _Event) -> str:
    return _("A login as %(who)s was refused (account locked or deactivated)", who=e.who)


@_sentence("totp.enabled")
def _totp_enabled(e: _Event) -> str:
    return _("%(who)s set up two-factor authentication", who=e.who)


@_sentence("user.created")
def _user_created(e: _Event) -> str:
    return _(
        "%(who)s created the account %(target)s (%(role)s)",
        who=e.who,
        target=e.target,
        role=e.detail.get("role"),
    )


@_sentence("user.role")
def _user_role(e: _Event) -> str:
    return _(
        "%(who)s changed the role of %(target)s from %(frm)s to %(to)s",
        who=e.who,
        target=e.target,
        frm=e.detail.get("frm"),
        to=e.detail.get("to"),
    )


@_sentence("user.queues")
def _user_queues(e: _Event) -> str:
    return _(
        "%(who)s set the queues of %(target)s to %(to)s",
        who=e.who,
        target=e.target,
        to=_list(e.detail.get("to")) if e.detail.get("to") else _("all queues"),
    )


@_sentence("user.language")
def _user_language(e: _Event) -> str:
    return _(
        "%(who)s set the language of %(target)s to %(to)s",
        who=e.who,
        target=e.target,
        to=e.detail.get("to"),
    )


@_sentence("user.deactivate")
def _user_deactivate(e: _Event) -> str:
    return _("%(who)s deactivated %(target)s", who=e.who, target=e.target)


@_sentence("user.activate")
def _user_activate(e: _Event) -> str:
    return _("%(who)s activated %(target)s again", who=e.who, target=e.target)


@_sentence("attachment.reveal")
def _attachment_reveal(e: _Event) -> str:
    return _(
        "%(who)s opened the sealed original of an evidence file of report %(report)s: "
        "reason “%(reason)s”",
        who=e.who,
        report=e.report,
        reason=e.reason,
    )


@_sentence("report.entered")
def _report_entered(e: _Event) -> str:
    return _(
        "%(who)s entered report %(report)s for someone (%(channel)s)",
        who=e.who,
        report=e.report,
        channel=e.detail.get("channel") or _("channel not given"),
    )


@_sentence("user.reset")
def _user_reset(e: _Event) -> str:
    return _(
        "%(who)s reset the password and two-factor authentication of %(target)s",
        who=e.who,
        target=e.target,
    )


@_sentence("password.changed")
def _password_changed(e: _Event) -> str:
    return _("%(who)s changed their password", who=e.who)


@_sentence("password.change_refused")
def _password_change_refused(e: _Event) -> str:
    return _("%(who)s tried to change their password with a wrong current one", who=e.who)


@_sentence("volunteer.flagged")
def _volunteer_flagged(e: _Event) -> str:
    return _(
        "%(target)s entered %(n)s reports for people within an hour (more than %(limit)s)",
        target=e.target,
        n=e.detail.get("count"),
        limit=e.detail.get("limit"),
    )


@_sentence("volunteer.granted")
def _volunteer_granted(e: _Event) -> str:
    return _(
        "%(who)s let the volunteer %(target)s see the reports of %(queues)s: reason “%(reason)s”",
        who=e.who,
        target=e.target,
        queues=_list(e.detail.get("queues")) if e.detail.get("queues") else _("all queues"),
        reason=e.reason,
    )


@_sentence("volunteer.revoked")
def _volunteer_revoked(e: _Event) -> str:
    return _(
        "%(who)s revoked the grant of the volunteer %(target)s, who sees only their own "
        "entries again: reason “%(reason)s”",
        who=e.who,
        target=e.target,
        reason=e.reason,
    )


@_sentence("attachment.broken")
def _attachment_broken(e: _Event) -> str:
    return _(
        "%(who)s opened an evidence file of report %(report)s whose stored original no "
        "longer matches its fingerprint",
        who=e.who,
        report=e.report,
    )


@_sentence("referral.prepare")
def _referral_prepare(e: _Event) -> str:
    shared = (
        _("with the reporter's identity") if e.detail.get("identity") else _("without identity")
    )
    return _(
        "%(who)s prepared a referral packet of report %(report)s for %(channel)s, %(shared)s",
        who=e.who,
        report=e.report,
        channel=e.detail.get("channel"),
        shared=shared,
    )


@_sentence("referral.answer")
def _referral_answer(e: _Event) -> str:
    return _(
        "%(who)s recorded the answer to a referral of report %(report)s", who=e.who, report=e.report
    )


@_sentence("user.unlock")
def _user_unlock(e: _Event) -> str:
    return _("%(who)s unlocked %(target)s", who=e.who, target=e.target)


@_sentence("user.reset_two_factor")
def _user_reset_two_factor(e: _Event) -> str:
    return _(
        "%(who)s reset the two-factor authentication of %(target)s", who=e.who, target=e.target
    )


@_sentence("digest.subscriptions")
def _digest_subscriptions(e: _Event) -> str:
    return _("%(who)s changed their digest emails", who=e.who)


@_sentence("digest.include_summaries")
def _digest_include_summaries(e: _Event) -> str:
    if e.detail.get("to"):
        return _("%(who)s turned on summaries in digest emails", who=e.who)
    return _("%(who)s turned off summaries in digest emails", who=e.who)


@_sentence("report.escalated")
def _report_escalated(e: _Event) -> str:
    return _(
        "A message from the reporter raised report %(report)s from %(before)s to %(after)s",
        report=e.report,
        before=str(LEVEL_LABELS.get(str(e.detail.get("before")), e.detail.get("before"))),
        after=str(LEVEL_LABELS.get(str(e.detail.get("after")), e.detail.get("after"))),
    )


@_sentence("retention.purge")
def _retention_purge(e: _Event) -> str:
    return _(
        "The retention schedule deleted the originals of %(n)s reports (#%(first)s to #%(last)s)",
        n=e.detail.get("reports"),
        first=e.detail.get("first"),
        last=e.detail.get("last"),
    )
