"""Who works on a report: claim it, keep the claim alive, give it back failed; and the sweeps
that re-enqueue what the broker lost or a dead worker left.

A report is claimed with one conditional UPDATE, so two deliveries of the same message
(acks_late after a worker died, the sweep, a retry) never process it twice, and a processed
report is never touched again. A claim not renewed for PIPELINE_STUCK_AFTER seconds (the one
setting, intake/config.py) belongs to a dead worker: a live one renews it every third of that
(`claim_kept`), and the sweep runs every minute.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, cast

from flask import current_app
from sqlalchemy import CursorResult, Update, or_, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import InstrumentedAttribute, undefer_group

from intake.dispatch import enqueue_message_redactions, enqueue_reports, stamp_enqueued
from intake.extensions import db
from intake.models import Report, ReportMessage
from intake.models.workflow import UNREDACTED_MESSAGE
from intake.timeutil import utcnow

from .states import PipelineState

log = logging.getLogger(__name__)

ENQUEUE_GRACE = timedelta(minutes=5)  # a message younger than this is probably still queued
FAILED_RETRY_AFTER = timedelta(hours=1)
MAX_ATTEMPTS = 30  # Celery's retries plus a day of hourly sweeps
SWEEP_BATCH = 500


def stuck_after() -> timedelta:
    """How old an unrenewed claim must be to count as a dead worker's."""
    return timedelta(seconds=current_app.config["PIPELINE_STUCK_AFTER"])


def recomputable_transaction() -> None:
    """This transaction's commit may return before the disk has it (PostgreSQL's
    synchronous_commit off, for this transaction only): for what a crash may lose because it is
    made again, claims and the pipeline's results (the report stays unprocessed and is swept
    up). Saves a disk flush per commit (bench/RESULTS-worker.md); the commit is still atomic,
    visible at once to everyone, and never lost by anything but a crash of the database."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SET LOCAL synchronous_commit TO OFF"))


def _claim_statement(
    state: InstrumentedAttribute[str],
    row_id: int,
    free: tuple[str, ...],
    busy: str,
    stale_before: datetime,
    now: datetime,
) -> Update:
    """The conditional UPDATE that sets the row's `state` to `busy` (stamping `claimed_at` and
    counting `attempts`) if it is in a `free` state, or `busy` with a claim older than
    `stale_before` (its worker died)."""
    model = state.class_
    return (
        update(model)
        .where(model.id == row_id)
        .where(or_(state.in_(free), (state == busy) & (model.claimed_at < stale_before)))
        .values({state.key: busy, "claimed_at": now, "attempts": model.attempts + 1})
        # The commit after it expires every object of the session anyway: matching the WHERE
        # against them first (the default) is work for nothing, a third of the claim's time.
        .execution_options(synchronize_session=False)
    )


def claim_row(
    state: InstrumentedAttribute[str],
    row_id: int,
    free: tuple[str, ...],
    busy: str,
    stale_before: datetime,
    now: datetime,
) -> bool:
    """One conditional UPDATE (`_claim_statement`), committed; True if this call got the row.
    For every table whose rows are worked on once (digest and alert deliveries)."""
    # A claim lost in a database crash leaves the row free again, to be claimed anew.
    recomputable_transaction()
    result = db.session.execute(_claim_statement(state, row_id, free, busy, stale_before, now))
    db.session.commit()
    return cast(CursorResult[Any], result).rowcount == 1


def claim(report_id: int) -> Report | None:
    """Mark the report `processing` if nobody else is on it: the report, with everything the
    pipeline reads, or None if we did not get it.

    The claiming UPDATE returns the row (RETURNING), so claiming and loading are one statement;
    the report is kept out of the session while the claim commits, since the commit would
    expire what the statement returned (and reading it again is a query more per report).
    `pipeline.process` takes it back into the session."""
    now = utcnow()
    recomputable_transaction()  # as for every claim (claim_row)
    statement = (
        _claim_statement(
            Report.pipeline_state,
            report_id,
            (PipelineState.RECEIVED, PipelineState.FAILED),
            PipelineState.PROCESSING,
            now - stuck_after(),
            now,
        )
        .returning(Report)
        # The reporter's words and contact details are deferred for the web's lists; here
        # they are all needed.
        .options(undefer_group("sensitive"))
        # A copy of the report already in the session takes the claimed row's values.
        .execution_options(populate_existing=True)
    )
    report = db.session.scalars(statement).one_or_none()
    if report is not None:
        db.session.expunge(report)
    db.session.commit()
    return report


@contextmanager
def claim_kept(report_id: int) -> Iterator[None]:
    """Renew the claim on `report_id` every third of the stuck time while the block runs, on a
    connection of its own, so only a dead worker's claim goes stale however long a step takes."""
    engine = db.engine
    every = stuck_after().total_seconds() / 3
    done = threading.Event()

    def renew() -> None:
        while not done.wait(every):
            try:
                with engine.begin() as connection:
                    connection.execute(
                        update(Report)
                        .where(
                            Report.id == report_id,
                            Report.pipeline_state == PipelineState.PROCESSING,
                        )
                        .values(claimed_at=utcnow())
                    )
            except DBAPIError:
                log.warning("report %s: claim not renewed (database error)", report_id)

    keeper = threading.Thread(target=renew, name=f"claim-{report_id}", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        done.set()
        keeper.join(timeout=10)


def mark_failed(report_id: int, reason: str) -> None:
    """Give the claim back with the reason staff see (never the text: see StepFailed)."""
    db.session.execute(
        update(Report)
        .where(Report.id == report_id)
        .values(pipeline_state=PipelineState.FAILED, failure_reason=reason[:300])
    )
    db.session.commit()


def sweep_unredacted_replies() -> int:
    """Enqueue reporter replies still unredacted whose message the broker refused (no stamp)
    or sent longer ago than the grace period (a worker died or gave up); returns how many the
    broker took. Each is stamped first, so it is sent at most once per grace period."""
    now = utcnow()
    due = db.session.scalars(
        select(ReportMessage)
        # The partial index's own predicate, so the database answers from that small index.
        .where(text(UNREDACTED_MESSAGE))
        .where(ReportMessage.body.is_not(None))
        .where(
            or_(
                ReportMessage.enqueued_at.is_(None), ReportMessage.enqueued_at < now - ENQUEUE_GRACE
            )
        )
        .order_by(ReportMessage.created_at)
        .limit(SWEEP_BATCH)
    ).all()
    return _enqueue(due, enqueue_message_redactions, "unredacted replies")


def sweep_unprocessed_reports() -> int:
    """Enqueue reports the broker never got (it was down), a dead worker left behind, or whose
    retries ran out (a step kept failing: perhaps fixed since); returns how many the broker
    took."""
    now = utcnow()
    due = db.session.scalars(
        select(Report)
        .where(
            or_(
                (Report.pipeline_state == PipelineState.RECEIVED)
                & or_(Report.enqueued_at.is_(None), Report.enqueued_at < now - ENQUEUE_GRACE),
                (Report.pipeline_state == PipelineState.PROCESSING)
                & (Report.claimed_at < now - stuck_after()),
                # Celery's retries are spent: try again hourly, for about a day, then staff.
                (Report.pipeline_state == PipelineState.FAILED)
                & (Report.claimed_at < now - FAILED_RETRY_AFTER)
                & (Report.attempts < MAX_ATTEMPTS),
            )
        )
        .limit(SWEEP_BATCH)
    ).all()
    return _enqueue(due, enqueue_reports, "unprocessed reports")


def _enqueue(
    due: Sequence[Report] | Sequence[ReportMessage],
    enqueue: Callable[[list[int]], int],
    what: str,
) -> int:
    """Stamp the rows, commit, then hand their ids to the broker; how many it took."""
    ids = [row.id for row in due]
    for row in due:
        stamp_enqueued(row)  # not again before the grace period, even if it keeps failing
    db.session.commit()  # no transaction stays open while up to 500 messages are sent
    sent = enqueue(ids)
    if ids:
        log.info("sweep: %s of %s %s enqueued", sent, len(ids), what)
    return sent
