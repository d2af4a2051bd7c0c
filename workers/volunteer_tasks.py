"""Thin Celery task: tell admins that an account entered unusually many reports for people in
an hour (intake/volunteer/routes.py decides and records the audit event "volunteer.flagged";
this task tells of that event). The email names the account and the count, nothing of any
report; each admin gets it once (the delivery ledger)."""

from __future__ import annotations

import functools

from celery import shared_task
from flask import current_app
from sqlalchemy import select

from intake.extensions import db
from intake.models import AuditEvent, StaffUser

from .alerts import deliver_in_languages, heavy_entry_message
from .delivery import Owed
from .states import Role


@shared_task(name="flag_heavy_entry", bind=True, max_retries=5, acks_late=True)
def flag_heavy_entry(self, flag_id: int) -> int:  # noqa: ANN001
    """Email each active admin about the flag (audit event `flag_id`); how many admins."""
    flag = db.session.get(AuditEvent, flag_id)
    account = db.session.get(StaffUser, flag.target_user_id) if flag else None
    admins = db.session.scalars(
        select(StaffUser.email).where(StaffUser.role == Role.ADMIN, StaffUser.active)
    ).all()
    if flag is None or account is None or not admins or not current_app.config.get("MAIL_SERVER"):
        return 0
    link = f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/staff/audit"
    count, limit = flag.detail["count"], flag.detail["limit"]
    message = functools.partial(heavy_entry_message, account.email, count, limit, link)
    owed_for = functools.partial(Owed.heavy_entry, flag.id)
    done = deliver_in_languages(owed_for, list(admins), message, None, f"entry flag {flag.id}")
    if not done:
        raise self.retry(countdown=60 * 2**self.request.retries)
    return len(admins)
