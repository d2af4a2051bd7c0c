"""Words that name no one where a name detector would take them for a name (NOT_PERSON: a
guard, never shown): a car's model after its make ("a Nissan Rogue", "mi Toyota Sienna"), a
make after "a"/"un" ("a Mercedes"), and the language someone speaks ("she speaks Mam",
"solo habla K'iche'", "an interpreter for Q'anjob'al"), and nationality and language words
wherever they stand ("a Malian man", "habla bambara", "un señor brasileño": `demonyms`;
a guess inside such a word only). A guess of a name that falls on a
guard is dropped (`spans.from_results`); a name given with a cue (a kin word, "my name is")
stays."""

from __future__ import annotations

import re

from ..demonyms import is_demonym_or_language
from ..lexicon import words
from .common import DomainRecognizer, candidate

CAR_MAKES = words(
    """ford chevy chevrolet toyota nissan honda dodge jeep kia hyundai gmc buick mazda subaru
    volkswagen vw tesla bmw mercedes lexus cadillac chrysler mitsubishi infiniti acura audi
    volvo pontiac saturn mercury fiat scion isuzu suzuki peugeot renault"""
)
_MAKE = "|".join(sorted(CAR_MAKES, key=len, reverse=True))
_MODEL = r"(?:[A-Z0-9][\w-]*|[a-z]+-?\d+)"
CAR_RE = re.compile(
    rf"\b(?i:{_MAKE})(?:[-\s]+{_MODEL}){{1,2}}"
    rf"|\b(?i:a|an|un|una)\s+(?:\w+\s+)?(?i:{_MAKE})\b"
)
_LANG = r"[^\W\d_][\w'’]*(?:['’](?!\w))?"
SPEAK_RE = re.compile(
    r"\b(?:speaks?|spoke|speaking|habla|hablo|hablan|hablamos|hablaba|hablaban|interpreter\s+(?:in|for|of)|int[eé]rprete\s+(?:de|en|del)|"
    r"idioma|lengua|dialecto|language|dialect)"
    r"(?:\s+(?:only|just|mostly|mainly|solo|sólo|solamente|nada\s+m[aá]s|puro|pura|en|in))*\s+"
    rf"({_LANG}(?:\s*(?:,|and|or|y|o|e|u)\s*{_LANG}){{0,2}})",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"[^\W\d_]{4,}")
SPEAK_STOP = words(
    """english ingles spanish espanol espanyol a an the to with for me him her us them with
    con a al el la los las un una to que of de del very muy poco little bit more mas"""
)


def guards(text: str) -> list[tuple[int, int]]:
    out = [m.span() for m in CAR_RE.finditer(text)]
    for m in SPEAK_RE.finditer(text):
        for w in re.finditer(_LANG, m.group(1)):
            if w.group().lower().strip("'’") not in SPEAK_STOP and w.group()[0].isupper():
                out.append((m.start(1) + w.start(), m.start(1) + w.end()))
    return out


def word_guards(text: str) -> list[tuple[int, int]]:
    """Nationality and language words: a guess lying inside one is dropped, a guess that
    goes beyond it is not ("Pedro Alemán")."""
    return [m.span() for m in WORD_RE.finditer(text) if is_demonym_or_language(m.group())]


class NotNameRecognizer(DomainRecognizer):
    ENTITIES = ("NOT_PERSON",)

    def analyze(self, text, entities, nlp_artifacts=None):
        return [candidate("NOT_PERSON", s, e, 1.0, why="guard") for s, e in guards(text)] + [
            candidate("NOT_PERSON", s, e, 1.0, why="word") for s, e in word_guards(text)
        ]
