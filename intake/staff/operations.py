"""What staff change, as plain functions: each makes one change and writes its audit event; the
caller (a route, after its form validated) commits. Report workflow steps and the contact log
live in actions.py, workflow.py and casework.py; this module holds the rest."""

from __future__ import annotations

import secrets

from workers.states import Role, Sender

from ..auth.sessions import end_all_sessions
from ..extensions import db
from ..models import Report, ReportMessage, ReportNote, StaffUser
from ..models.audit import audit
from ..timeutil import utcnow
from .casework import mark_first_response


class OwnAdminRole(Exception):
    """An administrator tried to take away their own administrator role."""


class OwnAccount(Exception):
    """An administrator tried to deactivate or reactivate their own account."""


def create_account(
    actor: StaffUser, email: str, role: str, queues: list[str], language: str
) -> tuple[StaffUser, str]:
    """A new account and its one-time password (shown once; changed at first sign-in)."""
    password = secrets.token_urlsafe(12)
    user = StaffUser(email=email, role=role, queues=queues, language=language)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit("user.created", actor=actor, target_user_id=user.id, role=role)
    return user, password


def set_role(actor: StaffUser, user: StaffUser, role: str) -> None:
    if user.id == actor.id and role != Role.ADMIN:
        raise OwnAdminRole
    audit("user.role", actor=actor, target_user_id=user.id, frm=user.role, to=role)
    user.role = role


def set_queues(actor: StaffUser, user: StaffUser, queues: list[str]) -> None:
    audit("user.queues", actor=actor, target_user_id=user.id, frm=user.queues, to=queues)
    user.queues = queues


def set_language(actor: StaffUser, user: StaffUser, language: str) -> None:
    audit("user.language", actor=actor, target_user_id=user.id, to=language)
    user.language = language


def deactivate(actor: StaffUser, user: StaffUser) -> None:
    """The account can no longer sign in; every session of it ends now."""
    _set_active(actor, user, False)
    audit("user.deactivate", actor=actor, target_user_id=user.id)


def activate(actor: StaffUser, user: StaffUser) -> None:
    _set_active(actor, user, True)
    audit("user.activate", actor=actor, target_user_id=user.id)


def _set_active(actor: StaffUser, user: StaffUser, active: bool) -> None:
    if user.id == actor.id:
        raise OwnAccount
    user.active = active
    end_all_sessions(user)


def reset_two_factor(actor: StaffUser, user: StaffUser) -> None:
    """The account sets up a new authenticator at its next sign-in; its sessions end now."""
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    user.recovery_hashes = []
    end_all_sessions(user)
    audit("user.reset_two_factor", actor=actor, target_user_id=user.id)


def add_note(actor: StaffUser, report: Report, body: str) -> None:
    # Notes are only ever added, so two people writing at once cannot overwrite each other.
    db.session.add(ReportNote(report_id=report.id, author_id=actor.id, body=body))


def send_message(actor: StaffUser, report: Report, body: str) -> None:
    """A message to the reporter, shown on their follow-up page; it is a first response."""
    db.session.add(
        ReportMessage(report_id=report.id, sender=Sender.STAFF, author_id=actor.id, body=body)
    )
    mark_first_response(report, utcnow())
    audit("message.sent", actor=actor, report_id=report.id)


def mark_redaction_checked(actor: StaffUser, report: Report, checked: bool) -> None:
    report.redaction_checked_at = utcnow() if checked else None
    report.redaction_checked_by_id = actor.id if checked else None
    audit("redaction.checked", actor=actor, report_id=report.id, checked=checked)
