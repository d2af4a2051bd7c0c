"""The redacted text staff see: one numbered placeholder per person or value ([PERSON 2])."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import fold
from .recognizers import FUNCTION_WORDS
from .spans import Span


@dataclass(frozen=True)
class KeptSpan:
    """A kept span (officer, badge, agency, place, date) with offsets in the redacted text."""

    start: int
    end: int
    label: str
    text: str


@dataclass
class _Person:
    firsts: set[str]
    words: set[str]
    key: str


def _cluster_key(text: str, span: Span, people: list[_Person]) -> str:
    value = text[span.start : span.end]
    if span.label == "PHONE":
        d = re.sub(r"\D", "", value)
        return d[-7:] if len(d) >= 7 else d
    if span.label in ("EMAIL", "URL", "SOCIAL_HANDLE"):
        return fold(value).strip().lstrip("@")
    if span.label != "PERSON":
        return re.sub(r"[\W_]", "", fold(value))
    if span.cluster.startswith("k"):
        return span.cluster
    toks = [t for t in re.findall(r"[^\W\d_]+", fold(value)) if t not in FUNCTION_WORDS]
    if not toks:
        return fold(value)
    # same first name -> same person; a lone word joins the person it belongs to
    for p in people:
        if toks[0] in p.firsts:
            p.words.update(toks)
            return p.key
    if len(toks) == 1:
        for p in people:
            if toks[0] in p.words:
                return p.key
    key = "p" + "_".join(toks)
    people.append(_Person({toks[0]}, set(toks), key))
    return key


def _known_people(text: str, spans: list[Span]) -> list[_Person]:
    """Known-name clusters first get the words of all their surface forms."""
    people: list[_Person] = []
    for s in spans:
        if s.label != "PERSON" or not s.cluster.startswith("k"):
            continue
        toks = re.findall(r"[^\W\d_]+", fold(text[s.start : s.end]))
        for p in people:
            if p.key == s.cluster:
                p.words.update(toks)
                break
        else:
            if toks:
                people.append(_Person(set(), set(toks), s.cluster))
    return people


def _keys(text: str, spans: list[Span]) -> dict[int, str]:
    """Placeholder key of each redacted span (by start): spans found directly first, then
    the repeats that name the span they repeat ("@<start>", see propagate.py)."""
    people = _known_people(text, spans)
    keys: dict[int, str] = {}
    for s in sorted(spans, key=lambda s: s.cluster.startswith("@")):
        if s.action != "redact":
            continue
        ref = int(s.cluster[1:]) if s.cluster.startswith("@") else None
        if s.label == "PERSON" and ref is not None and ref in keys:
            keys[s.start] = keys[ref]
        else:
            keys[s.start] = _cluster_key(text, s, people)
    return keys


def render(text: str, spans: list[Span]) -> tuple[str, tuple[KeptSpan, ...]]:
    """Redacted text with placeholders, and kept spans re-based on the redacted text."""
    numbering: dict[str, dict[str, int]] = {}
    keys = _keys(text, spans)
    pieces: list[str] = []
    kept: list[KeptSpan] = []
    pos = out_len = 0
    for s in spans:
        chunk = text[pos : s.start]
        pieces.append(chunk)
        out_len += len(chunk)
        if s.action == "redact":
            table = numbering.setdefault(s.label, {})
            num = table.setdefault(keys[s.start], len(table) + 1)
            piece = f"[{s.label} {num}]"
        else:
            piece = text[s.start : s.end]
            kept.append(KeptSpan(out_len, out_len + len(piece), s.label, piece))
        pieces.append(piece)
        out_len += len(piece)
        pos = s.end
    pieces.append(text[pos:])
    return "".join(pieces), tuple(kept)
