"""A supervisor's page: which volunteers may see more than the reports they entered.

A volunteer sees only their own entries (routes.mine) until a supervisor grants them the
reports of some queues, or of every queue the supervisor sees, as a reviewer sees them
(redacted; no reveal, no export). Grant and revoke each need a reason and are audited; a
revoke takes effect on the volunteer's next page (StaffUser.can reads the grant each time).
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from workers.states import Role

from ..auth.permissions import GRANT_ACCESS, requires
from ..extensions import db
from ..models import Report, StaffUser, VolunteerGrant
from ..models.audit import audit
from ..staff.accounts import UnknownQueues, chosen_queues
from ..staff.choices import known_queues
from ..timeutil import utcnow
from . import bp

REASON_MAX = 500


def volunteer_or_404(user_id: int) -> StaffUser:
    user = db.session.get(StaffUser, user_id)
    if user is None or user.role != Role.VOLUNTEER:
        abort(404)
    return user


def reason_given() -> str | None:
    reason = " ".join(request.form.get("reason", "").split())[:REASON_MAX]
    if not reason:
        flash(_l("Say why: the reason goes in the audit log."), "error")
        return None
    return reason


@bp.get("/volunteers")
@requires(GRANT_ACCESS)
def volunteers() -> str:
    accounts = db.session.scalars(
        select(StaffUser).where(StaffUser.role == Role.VOLUNTEER).order_by(StaffUser.email)
    ).all()
    grants = {
        g.volunteer_id: g
        for g in db.session.scalars(
            select(VolunteerGrant).where(VolunteerGrant.revoked_at.is_(None))
        )
    }
    entered = dict(
        db.session.execute(
            select(Report.entered_by_id, func.count(Report.id))
            .where(Report.entered_by_id.is_not(None))
            .group_by(Report.entered_by_id)
        ).all()
    )
    emails = dict(db.session.execute(select(StaffUser.id, StaffUser.email)).all())
    return render_template(
        "volunteer/grants.html",
        accounts=accounts,
        grants=grants,
        entered=entered,
        emails=emails,
        queues=known_queues(current_user),
    )


@bp.post("/volunteers/<int:user_id>/grant")
@requires(GRANT_ACCESS)
def grant(user_id: int) -> Response:
    volunteer = volunteer_or_404(user_id)
    back = redirect(url_for("volunteer.volunteers"))
    reason = reason_given()
    if reason is None:
        return back
    if volunteer.grant() is not None:
        flash(_l("This volunteer already has a grant; revoke it first to change it."), "error")
        return back
    try:
        queues = chosen_queues(request.form.getlist("queues"), known_queues(current_user))
    except UnknownQueues:
        abort(400)
    # Never more than the supervisor sees: "every queue" from one limited to some is theirs.
    queues = queues or list(current_user.queues or [])
    db.session.add(
        VolunteerGrant(
            volunteer_id=volunteer.id, queues=queues, reason=reason, granted_by_id=current_user.id
        )
    )
    audit(
        "volunteer.granted",
        actor=current_user,
        target_user_id=volunteer.id,
        reason=reason,
        queues=queues,
        frm=volunteer.queues,
    )
    volunteer.queues = queues
    db.session.commit()
    flash(_l("%(email)s may now see those reports.", email=volunteer.email), "success")
    return back


@bp.post("/volunteers/<int:user_id>/revoke")
@requires(GRANT_ACCESS)
def revoke(user_id: int) -> Response:
    volunteer = volunteer_or_404(user_id)
    back = redirect(url_for("volunteer.volunteers"))
    reason = reason_given()
    if reason is None:
        return back
    in_force = volunteer.grant()
    if in_force is None:
        return back  # revoked already (the form sent twice): nothing to do
    in_force.revoked_at, in_force.revoked_by_id = utcnow(), current_user.id
    audit("volunteer.revoked", actor=current_user, target_user_id=volunteer.id, reason=reason)
    db.session.commit()
    flash(
        _l("%(email)s sees only the reports they entered again.", email=volunteer.email),
        "success",
    )
    return back
