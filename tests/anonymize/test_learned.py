"""The learned name detector (workers/anonymize/learned.py) and the corpus it was trained on.

The sentences here come from the generator's EVALUATION partition: templates, writing styles
and names the model never saw in training (workers/anonymize/training/)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pytest

from workers.anonymize.learned import NameHit, NameLabel, find_names, name_detector
from workers.anonymize.lexicon import AMBIGUOUS_NAMES, NICKNAMES, first_names, fold
from workers.anonymize.training.corpus import generate
from workers.anonymize.training.names import name_pool

N_PER_LANGUAGE = 40


def _known_to_word_lists(word: str) -> bool:
    w = fold(word)
    nick = {fold(k) for k in NICKNAMES} | {fold(v) for vs in NICKNAMES.values() for v in vs}
    return w in first_names() or w in AMBIGUOUS_NAMES or w in nick


def _unlisted_names(items: list[dict]) -> list[tuple[int, int, int]]:
    """(item index, start, end) of PERSON spans none of whose words is in a name list."""
    out = []
    for n, it in enumerate(items):
        for sp in it["spans"]:
            words = re.findall(r"\w+", it["text"][sp["start"] : sp["end"]])
            if sp["label"] == "PERSON" and not any(_known_to_word_lists(w) for w in words):
                out.append((n, sp["start"], sp["end"]))
    return out


@dataclass(frozen=True)
class Hit:
    start: int
    end: int


def _covered(hits, start: int, end: int, text: str) -> bool:
    chars = [i for i in range(start, end) if text[i].isalnum()]
    return all(any(h.start <= i < h.end for h in hits) for i in chars)


@functools.cache
def _sample(language: str):
    items = generate("eval", language, N_PER_LANGUAGE, seed=7)
    unlisted = _unlisted_names(items)
    assert len(unlisted) >= 20, "the eval partition must have names outside the word lists"
    return items, unlisted


def _share_removed(items, unlisted, spans_of) -> float:
    found = [(n, s, e) for n, s, e in unlisted if _covered(spans_of[n], s, e, items[n]["text"])]
    return len(found) / len(unlisted)


@pytest.mark.parametrize("language", ["en", "es"])
def test_finds_names_no_word_list_has(language):
    """Names in no list (first names, nicknames), in templates and styles it never saw."""
    items, unlisted = _sample(language)
    hits = find_names([it["text"] for it in items], language)
    assert _share_removed(items, unlisted, hits) >= 0.6


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_anonymizer_removes_more_of_them_with_the_detector(anon, language):
    from workers.anonymize import Anonymizer

    items, unlisted = _sample(language)

    def redacted(anonymizer):
        return [
            tuple(Hit(s["start"], s["end"]) for s in r["spans"] if s["action"] == "redact")
            for r in anonymizer.anonymize_batch(items)
        ]

    with_detector = _share_removed(items, unlisted, redacted(anon))
    rules_alone = _share_removed(items, unlisted, redacted(Anonymizer()))
    assert with_detector >= 0.8
    assert with_detector > rules_alone


def test_hits_are_typed_offsets_into_the_text():
    text = "my cousin Thandiwe Okonkwo-Baptiste was taken by Deputy Harlan near the Walmart."
    hits = name_detector("en").find(text)
    assert hits and all(isinstance(h, NameHit) and isinstance(h.label, NameLabel) for h in hits)
    names = {text[h.start : h.end]: h.label for h in hits}
    assert any("Thandiwe" in n and lab is NameLabel.PERSON for n, lab in names.items())
    assert 0 < min(h.score for h in hits) <= 1


def test_partitions_share_no_name_and_the_generator_is_reproducible():
    train, ev = name_pool("train"), name_pool("eval")
    train_words = {fold(w) for f in train.__dataclass_fields__ for w in getattr(train, f)}
    eval_words = {fold(w) for f in ev.__dataclass_fields__ for w in getattr(ev, f)}
    assert eval_words and not train_words & eval_words
    assert generate("eval", "es", 5, seed=3) == generate("eval", "es", 5, seed=3)
    for it in generate("train", "en", 20, seed=3) + generate("eval", "es", 20, seed=3):
        for sp in it["spans"]:
            value = it["text"][sp["start"] : sp["end"]]
            assert value == value.strip() and value, (it["id"], sp)


def test_symbols_are_never_a_name():
    text = "<script>alert(1)</script> Harris County jail, Monday. #!? --> ()"
    hits = name_detector("en").find(text)
    assert all(any(c.isalpha() for c in text[h.start : h.end]) for h in hits), hits
