"""Street addresses as the rest of the world writes them (redacted): the street's type before
its name ("Via Leopardi 83", "Rua Arapiraca 1943", "ul. Zakrzowska 92") or fused after it
("Favoritenstrasse 36", "Nylundsveien 159", "Dózsa György út 78"), English streets with the
number first beyond the US suffixes ("22 Pollen Crescent"), units and boxes ("Apt. 559",
"Suite 026", "PSC 2322, Box 6025", "APO AA 76936"), and a bare "Name 174" when something
around it says it is an address: a house number before it, a unit after it, or an address
label. `extend_blocks` then grows each address over the parts written next to it (a leading
number, units, the town and its postcode), since every part of a home address identifies."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from ..lexicon import AGENCY_ACRONYMS, HONORIFICS, OFFICER_NOUNS, fold, words
from .common import FUNCTION_WORDS, candidate

_W = r"[^\W\d_][\w'’.-]*"  # a word of any script
# upper-case letters of the Latin, Greek and Cyrillic blocks, as a class that ignores the
# IGNORECASE flag of the patterns it sits in
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_CAP = rf"(?-i:[{re.escape(_UPPER)}])[\w'’.-]*"  # a word starting upper case
_NUM = r"\d{1,5}[A-Za-z]?(?![\w/:-]|[.,]\d)"
_STOP = (
    r"(?:and|or|in|on|at|to|the|near|with|was|is|for|from|by|y|en|con|por|cerca|apt|suite|"
    r"unit|box|ste|flat)\b"
)
STREET_BEFORE = (
    r"(?:via|viale|vicolo|piazza|piazzale|largo|corso|rua|travessa|pra[çc]a|avenida|avda\.?|"
    r"alameda|rue|chemin|boulevard|all[ée]e|impasse|quai|carrer|paseo|r[úu]a|ul\.|ulica|"
    r"aleja|strada|bairro|zona|avenue|λεωφόρος|οδός|(?-i:R\.?))"
)
STREET_AFTER = (
    r"(?:stra(?:ss|ß)e|str\.|gasse|weg|vej|veien|vei|vegen|vegur|gat[ae]n?|v[äa]gen|gr[äa]nd|"
    r"katu|kuja|\w{5,}tie|polku|platz|allee|all[ée]en|laan|straat|plaats|plein|dreef|braut|"
    r"st[íi]gur|ger[ðd]i|bakken|hraun|damm|ufer|chaussee|[úu]tja|[úu]t|utca|cesta|sokak|"
    r"caddesi)"
)
# English street types beyond patterns' US suffixes; not place words that name a park or a
# town on their own ("Memorial Park", "Lake Jackson", "Fort Worth" stay places).
ENGLISH_TYPES = (
    r"(?:crescent|heights|close|mews|grove|gardens?|parade|esplanade|quay|walk|rise|greens?|"
    r"viaduct|mission|stream|shoals?|points|ranch|mills?|radial|ridge|meadows?|estates?|"
    r"fields?|wharf|track|junction|hollow|knolls?|manor|orchard|oval|passage|plains?|prairie|"
    r"spurs?|summit|trace|turnpike|underpass|overpass|vista|alley|bypass|causeway|crest|"
    r"curve|dale|divide|extension|falls|flats?|fords?|forge|forks?|glens?|haven|inlet|lodge|"
    r"motorway|neck|ramp|rapids?|rest|shores?|skyway|springs?|stravenue|throughway|"
    r"trafficway|tunnel|union|views?|ville|wells?|drive|street|road|avenue|lane|way|court|"
    r"place|terrace|boulevard|row|square)\b\.?"
)
WEEKDAYS_MONTHS = words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun enero febrero marzo abril mayo
    junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miercoles
    jueves viernes sabado domingo am pm a.m p.m hrs"""
)

PREFIXED_RE = re.compile(
    rf"(?<![\w.])(?:\d{{1,5}}\s+)?{STREET_BEFORE}\s+(?:(?!{_STOP}){_W}\s+){{0,5}}?{_NUM}",
    re.IGNORECASE,
)
NUMBER_FIRST_RE = re.compile(
    rf"(?<![\w.,/:-])\d{{1,5}}[A-Za-z]?\s+{STREET_BEFORE}\s+(?:(?!{_STOP}){_W}(?:\s+|$)){{1,5}}",
    re.IGNORECASE,
)
FUSED_RE = re.compile(
    rf"(?<![\w.])(?:{_CAP}[ -]){{0,3}}(?:{_W})?{STREET_AFTER}\s+{_NUM}\.?",
    re.IGNORECASE,
)
ENGLISH_RE = re.compile(
    rf"(?<![\w.,/:$-])\d{{1,5}}[A-Za-z]?\s+(?:{_CAP}\s+){{1,3}}(?i:{ENGLISH_TYPES})",
)
UNIT_RE = re.compile(
    r"\b(?:apt\.?|apartment|suite|ste\.|flat)\s*#?\s*\d{1,5}[A-Za-z]?\b"
    r"|\b(?:unit|psc)\s+\d{3,5},?\s+box\s+\d{3,5}\b"
    r"|\b(?:p\.?\s?o\.?\s?box|postbox|post box)\s+\d{1,6}\b"
    r"|(?-i:\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}\b)"
    r"|(?-i:\bUS(?:NS|NV|S|CGC)\s+[^\W\d_][\w'’-]+)",
    re.IGNORECASE,
)
# "Helmstok 174": a name and a number, an address only with a cue around it
BARE_RE = re.compile(rf"(?<![\w.])(?:{_CAP}[ -]){{0,2}}{_CAP}\s+{_NUM}")
ADDRESS_LABEL_RE = re.compile(
    r"(?:address|addr|direcci[oó]n|domicilio|lives? at|living at|located at|resides? at|"
    r"vivo en|vive en|vivimos en)\s*(?:is|es|:|was|era)?\s*:?\s*$",
    re.IGNORECASE,
)


def _plausible(text: str) -> bool:
    """Not a date, a time or an agency's number dressed as a street."""
    return not any(w.lower().rstrip(".") in WEEKDAYS_MONTHS for w in re.findall(r"[\w.]+", text))


def world_addresses(text: str) -> list[RecognizerResult]:
    out = []
    for rx in (PREFIXED_RE, NUMBER_FIRST_RE, FUSED_RE, ENGLISH_RE, UNIT_RE):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in " \n\t,":
                e -= 1
            if _plausible(m.group()):
                out.append(candidate("STREET_ADDRESS", s, e, 0.95, why="street"))
    for m in BARE_RE.finditer(text):
        s, e = m.span()
        if not _plausible(m.group()):
            continue
        before, after = text[max(0, s - 40) : s], text[e : e + 20]
        if (
            re.search(r"(?<![\w.,/:-])\d{1,6}\s+$", before)
            or UNIT_RE.match(after.lstrip(" ,\n"))
            or ADDRESS_LABEL_RE.search(before)
        ):
            out.append(candidate("STREET_ADDRESS", s, e, 0.85, why="street"))
    return out


LEADING_NUMBER_RE = re.compile(r"(?<![\w.,/:$-])\d{1,6}\s+$")
# what follows an address and belongs to it: a unit, or the town, region or country, then a
# postcode, on the same line or the next ones ("\n Svratka\n Czech Republic 45098")
NEXT_UNIT_RE = re.compile(rf"^[\s,]*(?:{UNIT_RE.pattern})", re.IGNORECASE)
NEXT_POSTCODE_RE = re.compile(
    rf"^(?:,\s*|\s*\n\s*|\s+)(?:(?:{_CAP}|[A-Z]{{2,}})(?:[ \t]+(?:{_CAP}|[a-z]{{1,3}}|\([\w ]+\)))"
    r"{0,3}(?:,\s*|\s*\n\s*|\s+)){0,3}(?!(?:19|20)\d\d\b)\d{4,6}(?:-\d{4})?(?![\w-])"
)

_TOWN_WORD = rf"(?:{_CAP}|\([\w ]+\))"
# the town, region and country lines of an address: upper-case words, after a comma or a
# line break, or in capitals after a space ("Suite 115 VISSEFJÄRDA")
NEXT_TOWN_RE = re.compile(
    rf"^(?:(?:,[ \t]*|[ \t]*\n\s*)(?:{_TOWN_WORD})(?:[ \t]+(?:{_TOWN_WORD}|(?:de|del|da|do|of)\b))"
    r"{0,3}|[ \t]+(?-i:[" + re.escape(_UPPER) + r"]{2,})\b(?:[ \t]+nan\b)?)"
)
NOT_TOWN = FUNCTION_WORDS | OFFICER_NOUNS | HONORIFICS | WEEKDAYS_MONTHS
NOT_TOWN |= {fold(a) for a in AGENCY_ACRONYMS}


def _town(text: str) -> re.Match | None:
    """The town, region or country right after an address, within its sentence."""
    end = re.search(r"[.!?](?:\s|$)", text)
    m = NEXT_TOWN_RE.match(text, 0, end.start() if end else len(text))
    if m and not any(fold(w) in NOT_TOWN for w in re.findall(r"[^\W\d_]+", m.group())):
        return m
    return None


def extend_blocks(text: str, spans: list[RecognizerResult]) -> list[RecognizerResult]:
    """Each STREET_ADDRESS grown over a house number right before it and over the units, the
    town, region and country, and the postcode that follow it."""
    out = []
    for r in spans:
        if r.entity_type == "STREET_ADDRESS":
            lead = LEADING_NUMBER_RE.search(text[max(0, r.start - 8) : r.start])
            s = r.start - (len(lead.group()) if lead else 0)
            e = r.end
            while True:
                ahead = text[e : e + 80]
                nxt = NEXT_UNIT_RE.match(ahead) or NEXT_POSTCODE_RE.match(ahead)
                nxt = nxt or (_town(ahead) if e - r.end < 80 else None)
                if not nxt or not _plausible(nxt.group()):
                    break
                e += nxt.end()
            if (s, e) != (r.start, r.end):
                r = candidate(r.entity_type, s, e, r.score, **(r.recognition_metadata or {}))
        out.append(r)
    return out
