"""Government and other identity numbers (redacted): A-numbers, SSNs, ID/passport/matrícula/
booking numbers, licence plates and dates of birth."""

from __future__ import annotations

import datetime as dt
import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import fold, zipf
from .common import FUNCTION_WORDS, Ctx, DomainRecognizer, candidate, ctx_of, near_officer
from .plates import state_plates

# "placa" is both a plate and a badge: after "mi carro", "anotó mi placa", "la placa de mi
# troca" it is the reporter's plate.
OWN_VEHICLE_RE = re.compile(
    r"(?:\b(?:mi|mis|nuestra|nuestras|nuestro|tu|tus|my|our)\s+(?:\w+\s+){0,2}?"
    r"(?:placas?|carro|troca|camioneta|auto|coche|vehiculo|car|truck)"
    r"|\bplacas?\s+(?:de|del)\s+(?:mi\s+|nuestr[oa]\s+|la\s+|el\s+)?"
    r"(?:carro|troca|camioneta|auto|coche|vehiculo))\b[^.!?\n]{0,30}$"
)


OWN_PLATE_VALUE_RE = re.compile(r"(?<![\w-])[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,5}(?![\w-])")
LEADING_WORD_RE = re.compile(r"([A-Z]+)[- ]")


def value_matches(rx: re.Pattern, ctx: Ctx):
    """(start, end) of every match of a value pattern written in capitals. In text written
    without capitals ("the plate is ezt 9154") the text is read in capitals (same offsets),
    and a match that starts with a word ("IS 9154") starts after it, or is dropped when what
    is left is no longer a value."""
    text = ctx.text
    if ctx.style == "lower" and len(text.upper()) == len(text):
        text = text.upper()
    for m in rx.finditer(text):
        s, e = m.span()
        if text is not ctx.text:
            w = LEADING_WORD_RE.match(text, s)
            if w and w.end() < e and _is_word(w.group(1)):
                s = w.end()
            e = _without_trailing_words(text, s, e)
            if e <= s or not rx.fullmatch(text, s, e):
                continue
        yield s, e


TRAILING_WORD_RE = re.compile(r"[- ]([A-Za-z]+)$")


def _without_trailing_words(text: str, s: int, e: int) -> int:
    """The end of a value read in capitals before the words it ran on over ("HGT 4471 WAS",
    "47 NUNCA"), unless the whole has a plate's shape and what is left is no value ("174 FEW"
    is a plate)."""
    while (w := TRAILING_WORD_RE.search(text, s, e)) and _is_word(w.group(1)):
        left = re.sub(r"[^A-Za-z0-9]", "", text[s : w.start()])
        still = len(left) >= 4 and any(c.isdigit() for c in left)
        if not still and P.PLATE_SHAPE_RE.fullmatch(text, s, e):
            break
        e = w.start()
    return e


def _shaped_ids(text: str) -> list[RecognizerResult]:
    """Ids known by their shape alone: national id numbers, IBANs that pass their check."""
    out = [
        candidate("ID_NUMBER", m.start(), m.end(), 0.95) for m in P.NATIONAL_ID_RE.finditer(text)
    ]
    out += _dotted_ids(text)
    for m in P.IBAN_RE.finditer(text):
        end = _iban_end(text, m.start(), m.end())
        if end:
            out.append(candidate("IBAN", m.start(), end, 0.95))
    return out


MONEY_BEFORE_RE = re.compile(r"(?:\$|\b(?:usd|cop|bs|us|mxn|pesos?|dolares|dollars)\s*)$", re.I)
MONEY_AFTER_RE = re.compile(
    r"^\s*(?:de\s+)?(?:pesos?|dolares|dollars|bolivares|bs\b|usd|cop|mxn|soles|\$)", re.I
)
DOTTED_CUE_RE = re.compile(
    r"(?:cedula|\bc\.?i\b|\bc\.?c\b|\bdni\b|documento|\bid\b|identi)[^.!?\n]{0,25}$"
)


def _dotted_ids(text: str) -> list[RecognizerResult]:
    """A cédula written with dots ("V-24.518.903", "1.036.655.421"): after an id word always;
    alone unless it reads as money ("$1.500.000", "2.000.000 de pesos", a round amount)."""
    folded = fold(text)
    out = []
    for m in P.DOTTED_ID_RE.finditer(text):
        s, e = m.span()
        lettered = m.group()[0].isalpha()
        cue = DOTTED_CUE_RE.search(P.window_before(folded, s, 35))
        money = (
            MONEY_BEFORE_RE.search(text[max(0, s - 6) : s])
            or MONEY_AFTER_RE.match(folded[e : e + 12])
            or (m.group().endswith(".000") and not lettered)
        )
        if cue or lettered or not money:
            out.append(candidate("ID_NUMBER", s, e, 0.97 if cue or lettered else 0.8))
    return out


def _iban_end(text: str, start: int, end: int) -> int | None:
    """The end of the IBAN that starts at `start`: the match may have run on over a short word
    after it ("... 493c 1 de mi tía"), so its groups are dropped from the end until it checks."""
    while end - start >= 15:
        if P.iban_valid(text[start:end]):
            return end
        cut = max(text.rfind(" ", start, end), text.rfind("-", start, end))
        if cut <= start:
            return None
        end = cut
    return None


def _is_word(s: str) -> bool:
    f = fold(s)
    return f in FUNCTION_WORDS or max(zipf(f, "en"), zipf(f, "es")) >= 4.5  # not "MC", "ABC"


class GovernmentIdRecognizer(DomainRecognizer):
    """A-numbers, SSNs, ID/passport/matrícula/booking numbers, plates and dates of birth."""

    ENTITIES = ("A_NUMBER", "SSN", "ID_NUMBER", "LICENSE_PLATE", "DOB", "IBAN")
    DOB_CONTEXT_RE = re.compile(
        r"(?:\bdob\b|d\.o\.b|date of birth|\bborn\b|birthday|birth ?date|\bb-?day\b|naci|"
        r"nacimiento|cumpleanos|f\. ?nac|fecha de nac)[^.!?\n]{0,25}$"
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        return (
            self._ssn_and_a_numbers(ctx)
            + self._ids(ctx)
            + _shaped_ids(text)
            + self._plates(ctx)
            + self._dobs(ctx)
            + _partial_ssns(ctx)
        )

    def _ssn_and_a_numbers(self, ctx: Ctx) -> list[RecognizerResult]:
        text, F = ctx.text, ctx.folded
        out: list[RecognizerResult] = []
        for m in P.SSN_RE.finditer(text):
            out.append(candidate("SSN", m.start(), m.end(), 1.0))
        for m in P.NINE_RE.finditer(text):
            before = P.window_before(F, m.start(), 45)
            if P.SSN_CONTEXT_RE.search(before):
                out.append(candidate("SSN", m.start(), m.end(), 1.0))
        for m in P.A_PREFIXED_RE.finditer(text):
            if P.a_number_digits_ok(m.group()):
                out.append(candidate("A_NUMBER", m.start(), m.end(), 1.0))
        for m in P.A_VALUE_RE.finditer(text):
            if not P.a_number_digits_ok(m.group()):
                continue
            if P.A_CONTEXT_RE.search(P.window_before(F, m.start(), 50)):
                out.append(candidate("A_NUMBER", m.start(), m.end(), 1.0))
        return out

    def _ids(self, ctx: Ctx) -> list[RecognizerResult]:
        """Numbers after an id word (passport, matrícula, booking...), and long codes."""
        text, F = ctx.text, ctx.folded
        out: list[RecognizerResult] = []
        for s, e in value_matches(P.ID_VALUE_RE, ctx):
            while s < e and text[s] in "# ":
                s += 1
            value = text[s:e]
            nd = len(P.digits(value))
            before = P.window_before(F, s, 40)
            if nd < 4 or not P.ID_CONTEXT_RE.search(before):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", value):
                continue  # "un caso en 2016": a year
            if P.BADGE_STRONG_RE.search(before[-20:]):
                continue
            if (
                nd <= 6
                and near_officer(F, s, 60)
                and not re.search(r"licen|passport|pasaporte|matricula|booking", before)
            ):
                continue
            out.append(candidate("ID_NUMBER", _with_state(text, s), e, 0.99))
        for m in P.GENERIC_ID_RE.finditer(text):
            v = m.group()
            nd = len(P.digits(v))
            letters = sum(c.isalpha() for c in v)
            if nd >= 6 or (nd >= 5 and letters >= 1):
                out.append(candidate("ID_NUMBER", m.start(), m.end(), 0.6))
        return out

    def _plates(self, ctx: Ctx) -> list[RecognizerResult]:
        text, F = ctx.text, ctx.folded
        out: list[RecognizerResult] = []
        for s, e in value_matches(P.PLATE_VALUE_RE, ctx):
            v = text[s:e]
            alnum = re.sub(r"[^A-Za-z0-9]", "", v)
            if not (4 <= len(alnum) <= 10) or not any(c.isdigit() for c in alnum):
                continue
            before = P.window_before(F, s, 30)
            cm = P.PLATE_CONTEXT_RE.search(before)
            if not cm:
                continue
            word = cm.group().split()[0] if cm.group().split() else ""
            if _badge_after_placa(word, alnum, F, s):
                continue
            out.append(candidate("LICENSE_PLATE", _with_state(text, s), e, 0.99))
        for s, e in value_matches(OWN_PLATE_VALUE_RE, ctx):
            if any(c.isdigit() for c in text[s:e]) and OWN_VEHICLE_RE.search(
                P.window_before(F, s, 45)
            ):
                before = P.window_before(F, s, 25)
                if re.search(r"plac|plate|tag|tablilla", before):
                    out.append(candidate("LICENSE_PLATE", _with_state(text, s), e, 0.99))
        for m in P.PLATE_SHAPE_RE.finditer(text):
            head = re.split(r"[- ]", m.group())[0]
            if " " in m.group() and head.isalpha() and _is_word(head):
                continue  # "MAY 12 20" in capitals is a date, "AND 10 15" no plate
            before = P.window_before(F, m.start(), 25)
            if not P.BADGE_STRONG_RE.search(before) and not P.BADGE_WEAK_RE.search(before):
                out.append(candidate("LICENSE_PLATE", m.start(), m.end(), 0.6))
        out += state_plates(ctx, lambda word, alnum, s: _badge_after_placa(word, alnum, F, s))
        return out + _spoken_plates(ctx)

    def _dobs(self, ctx: Ctx) -> list[RecognizerResult]:
        """Dates after a birth word, and full dates at least 14 years back."""
        text, F = ctx.text, ctx.folded
        out: list[RecognizerResult] = []
        this_year = dt.date.today().year
        seen = set()
        for rx in (P.FULL_DATE_RE, P.DATE_RE, SPACED_DATE_RE):
            for m in rx.finditer(text):
                if m.span() in seen or not re.search(r"\d", m.group()):
                    continue
                seen.add(m.span())
                before = P.window_before(F, m.start(), 40)
                year = _year_of(m.group())
                if self.DOB_CONTEXT_RE.search(before) or (
                    year is not None and year <= this_year - 14 and rx is P.FULL_DATE_RE
                ):
                    out.append(candidate("DOB", m.start(), m.end(), 0.99))
        for m in SPOKEN_DAY_RE.finditer(text):
            if self.DOB_CONTEXT_RE.search(P.window_before(F, m.start(), 40)):
                out.append(candidate("DOB", m.start(), m.end(), 0.99, why="spoken"))
        return out


US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
# a licence or plate said with its state first: "TX DL 40555193", "NC license # 1234567",
# "my plate is TX LMN 4821"
STATE_LICENCE_RE = re.compile(
    rf"(?<![\w-])(?:{US_STATES})\s+(?:(?:DL|CDL|D\.L\.|(?i:driver'?s\s+)?(?i:licen[cs]e|"
    r"licencia))\s*(?:#|(?i:no\.?|number|n[uú]mero))?\s*:?\s*)?$"
)
# a date written with spaces, "3 3 1998": a date of birth only after a birth word
SPACED_DATE_RE = re.compile(r"(?<![\d\w])\d{1,2} \d{1,2} (?:19|20)\d\d(?![\d\w])")


def _with_state(text: str, start: int) -> int:
    """A licence or a plate begins at its state when the state is said first ("TX DL
    40555193", "placa FL HGT-4432")."""
    m = STATE_LICENCE_RE.search(text, max(0, start - 30), start)
    return m.start() if m else start


_DIGIT_WORD = (
    r"zero|oh|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|seis|"
    r"siete|ocho|nueve|\d"
)
_LETTER_WORD = (
    r"[a-z]|alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|kilo|lima|mike|"
    r"november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|x-?ray|yankee|zulu|"
    r"be|ce|efe|ge|hache|jota|ka|ele|eme|ene|pe|cu|erre|ese|te|uve|equis|zeta"
)
# a plate read out: "k l m four five six seven", "jota ka ele tres cuatro cinco"
SPOKEN_PLATE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_LETTER_WORD}|{_DIGIT_WORD})[\s,-]+){{3,9}}(?:{_LETTER_WORD}|{_DIGIT_WORD})(?![\w-])"
)
DIGIT_WORD_RE = re.compile(rf"\b(?:{_DIGIT_WORD})\b")
# a plate word shortly before, its car between ("las placas de mi carro son ...")
PLATE_WORD_BEFORE_RE = re.compile(r"\b(?:plates?|tags?|placas?|tablilla)\b[^.!?\n]{0,30}$")


def _spoken_plates(ctx: Ctx) -> list[RecognizerResult]:
    """A plate read out in letters and number words right after a plate word; it has both."""
    out = []
    for m in SPOKEN_PLATE_RE.finditer(ctx.folded):
        words_ = m.group().replace(",", " ").split()
        digits = sum(bool(DIGIT_WORD_RE.fullmatch(w)) for w in words_)
        if 0 < digits < len(words_) and PLATE_WORD_BEFORE_RE.search(
            P.window_before(ctx.folded, m.start(), 40)
        ):
            out.append(candidate("LICENSE_PLATE", m.start(), m.end(), 0.99, why="spoken"))
    return out


_UNITS_EN = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
ORDINAL_EN = (
    rf"(?:(?:twenty|thirty)[\s-]?(?:{_UNITS_EN})|{_UNITS_EN}|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth)"
)
DAY_ES = (
    r"(?:primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|"
    r"catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)|veinti(?:uno|d[oó]s|tr[eé]s|cuatro|"
    r"cinco|s[eé]is|siete|ocho|nueve)|veinte|treinta(?: y uno)?)"
)
# "born march fourth", "the third of june", "nació el cuatro de marzo": a birthday in words
_DECADE_ES = r"(?:cincuenta|sesenta|setenta|ochenta|noventa)"
_UNIT_ES = r"(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_DECADE_EN = r"(?:fifty|sixty|seventy|eighty|ninety)"
_UNIT_EN = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# a year said short: "del noventa", "del ochenta y dos", "of eighty-eight", "del 90", and in
# English without a word before it: "june third eighty eight"
SHORT_YEAR = (
    rf"(?:\s+(?:del|de|of|in)\s+(?:(?:a[nñ]o|year)\s+)?(?:{_DECADE_ES}(?:\s+y\s+{_UNIT_ES})?"
    rf"|{_DECADE_EN}(?:[\s-]{_UNIT_EN})?|'?\d{{2}}(?!\d))|,?\s+{_DECADE_EN}(?:[\s-]{_UNIT_EN})?)?"
)
SPOKEN_DAY_RE = re.compile(
    rf"(?<!\w)(?:{P.MONTHS_EN}\.?\s+(?:the\s+)?{ORDINAL_EN}|(?:the\s+)?{ORDINAL_EN}\s+of\s+"
    rf"{P.MONTHS_EN}|{DAY_ES}\s+de\s+{P.MONTHS_ES}){SHORT_YEAR}(?!\w)",
    re.IGNORECASE,
)


def _badge_after_placa(word: str, alnum: str, folded: str, s: int) -> bool:
    """ "placa" is a badge and a plate: "placa 552" after an officer is a badge, "mi placa" a
    plate, and so is a plate-shaped value ("placa KLM 4410") whoever is near."""
    if not word.startswith("placa") or word.startswith("placas"):
        return False
    if OWN_VEHICLE_RE.search(P.window_before(folded, s, 45)):
        return False
    return alnum.isdigit() or (near_officer(folded, s, 90) and not _plate_shaped(alnum))


def _plate_shaped(alnum: str) -> bool:
    """Three letters or more and three digits or more ("NRT7751"): a badge is a number, or
    two letters and a number at most ("CC-2290")."""
    return sum(c.isalpha() for c in alnum) >= 3 and sum(c.isdigit() for c in alnum) >= 3


def _year_of(s: str) -> int | None:
    m = re.search(r"(?:19|20)\d{2}(?!\d)", s)
    if m:
        return int(m.group())
    m = re.search(r"(?:[/.-]|\s'?)(\d{2})$", s.strip())
    if m:
        yy = int(m.group(1))
        return 2000 + yy if yy <= dt.date.today().year % 100 else 1900 + yy
    return None


# "the last four of my social", "ssn ending in", "los últimos cuatro del seguro", "el seguro
# termina en": a partial SSN follows, in digits or in digit words
_SSN_WORD = r"(?:ssn|ss#?|s\.s\.|social(?:\s+security)?|seguro(?:\s+social)?)"
PARTIAL_SSN_RE = re.compile(
    rf"(?:\b(?:last|final)\s+(?:four|4)\b|\bultim[oa]s\s+(?:cuatro|4)\b"
    rf"|\b{_SSN_WORD}(?:\s+(?:number|no|numero|#))?\s+(?:that\s+|que\s+)?"
    rf"(?:ending|ends|ended|termina|terminaba|terminado|acaba))"
    rf"[^.!?\n\d]{{0,40}}?(?<![\w-])(\d{{4}}|(?:(?:{_DIGIT_WORD})[\s,-]+){{3}}(?:{_DIGIT_WORD}))"
    rf"(?![\w-])"
)
SSN_WORD_RE = re.compile(rf"\b{_SSN_WORD}\b")


def _partial_ssns(ctx: Ctx) -> list[RecognizerResult]:
    """The last four digits of an SSN, said or written after "last four", "ending in",
    "últimos cuatro"; a year there ("the last four years, 2019") is no SSN unless the SSN is
    named."""
    out = []
    for m in PARTIAL_SSN_RE.finditer(ctx.folded):
        value = m.group(1)
        if re.fullmatch(r"(?:19|20)\d\d", value) and not SSN_WORD_RE.search(m.group()):
            continue
        out.append(candidate("SSN", m.start(1), m.end(1), 0.99, why="partial"))
    return out
