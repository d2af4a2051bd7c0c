"""Preparing a referral packet, and recording the channel's answer."""

from __future__ import annotations

from datetime import date, datetime, time

from flask import Response, abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from ..auth.permissions import EXPORT, REVEAL_ORIGINAL, requires
from ..extensions import db
from ..models import ReferralPacket
from ..models.audit import audit
from ..staff.routes import visible_report
from ..timeutil import utcnow
from . import bp
from .build import Consent, ReferralRefused, referral_facts
from .channels import channels
from .packet import as_pdf, as_text, build_packet

MIN_CONFIRMATION = 10


def _page(report, status: int = 200, **extra: object) -> tuple[str, int]:  # noqa: ANN001
    packets = db.session.scalars(
        select(ReferralPacket)
        .where(ReferralPacket.report_id == report.id)
        .order_by(ReferralPacket.id.desc())
    ).all()
    return (
        render_template(
            "staff/referrals/prepare.html",
            report=report,
            channels=channels(),
            packets=packets,
            can_identify=current_user.can(REVEAL_ORIGINAL),
            **extra,
        ),
        status,
    )


@bp.get("/reports/<int:report_id>/referral")
@requires(EXPORT)
def prepare(report_id: int) -> tuple[str, int]:
    return _page(visible_report(report_id))


@bp.post("/reports/<int:report_id>/referral")
@requires(EXPORT)
def make_packet(report_id: int) -> Response | tuple[str, int]:
    report = visible_report(report_id)
    channel = channels().get(request.form.get("channel", ""))
    if channel is None:
        return _page(report, 400, error=_l("Choose a channel."))
    consent = Consent(
        share_identity=request.form.get("share_identity") == "y",
        attach_words=request.form.get("attach_words") == "y",
        how_confirmed=(request.form.get("how_confirmed") or "").strip()[:300],
    )
    if consent.share_identity and not current_user.can(REVEAL_ORIGINAL):
        abort(403)
    if (consent.share_identity or consent.attach_words) and len(
        consent.how_confirmed
    ) < MIN_CONFIRMATION:
        return _page(
            report,
            400,
            error=_l(
                "Say when and how the reporter agreed to share this (at least 10 characters)."
            ),
        )
    try:
        facts = referral_facts(report, consent)
    except ReferralRefused:
        return _page(report, 403, error=_l("The reporter did not consent to referral."))
    packet = build_packet(channel, facts, utcnow())
    db.session.add(
        ReferralPacket(
            report_id=report.id,
            channel=channel.code,
            prepared_by_id=current_user.id,
            identity_included=consent.share_identity,
            own_words_included=consent.attach_words,
        )
    )
    audit(
        "referral.prepare",
        actor=current_user,
        report_id=report.id,
        reason=consent.how_confirmed or None,
        channel=channel.code,
        identity=consent.share_identity,
        own_words=consent.attach_words,
    )
    db.session.commit()
    if request.form.get("format") == "pdf":
        name = f"referral-{report.id}-{channel.code}.pdf"
        return Response(
            as_pdf(packet),
            mimetype="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return _page(report, text=as_text(packet), channel=channel)


@bp.post("/reports/<int:report_id>/referral/<int:packet_id>/answer")
@requires(EXPORT)
def record_answer(report_id: int, packet_id: int) -> Response:
    report = visible_report(report_id)
    packet = db.session.get(ReferralPacket, packet_id)
    if packet is None or packet.report_id != report.id:
        abort(404)
    try:
        answered = date.fromisoformat(request.form.get("answered_on") or "")
    except ValueError:
        answered = utcnow().date()
    packet.answered_at = min(utcnow(), datetime.combine(answered, time()))
    packet.reference = (request.form.get("reference") or "").strip()[:120] or None
    audit("referral.answer", actor=current_user, report_id=report.id, channel=packet.channel)
    db.session.commit()
    return redirect(url_for("referrals.prepare", report_id=report.id))
