"""The learned name detector: a small spaCy NER trained for complaint narratives (issue 12).

Rules find names by their cues ("my husband X", "Deputy X"); this model finds names by how they
look and where they sit, including names that are ordinary words, lower-case names, names in
lists and names no word list has. It was trained by `python -m workers.anonymize.training.train`
on generated narratives (workers/anonymize/training/) and ships in workers/anonymize/models/,
so nothing is downloaded. One copy per language per process (`name_detector`).

It labels PERSON (a private person) and OFFICER (a name the context makes an officer's). The
rules still decide what is kept: an officer needs positive evidence there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import spacy
from spacy.language import Language

from .lexicon import (
    AMBIGUOUS_NAMES,
    HONORIFICS,
    KIN_NOUNS,
    NOT_NAME,
    OFFICER_TITLES,
    VEHICLE_NOUNS,
    everyday_word,
    first_names,
    fold,
    zipf,
)
from .recognizers.people import NOT_IN_PERSON_RUN

MODELS = Path(__file__).resolve().parent / "models"
LANGUAGES = ("en", "es")
OTHER_LANGUAGE = {"en": "es", "es": "en"}  # reporters mix them
# wordfreq Zipf scale: 4 is a word met about once in 10,000 words ("alien", "corte").
WORD_ZIPF = 4.0
UNMARKED_WORD_ZIPF = 3.0  # a lower-case or sentence-initial word in normally cased text
CAPITALS_SHARE = 0.8  # a text with this share of capital letters is written in capitals
SENTENCE_END = frozenset(".!?¿¡:;")
BATCH_SIZE = 64
# The greedy NER gives no probability; a hit is one decision of the model, weaker than a rule.
PERSON_SCORE = 0.6
OFFICER_SCORE = 0.5


class NameLabel(StrEnum):
    PERSON = "PERSON"
    OFFICER = "OFFICER"


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    label: NameLabel
    score: float


class NameDetector:
    """Finds person names in narratives of one language."""

    def __init__(self, language: str, path: Path | None = None):
        if language not in LANGUAGES:
            raise ValueError(f"no name model for language {language!r}")
        self.language = language
        self.nlp: Language = spacy.load(path or MODELS / f"names_{language}")

    def find(self, text: str) -> tuple[NameHit, ...]:
        return self.find_batch([text])[0]

    def find_batch(self, texts: Sequence[str]) -> list[tuple[NameHit, ...]]:
        docs = self.nlp.pipe((_uncapitalised(t) for t in texts), batch_size=BATCH_SIZE)
        return [_hits(doc, self.language) for doc in docs]


def word_not_name(token, language: str, cased: bool) -> bool:
    """An everyday word that is no one's name ("rights", "tenía"; not "godson", which is rare).

    The model was trained on generated text and, on real text, sometimes takes a word for a
    name; an edge word of what it finds is dropped where frequency data says "just a word".
    Names that are also words (Rosa, Hope, Will) are in the first-name list and stay. In text
    written with capitals, a lower-case word or the first word of a sentence is not marked as a
    name by its capital, so rarer words count as words there, and so do first names that are
    everyday words ("with faith")."""
    if not token.is_alpha:  # punctuation and symbols are no name ("<script>")
        return not any(c.isalpha() for c in token.text)
    w = fold(token.text)
    if w in NOT_NAME and w not in AMBIGUOUS_NAMES:  # "Madam", "Caller", "Kreyòl"; not "June"
        return True
    # "Ofc. X", "Dep X", "our pastor", "la Sra": a rank, a role, a title; one that is a first
    # name too ("Nena", "Pastor") only when written in lower case in cased text
    if (
        w in ROLE_WORDS
        and w not in AMBIGUOUS_NAMES
        and (w not in first_names() or (cased and token.text.islower()))
    ):
        return True
    unmarked = cased and (token.text.islower() or _sentence_start(token))
    if w in first_names():  # "faith" in "we will go to court with faith" is a word
        return unmarked and everyday_word(w, language)
    if _spanish_verb_form(w) or _spanish_preterite(token.text):
        return True
    threshold = UNMARKED_WORD_ZIPF if unmarked else WORD_ZIPF
    return max(zipf(w, language), zipf(w, OTHER_LANGUAGE[language])) >= threshold


# Ranks, roles and titles (the rules' own lists): no one's name, though some are first names
# somewhere ("Pastor"), and abbreviated ranks are written with a full stop ("Ofc.").
ROLE_WORDS = (
    OFFICER_TITLES
    | KIN_NOUNS
    | HONORIFICS
    | frozenset(w.rstrip(".") for w in OFFICER_TITLES | HONORIFICS)
)
# A lower-case word alone, in text that capitalises names, is a word when frequency data has
# seen it at all ("takes warfarin", "a shrimper"); a first name is judged as before.
LOWER_ALONE_ZIPF = 1.0


def lower_word_alone(run: list, language: str, cased: bool) -> bool:
    """A one-word hit, written in lower case in a text that capitalises names, which is no
    first name and which wordfreq knows in either language ("warfarin", "shrimper"; not
    "tzoc")."""
    if not cased or len(run) != 1 or not run[0].text.islower():
        return False
    w = fold(run[0].text)
    if w in first_names():
        return False
    return max(zipf(w, language), zipf(w, OTHER_LANGUAGE[language])) >= LOWER_ALONE_ZIPF


# Endings of Spanish finite verbs and gerunds (not participles: Arriagada, Fuenzalida).
VERB_ENDING = re.compile(
    r"(?:ara|iera|aran|ieran|ase|iese|aba|aban|abamos|iamos|aria|eria|iria|arian|erian|irian"
    r"|aste|iste|aron|ieron|ando|iendo)$"
)
VERB_FORM_ZIPF = 2.5


def _spanish_verb_form(w: str) -> bool:
    """ "que no firmara", "que corriera", "estábamos": a Spanish verb form the model took for a
    name (in lower-case text it has no capital to go by). A word Spanish uses and English never
    does, with a verb's ending, is no name (surnames with such endings are used in English
    text too: Lara, Guevara)."""
    return bool(VERB_ENDING.search(w) and zipf(w, "en") == 0 and zipf(w, "es") >= VERB_FORM_ZIPF)


def _spanish_preterite(word: str) -> bool:
    """ "yusleidy abrió", "llegó": a word ending in an accented "ó" that Spanish uses and
    English never does is a verb of the past (no given name ends so)."""
    return (
        len(word) > 2
        and word[-1] in "óÓ"
        and zipf(fold(word), "en") == 0
        and zipf(word.lower(), "es") >= VERB_FORM_ZIPF
    )


def _sentence_start(token) -> bool:
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.text in SENTENCE_END or "\n" in prev.text or "\n" in prev.whitespace_


def _is_cased(doc) -> bool:
    """Written with capitals as usual (neither all lower case nor all capitals)."""
    alpha = [t.text for t in doc if t.is_alpha]
    if not alpha:
        return False
    capitalised = sum(t[0].isupper() for t in alpha) / len(alpha)
    return 0.03 <= capitalised < 0.8


def _names_a_vehicle(run: list) -> bool:
    """ "my old Mercedes van": a name that is also a thing, right before a vehicle noun."""
    last = run[-1]
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return (
        len(run) == 1
        and fold(last.text) in AMBIGUOUS_NAMES
        and nxt is not None
        and fold(nxt.text) in VEHICLE_NOUNS
    )


def _names_a_place_or_firm(run: list) -> bool:
    """ "Acme Corp", "Harris County": a word of the run makes it an organisation or a place
    (the rules' own list for capitalised runs)."""
    return any(fold(t.text.strip(".")) in NOT_IN_PERSON_RUN for t in run)


def _uncapitalised(text: str) -> str:
    """Text written in capitals is read in lower case (a style the model knows), when that
    keeps every offset; hits are offsets, so they apply to the original."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < CAPITALS_SHARE * len(letters):
        return text
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def _hits(doc, language: str) -> tuple[NameHit, ...]:
    out = []
    cased = _is_cased(doc)
    for ent in doc.ents:
        label = NameLabel(ent.label_)
        score = PERSON_SCORE if label is NameLabel.PERSON else OFFICER_SCORE
        # A name does not run over a line break ("Sharon\nYours truly").
        runs: list[list] = [[]]
        for tok in ent:
            if "\n" in tok.text:
                runs.append([])
                continue
            runs[-1].append(tok)
            if "\n" in tok.whitespace_:
                runs.append([])
        for run in runs:
            while run and word_not_name(run[0], language, cased):
                run.pop(0)
            while run and word_not_name(run[-1], language, cased):
                run.pop()
            if run and lower_word_alone(run, language, cased):
                continue
            if run and not _names_a_vehicle(run) and not _names_a_place_or_firm(run):
                out.append(NameHit(run[0].idx, run[-1].idx + len(run[-1].text), label, score))
    return tuple(out)


class LearnedPersonDetector:
    """The anonymizer's seam (`core.PersonDetector`): (text, language) -> PERSON spans.

    Only PERSON hits are offered: the rules decide who is an officer (a rank, a badge).
    Offering the model's OFFICER hits as persons too found almost no more names on the
    generated eval set and cost kept officers. `prime` runs a whole batch through `nlp.pipe`
    once; calls for those texts then cost a dictionary look-up."""

    def __init__(self) -> None:
        self._primed: dict[tuple[str, str], tuple[NameHit, ...]] = {}

    def prime(self, texts: Sequence[str], language: str) -> None:
        self._primed = {}
        if language in LANGUAGES:
            for text, hits in zip(texts, find_names(texts, language), strict=True):
                self._primed[(language, text)] = hits

    def __call__(self, text: str, language: str) -> list[tuple[int, int, float]]:
        if language not in LANGUAGES:
            return []
        hits = self._primed.get((language, text))
        if hits is None:
            hits = name_detector(language).find(text)
        return [(h.start, h.end, h.score) for h in hits if h.label is NameLabel.PERSON]


@functools.cache
def name_detector(language: str) -> NameDetector:
    """The detector for `language`, loaded on first use and kept for the process."""
    return NameDetector(language)


def find_names(texts: Iterable[str], language: str) -> list[tuple[NameHit, ...]]:
    return name_detector(language).find_batch(list(texts))
