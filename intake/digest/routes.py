"""Staff pages of the digests: each member's subscriptions, a preview of their digest, and for
administrators the failed deliveries and the summaries option. Every view declares its check."""

from __future__ import annotations

import base64

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

# A module, not its names: workers.digests imports this package's queries in turn.
from workers import digests
from workers.digest import CHART_CID
from workers.states import DeliveryKind, DeliveryStatus

from ..auth.permissions import MANAGE_USERS, requires, requires_login
from ..extensions import db
from ..labels import DELIVERY_LABELS
from ..models import Delivery, DigestOption, DigestSubscription
from ..models.audit import audit
from ..models.digest import PERIODS
from ..staff.choices import known_queues as staff_queues
from ..timeutil import utcnow
from .queries import (
    INCLUDE_SUMMARIES,
    Recipient,
    effective_queues,
    subscribed_by_default,
    summaries_enabled,
)

bp = Blueprint("digest", __name__, url_prefix="/staff")

DELIVERIES_PAGE = 100
# The preview is the email itself: its inline styles and its chart (a data: URI) are all it may
# load; no script, no form, no frame.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


@bp.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def known_queues() -> list[str]:
    """The queues this account may choose (intake/staff/choices.py)."""
    return staff_queues(current_user)


def _subscriptions() -> dict[str, DigestSubscription]:
    rows = db.session.scalars(
        select(DigestSubscription).where(DigestSubscription.staff_user_id == current_user.id)
    )
    return {row.period: row for row in rows}


def _current_choice(period: str, rows: dict[str, DigestSubscription]) -> dict[str, object]:
    row = rows.get(period)
    if row is None:
        default = subscribed_by_default(current_user, period)
        return {"active": default, "queues": [], "default": default}
    return {"active": row.active, "queues": list(row.queues or []), "default": False}


@bp.get("/settings/digests")
@requires_login
def digest_settings() -> str:
    rows = _subscriptions()
    language = next((r.language for r in rows.values()), current_user.language or "en")
    return render_template(
        "staff/settings_digests.html",
        periods=PERIODS,
        choices={period: _current_choice(period, rows) for period in PERIODS},
        queues=known_queues(),
        languages=current_app.config["LANGUAGES"],
        language=language,
    )


@bp.post("/settings/digests")
@requires_login
def save_digest_settings() -> Response:
    """Each period: on or off, and which queues (none ticked: every queue the account sees)."""
    language = request.form.get("language", "")
    languages = current_app.config[
        "LANGUAGES"
    ]  # those with a catalogue (intake.available_languages)
    if language not in languages:
        language = current_user.language if current_user.language in languages else "en"
    allowed = set(known_queues())
    rows = _subscriptions()
    chosen: dict[str, list[str] | None] = {}
    for period in PERIODS:
        active = request.form.get(f"{period}_active") == "y"
        queues = sorted({q for q in request.form.getlist(f"{period}_queues") if q in allowed})
        row = rows.get(period)
        if row is None:
            row = DigestSubscription(staff_user_id=current_user.id, period=period)
            db.session.add(row)
        row.active, row.queues, row.language, row.updated_at = active, queues, language, utcnow()
        chosen[period] = queues if active else None
    audit("digest.subscriptions", actor=current_user, language=language, **chosen)
    db.session.commit()
    flash(_l("Saved."))
    return redirect(url_for("digest.digest_settings"))


@bp.get("/digest/preview")
@requires_login
def preview() -> Response:
    """The HTML digest the signed-in member would get for the period just ended, as it
    would arrive (their queues and language; the chart inline)."""
    period = request.args.get("period", "weekly")
    if period not in PERIODS:
        abort(404)
    rows = _subscriptions()
    row = rows.get(period)
    chosen = list(row.queues or []) if row is not None else []
    language = row.language if row is not None else (current_user.language or "en")
    allowed = list(current_user.queues or [])
    queues = effective_queues(chosen, allowed)
    if queues == []:  # chose only queues the account may no longer see: show those it may
        queues = effective_queues([], allowed)
    recipient = Recipient(current_user.id, current_user.email, language, queues)
    now = utcnow()
    start, end = digests.bounds(period, now)
    digest = digests.build_for(recipient, period, start, end, now, summaries_enabled())
    html = digest.html
    if digest.chart_png:
        data = base64.b64encode(digest.chart_png).decode("ascii")
        html = html.replace(f"cid:{CHART_CID}", f"data:image/png;base64,{data}")
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = PREVIEW_POLICY
    return response


@bp.get("/digest/deliveries")
@requires(MANAGE_USERS)
def deliveries() -> str:
    """Deliveries that did not go: failed (retried by the task) and rejected addresses."""
    digests = select(Delivery).where(Delivery.kind == DeliveryKind.DIGEST)
    problems = db.session.scalars(
        digests.where(
            Delivery.status.in_(
                (DeliveryStatus.FAILED, DeliveryStatus.REJECTED, DeliveryStatus.SENDING)
            )
        )
        .order_by(Delivery.id.desc())
        .limit(DELIVERIES_PAGE)
    ).all()
    recent = db.session.scalars(digests.order_by(Delivery.id.desc()).limit(20)).all()
    return render_template(
        "staff/digest_deliveries.html",
        problems=problems,
        recent=recent,
        include_summaries=summaries_enabled(),
        delivery_labels=DELIVERY_LABELS,
    )


@bp.post("/digest/options")
@requires(MANAGE_USERS)
def digest_options() -> Response:
    """Turn the anonymized summaries in digest emails on or off (audit-logged)."""
    enabled = request.form.get("include_summaries") == "y"
    option = db.session.get(DigestOption, INCLUDE_SUMMARIES)
    if option is None:
        option = DigestOption(name=INCLUDE_SUMMARIES)
        db.session.add(option)
    before = bool(option.enabled)
    option.enabled, option.updated_at, option.updated_by_id = enabled, utcnow(), current_user.id
    audit("digest.include_summaries", actor=current_user, frm=before, to=enabled)
    db.session.commit()
    flash(_l("Saved."))
    return redirect(url_for("digest.deliveries"))
