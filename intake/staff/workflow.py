"""The review workflow: statuses, allowed steps, and changes that cannot overwrite each other.

new → in review → waiting for reporter → referred → resolved / closed (and back to in review
when a case reopens). Writes go through `claim_version`, one conditional UPDATE, so two writes
cannot interleave; what counts as a conflict between two people is decided per field by
intake/staff/actions.py.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from workers.states import TERMINAL_STATUSES, Status

from ..extensions import db
from ..models import Report, StaffUser, StatusChange
from ..models.audit import audit
from ..timeutil import utcnow

TRANSITIONS: dict[str, tuple[Status, ...]] = {
    Status.NEW: (Status.IN_REVIEW, Status.CLOSED),
    Status.IN_REVIEW: (Status.WAITING_REPORTER, Status.REFERRED, Status.RESOLVED, Status.CLOSED),
    Status.WAITING_REPORTER: (Status.IN_REVIEW, Status.REFERRED, Status.RESOLVED, Status.CLOSED),
    Status.REFERRED: (Status.IN_REVIEW, Status.RESOLVED, Status.CLOSED),
    Status.RESOLVED: (Status.CLOSED, Status.IN_REVIEW),
    Status.CLOSED: (Status.IN_REVIEW,),
}

# What a reporter reads on the follow-up page: plain words, nothing internal.
REPORTER_STATUS: dict[str, object] = {
    Status.NEW: _l("Received. Our team has not reviewed it yet."),
    Status.IN_REVIEW: _l("Our team is reviewing your report."),
    Status.WAITING_REPORTER: _l("We have a question for you: please read it below and answer."),
    Status.REFERRED: _l("We have referred your report to people who can help."),
    Status.RESOLVED: _l("Our work on this report is finished."),
    Status.CLOSED: _l("This report is closed."),
}


class Conflict(Exception):
    """The report changed since the member of staff loaded it."""


class NotAllowed(Exception):
    """That status cannot follow the current one."""


def claim_version(report: Report, seen_version: int) -> None:
    """Bump the report's version if it is still `seen_version`, else raise Conflict.

    One conditional UPDATE, so two requests racing on the same version cannot both pass.
    """
    result = db.session.execute(
        update(Report)
        .where(Report.id == report.id, Report.version == seen_version)
        .values(version=Report.version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        raise Conflict
    db.session.refresh(report)


def change_status_now(report: Report, to_status: str, actor: StaffUser) -> None:
    """Record the step (history and audit). The caller has checked that the step is allowed
    and claimed the version (intake/staff/actions.py).

    A status change says nothing about whether anyone spoke to the reporter, so it never stops
    the first-response clock (intake/staff/casework.py does)."""
    now = utcnow()
    db.session.add(
        StatusChange(
            report_id=report.id,
            actor_id=actor.id,
            from_status=report.status,
            to_status=to_status,
            at=now,
        )
    )
    audit("report.status", actor=actor, report_id=report.id, frm=report.status, to=to_status)
    report.status = to_status
    report.status_changed_at = now
    report.closed_at = now if to_status in TERMINAL_STATUSES else None
