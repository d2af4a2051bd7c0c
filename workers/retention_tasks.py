"""Thin Celery task for retention; the logic is intake/staff/retention.py."""

from __future__ import annotations

import logging

from celery import shared_task

from intake.staff.retention import purge_closed_originals

log = logging.getLogger(__name__)


@shared_task(name="purge_closed_originals")
def purge_closed_originals_task() -> int:
    """Delete originals and contact details of reports closed longer ago than the retention
    period. Idempotent: a second run finds nothing left to delete."""
    purged = purge_closed_originals()
    if purged:
        log.info("retention: originals deleted from %s closed reports", purged)
    return purged
