"""What every recognizer shares: the labels, the token view of a text (`Ctx`), and the small
walkers that extend a span over neighbouring name-like words.

Every result's score encodes its priority in conflict resolution (`core.resolve`):
1.0 structured identifiers with context, 0.9 officers and badges, 0.8 agencies/places/dates
from patterns, 0.7 people from context cues, 0.65 stock Presidio identifiers, 0.6 shape-only
identifiers, 0.55 people from the first-name list, 0.5 places from the spaCy parse, 0.45 people
from the spaCy parse.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .. import patterns as P
from ..lexicon import HONORIFICS, KIN_NOUNS, OFFICER_NOUNS, VEHICLE_NOUNS, fold, words

REDACT_LABELS = (
    "PERSON",
    "PHONE",
    "EMAIL",
    "STREET_ADDRESS",
    "A_NUMBER",
    "SSN",
    "DOB",
    "LICENSE_PLATE",
    "ID_NUMBER",
    "SOCIAL_HANDLE",
    "URL",
    "IP_ADDRESS",
    "CREDIT_CARD",
    "IBAN",
)
KEEP_LABELS = ("OFFICER", "BADGE", "AGENCY", "PLACE", "DATE")

FUNCTION_WORDS = words(
    """the a an and or but of to in on at by for from with near into onto off over under up down
    my your his her our their its this that these those some any every no not is was were be
    been are am i you he she it we they me him them us who which what where when while then
    than there here as if so just only also very too about around after before behind between
    el la los las un una unos unas y o u pero de del al a en con por para sin sobre entre hasta
    desde hacia mi mis tu tus su sus nuestro nuestra lo le les me te se que quien como cuando
    donde ya muy mas es era fue esta estaba son eran otro otra cerca lejos frente detras
    other another same next last first second third some cual este ese esa aquel todo toda"""
)
NAME_CONNECTORS = words("de del la las los y da dos van von di le")
LOCATION_PREPS = words("in en near outside to hacia from into cerca around through via")
# People named by what they are, not who: "a man named X" is a private person.
GENERIC_PEOPLE = words(
    """someone somebody anyone alguien person persona man woman guy lady senor senora muchacho
    muchacha joven hombre mujer chavo chava inmate detainee preso presa reo companero companera
    boy girl kid nino nina senorita gentleman tipo"""
)

TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str
    f: str  # folded, possessive 's removed


@dataclass
class Ctx:
    text: str
    folded: str
    style: str
    toks: list[Tok]
    starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, style: str | None = None) -> Ctx:
        folded = fold(text)
        toks = []
        for m in TOKEN_RE.finditer(text):
            f = folded[m.start() : m.end()]
            if f.endswith(("'s", "’s")):
                f = f[:-2]
            toks.append(Tok(m.start(), m.end(), m.group(), f))
        ctx = cls(text, folded, style or P.text_style(text), toks)
        ctx.starts = [t.start for t in toks]
        return ctx

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        if not 0 < i < len(self.toks):  # before the first token, or after the last one
            return ""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def is_cap(self, tok: Tok) -> bool:
        return tok.text[0].isupper()


def candidate(label: str, start: int, end: int, score: float, **meta) -> RecognizerResult:
    meta.setdefault("recognizer_name", "workers.anonymize")
    return RecognizerResult(label, start, end, score, recognition_metadata=meta)


def ctx_of(text: str, nlp_artifacts: NlpArtifacts | None) -> Ctx:
    cache = getattr(nlp_artifacts, "_anon_ctx", None) if nlp_artifacts else None
    if cache is not None and cache.text == text:
        return cache
    ctx = Ctx.build(text)
    if nlp_artifacts is not None:
        nlp_artifacts._anon_ctx = ctx
    return ctx


def near_officer(folded: str, start: int, size: int = 110) -> bool:
    window = folded[max(0, start - size) : start]
    return any(w in OFFICER_NOUNS for w in re.findall(r"[a-z]+", window))


class DomainRecognizer(EntityRecognizer):
    ENTITIES: tuple[str, ...] = ()

    def __init__(self, language: str):
        super().__init__(
            supported_entities=list(self.ENTITIES),
            supported_language=language,
            name=f"{type(self).__name__}_{language}",
        )

    def load(self) -> None:  # nothing to load
        pass


def before_vehicle(ctx: Ctx, k: int) -> bool:
    return k + 1 < len(ctx.toks) and ctx.toks[k + 1].f in VEHICLE_NOUNS and ctx.gap(k + 1) == " "


def is_walk_word(ctx: Ctx, tok: Tok) -> bool:
    f = tok.f
    if f in FUNCTION_WORDS or f in OFFICER_NOUNS or f in KIN_NOUNS:
        return False
    if ctx.style == "normal":
        return tok.text[0].isupper() or tok.text[0].isdigit()
    return len(f) > 1


def walk_back(ctx: Ctx, i: int, max_words: int) -> int | None:
    """Index of the first of up to max_words name-like tokens right before token i."""
    first = None
    j = i - 1
    while j >= 0 and i - j <= max_words:
        gap = ctx.text[ctx.toks[j].end : ctx.toks[j + 1].start]
        if gap.strip(" .'’-") or "\n" in gap:
            break
        if not is_walk_word(ctx, ctx.toks[j]):
            break
        first = j
        j -= 1
    return first


def walk_forward(ctx: Ctx, i: int, max_words: int) -> int | None:
    end = None
    j = i
    while j < len(ctx.toks) and j - i < max_words:
        if j > i:
            gap = ctx.gap(j)
            if gap.strip(" .-") or "\n" in gap:
                break
        tok = ctx.toks[j]
        if tok.f in FUNCTION_WORDS or not (is_walk_word(ctx, tok) or tok.text[0].isupper()):
            break
        end = tok.end
        j += 1
    return end


def trim_entity(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    i = ctx.index_at(s)
    j = ctx.index_at(e) - 1
    while i <= j and (
        ctx.toks[i].f in FUNCTION_WORDS
        or ctx.toks[i].f in OFFICER_NOUNS
        or ctx.toks[i].f in KIN_NOUNS
        or ctx.toks[i].f in HONORIFICS
    ):
        i += 1
    while j >= i and (ctx.toks[j].f in FUNCTION_WORDS):
        j -= 1
    if i > j:
        return s, s
    return ctx.toks[i].start, ctx.toks[j].end
