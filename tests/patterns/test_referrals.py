"""Referral packets on generated data: the PDF read back holds the channel's fields, and no
identity without the reporter's consent; the 30-day reminder comes once."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import AuditEvent, ReferralPacket
from intake.referrals.build import Consent, ReferralRefused, referral_facts
from intake.referrals.channels import SECTIONS, UNVERIFIED, channels
from intake.referrals.packet import TITLES, as_pdf, as_text, build_packet
from intake.timeutil import utcnow
from workers import accountability_tasks

from ..staff.conftest import browser
from ..staff.helpers import form_token, log_in, make_staff
from .generate import agency, report

NAME, PHONE, EMAIL = "Rosa Ortega", "713-555-0142", "rosa@example.org"
ORIGINAL = "El diputado Treviño paró a mi esposo Jaime Ortega en la I-45 y le preguntó dónde nació."


def referral_report(**fields):
    galveston = agency("Galveston County Sheriff's Office", "TX")
    created = report(
        "El diputado ",
        ("Treviño", "OFFICER"),
        ", placa ",
        ("4127", "BADGE"),
        ", paró a mi esposo [PERSON 1] en la ",
        ("I-45", "PLACE"),
        " y le preguntó dónde nació.",
        agency_id=galveston.id,
        day=date(2025, 3, 3),
        email=EMAIL,
        phone=PHONE,
        categories=["traffic_stop", "status_questioning"],
        consent_referral=True,
        language="es",
        city="League City",
        state="TX",
        affected_role="family",
        help_wanted=["file_complaint"],
        evidence=["video"],
        **fields,
    )
    created.contact_name = NAME
    created.narrative = ORIGINAL
    db.session.commit()
    return created


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_channels_file_is_complete_and_honest():
    found = channels()
    assert set(found) == {"crcl", "ice_opr", "dhs_oig", "internal_affairs", "attorney"}
    for channel in found.values():
        assert channel.checked and set(channel.asks_for) <= set(SECTIONS)
        assert all(value for _, value in channel.contacts)  # a value, or "verify before launch"
        if not channel.source:  # nothing to check it against: every contact is unverified
            assert all(UNVERIFIED in value for _, value in channel.contacts)


@pytest.mark.parametrize("code", ["crcl", "ice_opr", "dhs_oig", "internal_affairs", "attorney"])
def test_pdf_holds_the_fields_and_no_identity_without_consent(app, ctx, code):
    created = referral_report()
    channel = channels()[code]
    packet = build_packet(channel, referral_facts(created, Consent()), utcnow())
    text = pdf_text(as_pdf(packet))
    for section in channel.asks_for:
        assert TITLES[section] in text
    assert channel.name.split(" (")[0] in text
    assert "Treviño" in text and "4127" in text  # an officer is a public official
    assert "Galveston County Sheriff" in text and "WSO" in text
    assert "March 03, 2025" in text and "League City" in text
    assert "Questioned about immigration status" in text.replace("\n", " ")
    for identity in (NAME, "Rosa", PHONE, "555-0142", EMAIL, "Jaime"):
        assert identity not in text
        assert identity not in as_text(packet)
    assert "did not consent to share their identity" in text.replace("\n", " ")


def test_identity_and_own_words_only_with_consent(app, ctx):
    created = referral_report()
    channel = channels()["crcl"]
    words_only = build_packet(
        channel,
        referral_facts(created, Consent(attach_words=True, how_confirmed="by phone")),
        utcnow(),
    )
    text = pdf_text(as_pdf(words_only))
    assert "own words" in text and "[PERSON 1]" in text and "Jaime" not in text and NAME not in text
    both = build_packet(
        channel,
        referral_facts(
            created, Consent(share_identity=True, attach_words=True, how_confirmed="by phone")
        ),
        utcnow(),
    )
    text = pdf_text(as_pdf(both))
    assert NAME in text and PHONE in text and EMAIL in text
    assert "Jaime Ortega" in text and "dónde nació" in text  # the original, in Spanish


def test_no_packet_without_consent_to_referral(app, ctx):
    created = referral_report()
    created.consent_referral = False
    db.session.commit()
    with pytest.raises(ReferralRefused):
        referral_facts(created, Consent())


def test_staff_prepare_a_packet_and_a_reminder_comes_once(app, ctx, mailbox):
    created = referral_report()
    client = browser(app)
    log_in(client, make_staff(app, "sup@example.org", role="supervisor"))
    path = f"/staff/reports/{created.id}/referral"
    token = form_token(client, path)
    pdf = client.post(path, data={"csrf_token": token, "channel": "crcl", "format": "pdf"})
    assert pdf.mimetype == "application/pdf" and NAME not in pdf_text(pdf.data)
    refused = client.post(
        path, data={"csrf_token": token, "channel": "crcl", "share_identity": "y", "format": "text"}
    )
    assert refused.status_code == 400  # how the reporter agreed is required
    page = client.post(path, data={"csrf_token": token, "channel": "ice_opr", "format": "text"})
    assert "ICEOPRIntake" in page.get_data(as_text=True)
    packets = db.session.scalars(select(ReferralPacket).order_by(ReferralPacket.id)).all()
    assert [p.channel for p in packets] == ["crcl", "ice_opr"]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "referral.prepare"))

    # 31 days without an answer: one reminder, to whoever prepared it; a second run sends none.
    app.config["MAIL_SERVER"] = app.config["MAIL_SERVER"] or "127.0.0.1"
    for packet in packets:
        packet.prepared_at = utcnow() - timedelta(days=31)
    packets[1].answered_at = utcnow()
    db.session.commit()
    assert accountability_tasks.remind_referrals.run() == 1
    assert accountability_tasks.remind_referrals.run() == 0
    [message] = mailbox.messages
    assert message["To"] == "sup@example.org"
    body = message.get_content()
    assert path in body and "Treviño" not in body and NAME not in body

    answer = client.post(
        f"{path}/{packets[0].id}/answer",
        data={"csrf_token": token, "reference": "CRCL-2025-123", "answered_on": "2025-04-01"},
    )
    assert answer.status_code == 302
    db.session.refresh(packets[0])
    assert packets[0].reference == "CRCL-2025-123"


def test_reviewers_cannot_prepare_packets(app, ctx):
    created = referral_report()
    create_user("rev@example.org", "reviewer", "a long enough password")
    client = browser(app)
    log_in(client, make_staff(app, "rev2@example.org", role="reviewer"))
    assert client.get(f"/staff/reports/{created.id}/referral").status_code == 403
