"""Identifiers written in words ("five six one ...", "cuatro ocho cero ...", "june third
nineteen eighty eight"): read as digits (`number_words`), judged like the same digits would be,
and redacted over the words."""

from __future__ import annotations

import datetime as dt
import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import STREET_SUFFIXES
from ..number_words import NUMBER_WORDS, WEAK, NumberRun, runs
from .common import FUNCTION_WORDS, DomainRecognizer, candidate, ctx_of
from .government_ids import GovernmentIdRecognizer
from .homes import with_unit_before

# "june third", "the 3rd of june", "tres de junio de": the day and month before a spoken year
MONTH_BEFORE_RE = re.compile(
    rf"(?:{P.MONTHS_EN}\.?\s+(?:the\s+)?(?:[a-z0-9-]+\s+){{0,2}}(?:of\s+)?,?\s*"
    rf"|(?:the\s+)?(?:[a-z0-9-]+\s+){{1,2}}(?:of\s+)?{P.MONTHS_EN},?\s+"
    rf"|(?:[a-z0-9]+\s+){{1,3}}de\s+{P.MONTHS_ES}\s+(?:de(?:l)?\s+)?)$"
)
MONTH_JUST_BEFORE_RE = re.compile(rf"(?:{P.MONTHS_EN}|{P.MONTHS_ES})\.?,?\s+(?:the\s+)?$")
DAY_OR_MONTH_RE = re.compile(
    rf"\d{{1,2}}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th)|first|second|third|primero|"
    rf"{P.MONTHS_EN}|{P.MONTHS_ES}"
)
SPOKEN_A_RE = re.compile(r"(?:^|\W)a[\s.-]*$")
PLUS_RE = re.compile(r"(?:plus|mas|\+)\s*$")


_SUFFIX = "|".join(sorted((re.escape(w) for w in STREET_SUFFIXES if "." not in w), key=len)[::-1])
# "four one two cherry street": a house number in words before a street
STREET_AFTER_RE = re.compile(rf"^\s+(?:[a-z]+\s+){{1,3}}?(?:{_SUFFIX})\b")
# "calle magnolia numero doscientos diez": a Spanish street before its number in words
STREET_BEFORE_RE = re.compile(
    r"\b(?:calle|avenida|av|camino|callejon|privada|pasaje|bulevar|boulevard|carrera)\s+"
    r"(?:[a-z]+\s+){1,3}?(?:(?:numero|num|no)\s+)?$"
)


LETTERS_BEFORE_RE = re.compile(r"(?<![a-z])(?:[a-z] ){1,3}$")


def _spoken_birth_date(folded: str, run: NumberRun) -> tuple[str, int] | None:
    """ "born eight two five six five" (8/25/65): digits said after a birth word."""
    if not 4 <= len(run.digits) <= 8:
        return None
    if GovernmentIdRecognizer.DOB_CONTEXT_RE.search(P.window_before(folded, run.start, 40)):
        return "DOB", run.start
    return None


def _spoken_street(folded: str, run: NumberRun) -> tuple[int, int] | None:
    """ "one fourteen hickory lane", "twenty two oak st", "calle orchard número trescientos
    diez": a house number in words and its street. A number said in one word or with a weak
    one ("one fourteen") is a house's only when no small word stands between it and the street
    word ("two cops on Main Street" is not an address)."""
    if not 1 <= len(run.digits) <= 5:
        return None
    after = STREET_AFTER_RE.match(folded[run.end : run.end + 40])
    strong = sum(w in NUMBER_WORDS and w not in WEAK for w in folded[run.start : run.end].split())
    if after and (strong >= 2 or not set(after.group().split()) & FUNCTION_WORDS):
        return run.start, run.end + after.end()
    before = STREET_BEFORE_RE.search(folded[max(0, run.start - 50) : run.start])
    if before:
        return run.start - len(before.group()), run.end
    return None


# "eleven at night", "two in the morning", "once de la noche": an hour, kept as a date
TIME_OF_DAY_AFTER_RE = re.compile(
    r"^\s+(?:at\s+night|in\s+the\s+(?:morning|afternoon|evening)|o'?clock|[ap]\.?m\b|"
    r"de\s+la\s+(?:noche|manana|tarde|madrugada)|en\s+punto|y\s+media)"
)
LAST_NUMBER_WORD_RE = re.compile(r"[a-z0-9]+$")


def _before_time_of_day(text: str, folded: str, run: NumberRun) -> NumberRun | None:
    """A run whose last number word is an hour said with its time of day ("... five five,
    eleven at night") ends before that word; None when too little is left to be a number."""
    if not TIME_OF_DAY_AFTER_RE.match(folded[run.end : run.end + 24]):
        return run
    last = LAST_NUMBER_WORD_RE.search(folded[run.start : run.end])
    cut = run.start + (last.start() if last else 0)
    shorter = [r for r in runs(text[:cut], min_words=2) if r.start == run.start]
    return shorter[0] if shorter else None


class SpelledNumberRecognizer(DomainRecognizer):
    """Phones, A-numbers, SSNs, other id numbers and dates of birth written in words."""

    ENTITIES = ("PHONE", "A_NUMBER", "SSN", "ID_NUMBER", "DOB", "STREET_ADDRESS")

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        out: list[RecognizerResult] = []
        for run in runs(text, min_words=2):
            run = _before_time_of_day(text, ctx.folded, run)
            if run is None:
                continue
            found = (
                self._dob(ctx.folded, run)
                or _spoken_birth_date(ctx.folded, run)
                or self._identifier(ctx.folded, run)
            )
            if found:
                start = found[1]
                if found[0] in ("ID_NUMBER", "PHONE"):  # "m c zero two one seven ...": letters too
                    letters = LETTERS_BEFORE_RE.search(ctx.folded[max(0, start - 12) : start])
                    start -= len(letters.group()) if letters else 0
                out.append(candidate(found[0], start, run.end, 1.0, why="spelled"))
        for run in runs(text, min_words=1, min_strong=1):
            street = _spoken_street(ctx.folded, run)
            if street:
                r = candidate("STREET_ADDRESS", *street, 0.95, why="spelled")
                out.append(with_unit_before(text, r))
        return out

    @staticmethod
    def _dob(folded: str, run: NumberRun) -> tuple[str, int] | None:
        d = run.digits
        day = MONTH_JUST_BEFORE_RE.search(folded[max(0, run.start - 15) : run.start])
        if day and 5 <= len(d) <= 6 and d[-4:-2] in ("19", "20") and 1 <= int(d[:-4]) <= 31:
            # "march eleven nineteen ninety": the day is in the run, the month before it
            d, m = d[-4:], day
        elif not (len(d) == 4 and d[:2] in ("19", "20")):
            return None
        else:
            m = MONTH_BEFORE_RE.search(folded[max(0, run.start - 40) : run.start])
        if not m:
            return None
        start = run.start - len(m.group())
        # "nació el quince de mayo": the date starts at the day or the month
        for w in re.finditer(r"[a-z0-9]+", m.group()):
            if w.group() in NUMBER_WORDS or DAY_OR_MONTH_RE.fullmatch(w.group()):
                start += w.start()
                break
        before = P.window_before(folded, start, 40)
        if GovernmentIdRecognizer.DOB_CONTEXT_RE.search(before) or int(d) <= (
            dt.date.today().year - 14
        ):
            return "DOB", start
        return None

    @staticmethod
    def _identifier(folded: str, run: NumberRun) -> tuple[str, int] | None:
        d, n = run.digits, len(run.digits)
        if run.words < 3 or n < 7:
            return None
        before = P.window_before(folded, run.start, 45)
        if n in (9, 10) and (P.SSN_CONTEXT_RE.search(before) and n == 9):
            return "SSN", run.start
        if 7 <= n <= 10 and (P.A_CONTEXT_RE.search(before) or SPOKEN_A_RE.search(before)):
            if SPOKEN_A_RE.search(before):
                return "A_NUMBER", run.start - len(SPOKEN_A_RE.search(before).group().lstrip())
            return "A_NUMBER", run.start
        if PLUS_RE.search(before) and 8 <= n <= 13:
            return "PHONE", run.start - len(PLUS_RE.search(before).group())
        if n in (7, 10) or (n == 11 and d[0] == "1") or P.PHONE_CONTEXT_RE.search(before):
            return "PHONE", run.start
        return "ID_NUMBER", run.start
