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

from .alerts import heavy_entry_message, languages_of
from .i18n import translator
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
    link = f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/staff/audit"
    try:
        # One email per language the admins read (a retry may repeat one already sent).
        for language, addresses in languages_of(list(admins)).items():
            subject, body = heavy_entry_message(
                account.email, count, limit, link, translator(language)
            )
            mail.send(Message(subject=subject, recipients=addresses, body=body))
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("volunteer flag email failed: %s", type(exc).__name__)
        raise self.retry(countdown=60 * 2**self.request.retries) from None
    return len(admins)
