"""Thin Celery task: tell admins that an account entered unusually many reports for people in
an hour (intake/volunteer/routes.py decides; the audit log has the event either way). The email
names the account and the count, nothing of any report."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task
from flask import current_app
from flask_mail import Message
from sqlalchemy import select

from intake.extensions import db, mail
from intake.models import StaffUser

from .states import Role

log = logging.getLogger(__name__)


@shared_task(name="flag_heavy_entry", bind=True, max_retries=5, acks_late=True)
def flag_heavy_entry(self, user_id: int, count: int, limit: int) -> int:  # noqa: ANN001
    account = db.session.get(StaffUser, user_id)
    admins = db.session.scalars(
        select(StaffUser.email).where(StaffUser.role == Role.ADMIN, StaffUser.active)
    ).all()
    if account is None or not admins or not current_app.config.get("MAIL_SERVER"):
        return 0
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    body = (
        f"The account {account.email} entered {count} reports for people in the last hour "
        f"(more than {limit}, VOLUNTEER_FLAG_PER_HOUR).\n"
        f"If this is not expected, check its entries and the audit log: {base}/staff/audit\n"
    )
    message = Message(
        subject="Intake: unusually many reports entered by one account",
        recipients=list(admins),
        body=body,
    )
    try:
        mail.send(message)
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("volunteer flag email failed: %s", type(exc).__name__)
        raise self.retry(countdown=60 * 2**self.request.retries) from None
    return len(admins)
