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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import spacy
from spacy.language import Language

MODELS = Path(__file__).resolve().parent / "models"
LANGUAGES = ("en", "es")
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
        return [_hits(doc) for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE)]


def _hits(doc) -> tuple[NameHit, ...]:
    out = []
    for ent in doc.ents:
        label = NameLabel(ent.label_)
        score = PERSON_SCORE if label is NameLabel.PERSON else OFFICER_SCORE
        out.append(NameHit(ent.start_char, ent.end_char, label, score))
    return tuple(out)


@functools.cache
def name_detector(language: str) -> NameDetector:
    """The detector for `language`, loaded on first use and kept for the process."""
    return NameDetector(language)


def find_names(texts: Iterable[str], language: str) -> list[tuple[NameHit, ...]]:
    return name_detector(language).find_batch(list(texts))
