"""Licence plates said with their state (redacted with it): "tx plate ABC 1234", "my Texas
plate hgt 4471", "placas de Jalisco JKL-12-34", "placa de california 8abc123", and a state
code right before a plate of letters and digits with no plate word ("AZ 7JX 204"). The state
names are the US and Mexican states of `data/states.txt` (`build_states.py`)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from presidio_analyzer import RecognizerResult

from ..lexicon import STATE_CODES, fold, zipf
from ..patterns import PLATE_SHAPE_RE
from .common import FUNCTION_WORDS, Ctx, candidate


@functools.cache
def state_names() -> tuple[str, ...]:
    """Folded state names, longest first (so "baja california sur" before "baja california")."""
    path = Path(__file__).resolve().parent.parent / "data" / "states.txt"
    with path.open(encoding="utf-8") as fh:
        names = {ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")}
    return tuple(sorted(names, key=len, reverse=True))


def _is_word(s: str) -> bool:
    f = fold(s)
    return f in FUNCTION_WORDS or max(zipf(f, "en"), zipf(f, "es")) >= 4.0


# two-letter words that stand where a state code may ("plate is ...", "placa de mi carro")
_NOT_CODES = (
    "(?:is|es|no|de|el|la|mi|my|su|tu|un|on|in|at|of|or|to|me|we|ok|oh|hi|so|do|go|an|as|by|"
    "if|it|up|us|yo|ya|se|te|le|lo|va)"
)

# state codes that are also words: a state only when written in capitals ("PA plate")
_WORD_CODES = frozenset(
    ["al", "pa", "ma", "co", "id", "ne", "de", "mi", "la", "in", "or", "me", "hi", "oh", "ok"]
)


@functools.cache
def _plate_with_state_re() -> re.Pattern:
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in state_names())
    state = rf"(?:{names}|(?!{_NOT_CODES}\b)[a-z]{{2}})(?!\w)"
    return re.compile(
        rf"(?<![\w-])(?:(?P<pre>{state})\s+)?"
        r"(?P<pw>(?:license\s+)?plates?|tags?|placas?|tablillas?)"
        r"(?:\s+(?:de|del|from|of)(?:\s+(?:el\s+)?estado\s+de)?)?"
        rf"(?:\s+(?P<post>{state}))?"
        r"(?:\s*(?:#|:|(?:number|no|num|numero|is|was|were|are|es|son|era|eran|read|reads|"
        r"said|say|dice|decia|decian|dicen)\b\.?))*"
        r"\s*(?<![\w-])(?P<val>[a-z0-9]{1,8}(?:[- ][a-z0-9]{1,4}){0,2})(?![\w-])"
    )


# a state code in capitals right before a plate of letters and digits: "AZ 7JX 204"; not a
# road ("TX FM 1960", "TX US 59"), a zip code ("TX 77001") or a word
CODE_PLATE_RE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(STATE_CODES))})\s+"
    r"(?!(?:FM|RM|US|SH|SR|CR|IH|I|HWY|LOOP|RR|HC|CO|PO|APT|STE|UNIT)\b)"
    r"(?P<val>[A-Z0-9]{1,4}(?:[- ][A-Z0-9]{1,4}){1,2}|[A-Z0-9]{5,8})(?![\w-])"
)


def _state_ok(ctx: Ctx, m: re.Match, group: str) -> bool:
    """A state name, or a state code ("tx"; one that is also a word only in capitals)."""
    s, e = m.span(group)
    value = m.group(group)
    if " " in value or len(value) > 2:
        return True
    return value.upper() in STATE_CODES and (ctx.text[s:e].isupper() or value not in _WORD_CODES)


def _value_end(folded: str, s: int, e: int) -> int:
    """The value without the words it ran on over ("7jx 204 de mi troca", "hgt 4471 got")."""
    while (w := re.search(r"[- ]([a-z]+)$", folded[s:e])) and _is_word(w.group(1)):
        if not _plate_value(folded[s : s + w.start()]) and PLATE_SHAPE_RE.fullmatch(
            folded[s:e].upper()
        ):
            break  # what is left is no plate and the whole has a plate's shape ("174 few")
        e = s + w.start()
    return e


def _plate_value(value: str) -> bool:
    alnum = re.sub(r"[^a-z0-9]", "", value.lower())
    first = re.split(r"[- ]", value)[0]
    return (
        4 <= len(alnum) <= 10
        and any(c.isdigit() for c in alnum)
        and not (first.isalpha() and _is_word(first))
    )


def state_plates(ctx: Ctx, is_badge) -> list[RecognizerResult]:
    """Plates after a plate word with a state before or after it (any case), and plates right
    after a state code. `is_badge(word, alnum, start)` keeps "placa 221" of an officer a badge."""
    out = []
    for m in _plate_with_state_re().finditer(ctx.folded):
        pre = m.group("pre") and _state_ok(ctx, m, "pre")
        post = m.group("post") and _state_ok(ctx, m, "post")
        if m.group("post") and not post:
            continue  # "placa de mi carro": "mi" is no state here
        s, e = m.span("val")
        e = _value_end(ctx.folded, s, e)
        value = ctx.folded[s:e]
        if not _plate_value(value):
            continue
        if is_badge(m.group("pw"), re.sub(r"[^a-z0-9]", "", value), s):
            continue
        start = m.start("pre") if pre else m.start("post") if post else s
        out.append(candidate("LICENSE_PLATE", start, e, 0.99, why="state-plate"))
    if ctx.style != "caps":
        for m in CODE_PLATE_RE.finditer(ctx.text):
            v = m.group("val")
            if any(c.isdigit() for c in v) and any(c.isalpha() for c in v) and _plate_value(v):
                out.append(candidate("LICENSE_PLATE", m.start(), m.end(), 0.95, why="state-plate"))
    return out
