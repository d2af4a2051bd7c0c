"""Numbers written in words, English and Spanish, read as digits with their place in the text.

"five six one four four two", "cuatro ocho cero", "nineteen eighty eight", "treinta y tres",
"double five": each run of number words (and digits between them) becomes one `NumberRun`
whose `digits` are what a person would dial or write, and whose `start`/`end` are offsets into
the original text, so a recognizer can judge the digits and redact the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import fold

UNITS = {
    "zero": 0, "oh": 0, "cero": 0, "one": 1, "uno": 1, "una": 1, "un": 1, "two": 2, "dos": 2,
    "three": 3, "tres": 3, "four": 4, "cuatro": 4, "five": 5, "cinco": 5, "six": 6, "seis": 6,
    "seven": 7, "siete": 7, "eight": 8, "ocho": 8, "nine": 9, "nueve": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "diez": 10, "eleven": 11, "once": 11, "twelve": 12, "doce": 12, "thirteen": 13,
    "trece": 13, "fourteen": 14, "catorce": 14, "fifteen": 15, "quince": 15, "sixteen": 16,
    "dieciseis": 16, "seventeen": 17, "diecisiete": 17, "eighteen": 18, "dieciocho": 18,
    "nineteen": 19, "diecinueve": 19, "veintiuno": 21, "veintidos": 22, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27,
    "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
TENS = {
    "twenty": 20, "veinte": 20, "thirty": 30, "treinta": 30, "forty": 40, "cuarenta": 40,
    "fifty": 50, "cincuenta": 50, "sixty": 60, "sesenta": 60, "seventy": 70, "setenta": 70,
    "eighty": 80, "ochenta": 80, "ninety": 90, "noventa": 90,
}  # fmt: skip
HUNDREDS_ES = {
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400,
    "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800,
    "novecientos": 900,
}  # fmt: skip
REPEAT = {"double": 2, "doble": 2, "triple": 3}
# Words that are numbers only next to other number words ("one", "un", "una", "once", "oh").
WEAK = frozenset(["oh", "un", "una", "uno", "one", "once"])
NUMBER_WORDS = set(UNITS) | set(TEENS) | set(TENS) | set(HUNDREDS_ES) | set(REPEAT)
NUMBER_WORDS |= {"hundred", "thousand", "mil"}
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
JOINERS = frozenset(["and", "y", "-"])


@dataclass(frozen=True)
class NumberRun:
    start: int
    end: int
    digits: str
    words: int  # how many number words (a run of digits alone is not a spelled number)


def _group(words: list[str], i: int) -> tuple[str, int]:
    """Digits of the number group starting at words[i], and how many words it used."""
    w = words[i]
    if w.isdigit():
        return w, 1
    if w in REPEAT and i + 1 < len(words) and words[i + 1] in UNITS:
        return str(UNITS[words[i + 1]]) * REPEAT[w], 2
    value, used = 0, 0
    if w in HUNDREDS_ES:
        value, used = HUNDREDS_ES[w], 1
    elif w in UNITS and i + 1 < len(words) and words[i + 1] == "hundred":
        value, used = UNITS[w] * 100, 2
    if used:
        rest, more = _tens(words, i + used)
        return str(value + rest), used + more
    if w in UNITS:
        return str(UNITS[w]), 1
    rest, more = _tens(words, i)
    return (str(rest), more) if more else ("", 0)


def _tens(words: list[str], i: int) -> tuple[int, int]:
    """ "eighty eight", "treinta y tres", "fifteen": (value, words used)."""
    if i >= len(words):
        return 0, 0
    w = words[i]
    if w in TEENS:
        return TEENS[w], 1
    if w in TENS:
        j = i + 1
        if j < len(words) and words[j] in JOINERS and j + 1 < len(words):
            j += 1
        if j < len(words) and words[j] in UNITS and words[j] not in ("oh", "cero", "zero"):
            return TENS[w] + UNITS[words[j]], j - i + 1
        return TENS[w], 1
    return 0, 0


def _read(words: list[str]) -> str:
    """Digits of a run of number words, read group after group as people say numbers."""
    out, i = [], 0
    while i < len(words):
        if words[i] in JOINERS:
            i += 1
            continue
        if words[i] in ("thousand", "mil"):
            # "two thousand one", "dos mil uno": a year or an amount, not digit groups
            head = int(out.pop()) if out and out[-1].isdigit() and len(out[-1]) <= 2 else 1
            tail, used = _group(words, i + 1) if i + 1 < len(words) else ("", 0)
            out.append(str(head * 1000 + (int(tail) if tail else 0)))
            i += 1 + used
            continue
        digits, used = _group(words, i)
        if not used:
            i += 1
            continue
        out.append(digits)
        i += used
    return "".join(out)


def runs(text: str, min_words: int = 3, min_strong: int = 2) -> list[NumberRun]:
    """Every run of at least `min_words` number words (digits may sit between them), of which
    `min_strong` are no weak word ("one", "un", "once")."""
    folded = fold(text)
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(folded)]
    out: list[NumberRun] = []
    i = 0
    while i < len(toks):
        if toks[i][2] not in NUMBER_WORDS and not toks[i][2].isdigit():
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _continues(folded, toks, j):
            j += 1
        words = [t[2] for t in toks[i : j + 1]]
        n_words = sum(1 for w in words if w in NUMBER_WORDS)
        strong = sum(1 for w in words if w in NUMBER_WORDS and w not in WEAK)
        if n_words >= min_words and strong >= min_strong:
            out.append(NumberRun(toks[i][0], toks[j][1], _read(words), n_words))
        i = j + 1
    return out


def _continues(folded: str, toks: list, j: int) -> bool:
    """Does the run go on from token j to token j+1 (a number word or digits, close by)?"""
    gap = folded[toks[j][1] : toks[j + 1][0]]
    if len(gap) > 3 or gap.strip(" ,.-") or "\n" in gap:
        return False
    nxt = toks[j + 1][2]
    if nxt in JOINERS:
        return j + 2 < len(toks) and toks[j + 2][2] in NUMBER_WORDS
    return nxt in NUMBER_WORDS or nxt.isdigit()
