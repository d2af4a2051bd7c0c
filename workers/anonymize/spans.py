"""Candidate spans and how conflicts between them are resolved (recall first)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from presidio_analyzer import RecognizerResult

from .recognizers import KEEP_LABELS, REDACT_LABELS


@dataclass(frozen=True)
class Span:
    """One thing found in a text: character offsets, label, priority and why it was found.

    `score` is a priority, not a probability (see recognizers/common.py); `cluster` ties the
    mentions of one known person together ("k0" is the reporter)."""

    start: int
    end: int
    label: str
    score: float
    why: str = ""
    cluster: str = ""

    @property
    def action(self) -> str:
        return "keep" if self.label in KEEP_LABELS else "redact"

    def shifted(self, offset: int) -> Span:
        return replace(self, start=self.start + offset, end=self.end + offset)


# Presidio's stock entities: our label, the lowest stock score accepted (after Presidio's
# context enhancement), and the priority given. Checksummed or validated values (phone numbers
# valid in a region, Luhn-valid cards, IBANs, IPs) are taken as found; the weak licence and
# passport patterns only with a context word.
STOCK_LABELS = {
    "PHONE_NUMBER": ("PHONE", 0.0, 0.65),
    "IP_ADDRESS": ("IP_ADDRESS", 0.5, 0.95),
    "CREDIT_CARD": ("CREDIT_CARD", 0.0, 0.95),
    "IBAN_CODE": ("IBAN", 0.0, 0.95),
    "US_DRIVER_LICENSE": ("ID_NUMBER", 0.3, 0.62),
    "US_PASSPORT": ("ID_NUMBER", 0.4, 0.62),
}


# How a PERSON was found when the find was a guess, not a cue (a kin word, "my name is"):
# a guess gives way to a guard (`recognizers.not_names`), a cue does not.
GUESSED_WHY = frozenset(
    ["learned", "firstname", "capitalised", "ner", "quoted", "nickname", "slot", ""]
)


def from_results(results: Iterable[RecognizerResult]) -> list[Span]:
    results = list(results)
    guards = [
        (r.start, r.end, (r.recognition_metadata or {}).get("why") == "word")
        for r in results
        if r.entity_type == "NOT_PERSON"
    ]
    out = []
    for r in results:
        why = str((r.recognition_metadata or {}).get("why", ""))
        # a word guard (a nationality, a language) drops a guess inside it, not one that goes
        # beyond it: "Pedro Alemán" stays a name where "Alemán" alone is a nationality
        guarded = any(
            (s <= r.start and r.end <= e) if word else (s < r.end and r.start < e)
            for s, e, word in guards
        )
        if r.entity_type == "PERSON" and why in GUESSED_WHY and guarded:
            continue  # "a Nissan Rogue", "she speaks Mam": no one's name
        label, score = r.entity_type, r.score
        if label in STOCK_LABELS:
            label, lowest, score = STOCK_LABELS[label]
            if r.score < lowest:
                continue
        if label not in REDACT_LABELS and label not in KEEP_LABELS:
            continue
        meta = r.recognition_metadata or {}
        out.append(
            Span(
                r.start,
                r.end,
                label,
                score,
                str(meta.get("why", "")),
                str(meta.get("cluster", "")),
            )
        )
    return out


GUESSED_PLACE_WHY = frozenset(["gazetteer", "ner"])


def _cued_people_over_guessed_places(cands: list[Span]) -> list[Span]:
    """ "my husband Alfonso Rivera": a place name from the gazetteer inside a longer name
    that a cue introduced is part of the name (a place needs no one's kin word)."""
    people = [c for c in cands if c.label == "PERSON" and c.why not in GUESSED_WHY]
    return [
        c
        for c in cands
        if not (
            c.label == "PLACE"
            and c.why in GUESSED_PLACE_WHY
            and any(
                p.start <= c.start and c.end <= p.end and (p.end - p.start) > (c.end - c.start)
                for p in people
            )
        )
    ]


def resolve(cands: Iterable[Span]) -> list[Span]:
    """Highest priority wins; overlapping redactions merge into one (never leak a part of a
    value). A keep survives only where no redaction of higher priority overlaps it."""
    # The chosen spans never overlap one another, so kept in order of their start (and so of
    # their end) the ones a candidate overlaps are one run found by bisection: a 200 KB text has
    # thousands of candidates, and scanning every chosen span for each was quadratic.
    # `order` numbers each chosen span as it is chosen; a merge takes the fields of the earliest.
    chosen: list[Span] = []
    starts: list[int] = []
    ends: list[int] = []
    order: list[int] = []
    cands = _cued_people_over_guessed_places(list(cands))
    for n, c in enumerate(sorted(cands, key=lambda s: (-s.score, -(s.end - s.start), s.start))):
        if c.end <= c.start:
            continue
        lo, hi = bisect_right(ends, c.start), bisect_left(starts, c.end)
        over = chosen[lo:hi]
        if over and (c.action == "keep" or any(x.action == "keep" for x in over)):
            continue
        if over:
            first = over[min(range(len(over)), key=lambda i: order[lo + i])]
            c = replace(first, start=min(c.start, over[0].start), end=max(c.end, over[-1].end))
        chosen[lo:hi], starts[lo:hi], ends[lo:hi], order[lo:hi] = [c], [c.start], [c.end], [n]
    return chosen


def covered(spans: Iterable[Span], s: int, e: int) -> bool:
    return any(x.start < e and s < x.end for x in spans)
