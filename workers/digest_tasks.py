"""Thin Celery task for the digest emails; the logic is intake/digest/send.py (sending, the
once-per-period record) and workers/digest (the content).

Beat runs `send_digests("daily")` every morning and `send_digests("weekly")` on Mondays
(intake/config.py). Idempotent: each recipient's delivery is claimed before sending, so a second
beat, a second host or a redelivered message sends nothing twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from celery import shared_task

from intake.digest.send import send_period

log = logging.getLogger(__name__)

DIGEST_RETRIES = 8


@shared_task(name="send_digests", bind=True, max_retries=DIGEST_RETRIES, acks_late=True)
def send_digests(self, period: str, period_start: str | None = None) -> int:  # noqa: ANN001
    """Send the `period` digest to everyone owed it; retry those the mail server did not take.

    `period_start` (ISO) pins the period: a retry after midnight still sends yesterday's digest.
    """
    start = datetime.fromisoformat(period_start) if period_start else None
    outcome = send_period(period, period_start=start)
    log.info(
        "%s digest from %s: %s sent, %s skipped, %s failed, %s rejected",
        period,
        outcome.period_start.date(),
        outcome.sent,
        outcome.skipped,
        outcome.failed,
        outcome.rejected,
    )
    if outcome.retry:
        # 60 s, 120 s, 240 s ... capped at an hour: the mail server may be down for a while.
        raise self.retry(
            args=[period, outcome.period_start.isoformat()],
            countdown=min(60 * 2**self.request.retries, 3600),
        )
    return outcome.sent
