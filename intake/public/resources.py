"""What a reporter leaves with: rights, hotlines and the official channels.

Shown as names, phone numbers and addresses written out as text, never as links to other
sites: a page of ours that names another host in a link or resource would tell that host (or
anyone watching) something, and the reporter can still call, or type an address they choose to.
Phone numbers are `tel:` links, which open the phone's dialer and involve no web host.

An organisation deploying this should check these numbers once a year and add its own hotline
at the top of HOTLINES.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Hotline:
    name: object  # a lazy translated string
    what: object
    phone: str  # as people write it; the tel: link is made from its digits
    web: str | None = None  # written out as text, not linked

    @property
    def tel(self) -> str:
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return "+" + digits if len(digits) == 11 else "+1" + digits


RIGHTS = [
    _l(
        "You have the right to remain silent. You do not have to answer questions about where "
        "you were born, your immigration status or how you entered the country."
    ),
    _l("Do not sign anything you do not understand. You can ask for an interpreter."),
    _l("Ask for a lawyer and for a phone call. Say: I want to speak to a lawyer."),
    _l(
        "An ICE detainer allows the jail to hold someone for at most 48 hours after they would "
        "have been released, not counting weekends and holidays."
    ),
    _l(
        "You do not have to open your door to officers unless they show a warrant signed by a "
        "judge. An ICE form (I-200 or I-205) is not signed by a judge."
    ),
    _l("If you say you are a U.S. citizen, say it clearly and tell the people helping you."),
]

# Shown beside the form's first question (is it happening right now?): the first two below.
HOTLINES = [
    Hotline(
        _l("United We Dream MigraWatch hotline"),
        _l("Report immigration enforcement and get connected to help."),
        "1-844-363-1423",
    ),
    Hotline(
        _l("ICE Detention Reporting and Information Line"),
        _l("Find out where someone is detained, report problems in detention."),
        "1-888-351-4024",
    ),
    Hotline(
        _l("ICE Online Detainee Locator"),
        _l("Search for a person held by ICE (you need their name and country, or A-number)."),
        "",
        "locator.ice.gov",
    ),
    Hotline(
        _l("National Immigration Legal Services Directory"),
        _l("Free or low-cost immigration legal help near you."),
        "",
        "immigrationadvocates.org/legaldirectory",
    ),
    Hotline(
        _l("National Domestic Violence Hotline"),
        _l("For survivors of violence, 24 hours, in English and Spanish."),
        "1-800-799-7233",
    ),
    Hotline(
        _l("National Human Trafficking Hotline"),
        _l("For survivors of trafficking, 24 hours, in many languages."),
        "1-888-373-7888",
    ),
]

OFFICIAL_CHANNELS = [
    Hotline(
        _l("DHS Office for Civil Rights and Civil Liberties (CRCL)"),
        _l(
            "Handles racial profiling and civil-rights violations by local officers working "
            "with ICE. Accepts anonymous complaints and gives you a complaint number."
        ),
        "1-866-644-8360",
        "dhs.gov/crcl",
    ),
    Hotline(
        _l("ICE Office of Professional Responsibility (OPR)"),
        _l("Investigates misconduct by ICE employees and by officers acting under 287(g)."),
        "1-833-442-3677",
    ),
    Hotline(
        _l("DHS Office of Inspector General hotline"),
        _l("Reports of abuse, fraud or misconduct in DHS programs."),
        "1-800-323-8603",
        "oig.dhs.gov",
    ),
]

# Someone held, a transfer coming: the two lines that answer a call about it at once.
EMERGENCY_HOTLINES = HOTLINES[:2]
