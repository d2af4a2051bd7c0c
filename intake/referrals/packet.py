"""A referral packet: what one channel asks for, in English, built from plain data; rendered
as text to paste into the channel's web form, or as a PDF (fpdf2, no external programs).

Identity (the reporter's name and contact) is in the packet only when `ReferralFacts.identity`
is set, which the glue (intake/referrals/build.py) does only with the reporter's consent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from fpdf import FPDF

from .channels import Channel


@dataclass(frozen=True)
class Identity:
    name: str | None
    phone: str | None
    email: str | None
    how_to_contact: str | None


@dataclass(frozen=True)
class OwnWords:
    language: str  # "es", "en" ...
    text: str
    redacted: bool  # names and contact details removed (no consent to share identity)


@dataclass(frozen=True)
class ReferralFacts:
    """Everything a packet may say, already limited to what the reporter consented to."""

    reference: str  # our internal reference, not the receipt
    when: str
    where: str
    agency: str
    officers: tuple[str, ...]
    categories: tuple[str, ...]
    summary: str
    people: tuple[str, ...]
    wants: tuple[str, ...]
    evidence: tuple[str, ...]
    steps_taken: tuple[str, ...]
    identity: Identity | None
    own_words: OwnWords | None
    consent_note: str


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Packet:
    channel: Channel
    facts: ReferralFacts
    prepared_at: datetime
    sections: tuple[Section, ...]


TITLES = {
    "when": "When",
    "where": "Where",
    "agency": "Agency and its 287(g) agreement",
    "officers": "Officers",
    "what_happened": "What happened",
    "people": "People affected (by role)",
    "wants": "What the reporter wants",
    "evidence": "Evidence available",
    "steps_taken": "Other steps taken",
    "contact": "Complainant contact",
}


NOT_GIVEN = ("Not given.",)


def _what_happened(facts: ReferralFacts) -> tuple[str, ...]:
    kinds = "Kinds of violation reported: " + (", ".join(facts.categories) or "not given") + "."
    return (kinds, facts.summary) if facts.summary else (kinds,)


def _contact(facts: ReferralFacts) -> tuple[str, ...]:
    if facts.identity is None:
        return (
            "The reporter did not consent to share their identity with this channel. "
            "Contact goes through the organisation that prepared this packet.",
        )
    i = facts.identity
    return tuple(
        f"{label}: {value}"
        for label, value in (
            ("Name", i.name),
            ("Phone", i.phone),
            ("Email", i.email),
            ("How to contact", i.how_to_contact),
        )
        if value
    ) or ("The reporter consented, but gave no contact details.",)


# Each section's lines from the facts (the keys are TITLES' keys).
SECTIONS: dict[str, Callable[[ReferralFacts], tuple[str, ...]]] = {
    "when": lambda facts: (facts.when,),
    "where": lambda facts: (facts.where,),
    "agency": lambda facts: (facts.agency,),
    "officers": lambda facts: (
        facts.officers or ("No officer was named or described by badge or car number.",)
    ),
    "what_happened": _what_happened,
    "people": lambda facts: facts.people or NOT_GIVEN,
    "wants": lambda facts: facts.wants or NOT_GIVEN,
    "evidence": lambda facts: facts.evidence or ("None listed.",),
    "steps_taken": lambda facts: facts.steps_taken or ("None recorded.",),
    "contact": _contact,
}


def _lines(facts: ReferralFacts, section: str) -> tuple[str, ...]:
    if section not in SECTIONS:
        raise ValueError(section)
    return SECTIONS[section](facts)


def build_packet(channel: Channel, facts: ReferralFacts, prepared_at: datetime) -> Packet:
    """The sections in the order the channel asks for them."""
    sections = tuple(Section(TITLES[s], _lines(facts, s)) for s in channel.asks_for)
    return Packet(channel, facts, prepared_at, sections)


def header_lines(packet: Packet) -> list[str]:
    c = packet.channel
    return [
        f"Referral to: {c.name}",
        f"Prepared: {packet.prepared_at:%Y-%m-%d} by a community 287(g) complaint intake",
        f"Our reference: {packet.facts.reference}",
        f"How to submit: {c.how}",
        *(f"{label}: {value}" for label, value in c.contacts),
        f"(Channel details checked {c.checked}; 'verify before launch' marks what is unconfirmed.)",
    ]


def as_text(packet: Packet) -> str:
    """Plain text, section by section, to paste into the channel's web form."""
    out = header_lines(packet) + [""]
    if packet.channel.notes:
        out += [f"Note for this channel: {packet.channel.notes}", ""]
    for section in packet.sections:
        out.append(section.title.upper())
        out.extend(section.lines)
        out.append("")
    out.append(f"Consent: {packet.facts.consent_note}")
    if packet.facts.own_words:
        words = packet.facts.own_words
        out += [
            "",
            f"ATTACHED: THE REPORTER'S OWN WORDS (language: {words.language}"
            + ("; names and contact details removed" if words.redacted else "")
            + ")",
            words.text,
        ]
    return "\n".join(out).rstrip() + "\n"


# The PDF's built-in font covers Latin-1 (English and Spanish letters); typographic punctuation
# is mapped to its plain form, anything else to "?". The text version keeps every character.
PLAIN = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...",
     "•": "-", "\u00a0": " ", "€": "EUR"}
)  # fmt: skip


def _latin1(text: str) -> str:
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def as_pdf(packet: Packet) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_title(_latin1(f"Referral to {packet.channel.name}"))
    pdf.set_creator("community 287(g) complaint intake")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.epw

    def para(text: str, size: float = 10.5, style: str = "", gap: float = 1.5) -> None:
        pdf.set_font("helvetica", style=style, size=size)
        pdf.multi_cell(width, size * 0.5, _latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(f"Referral to {packet.channel.name}", size=15, style="B", gap=2)
    for line in header_lines(packet)[1:]:
        para(line, size=9.5, gap=0.5)
    pdf.ln(2)
    if packet.channel.notes:
        para(f"Note for this channel: {packet.channel.notes}", size=9.5, style="I")
    for section in packet.sections:
        para(section.title, size=12, style="B", gap=0.5)
        for line in section.lines:
            para(line)
        pdf.ln(1)
    para(f"Consent: {packet.facts.consent_note}", size=9.5, style="I")
    if packet.facts.own_words:
        words = packet.facts.own_words
        pdf.add_page()
        para("Attached: the reporter's own words", size=13, style="B")
        note = f"Language: {words.language}."
        if words.redacted:
            note += " Names and contact details were removed by the intake's anonymizer."
        para(note, size=9.5, style="I")
        para(words.text)
    return bytes(pdf.output())
