"""Pick the two or three most informative sentences of a redacted narrative.

The ranking is TextRank-style centrality (PageRank over TF-IDF cosine similarity of the
sentences' content lemmas) multiplied by cues that matter for 287(g) complaints: officers and
agencies, actions such as stopping, arresting, detaining or asking for papers, dates and places.
Greetings, sign-offs, contact requests and sentences that are mostly redaction placeholders are
pushed down. Sentences are returned in narrative order with their character offsets, so
`narrative[start:end] == text` always holds.
"""

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import spacy
from spacy.language import Language

from workers.nlp import SUPPORTED_LANGUAGES, get_nlp
from workers.parsed import parses

from .cues import key_fact_prefixes, merged_cues
from .text import PLACEHOLDER_RE, fold

# Long narratives: only the beginning is parsed and ranked, so a 100 KB paste stays fast. The
# incident is almost always told first; the cut falls on a sentence or line boundary.
MAX_PARSE_CHARS = 20_000
MAX_SENTENCES = 200
# One extracted "sentence" is clipped (at a word boundary) when the reporter used no punctuation.
MAX_SENTENCE_CHARS = 400
# The third sentence is left out when the extract would grow longer than this.
MAX_EXTRACT_CHARS = 900
# Sentences kept because they carry a key fact (an urgency signal's words, a detainer, force,
# a medical need, children, status questions, retaliation): at most this many in all.
MAX_KEY_SENTENCES = 4

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
ENTITY_LABELS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "ORG"})
PERSON_LABELS = frozenset({"PERSON", "PER"})
_PARAGRAPH_RE = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# Abbreviations after which the parser may wrongly end a sentence (accent-free, lower-case).
_TITLES = "mr mrs ms dr sgt cpl lt capt cpt ofc off dep det insp sr sra srta lic sto"
_ABBREVIATIONS = "approx aprox appx ca no nos num nro st ave av rd hwy blvd pkwy apt dept co etc vs"
TITLE_ABBREVIATIONS = frozenset(_TITLES.split())
ABBREVIATIONS = frozenset(f"{_ABBREVIATIONS} jr a.m p.m hrs min u.s ee.uu".split())
_CLOCK_RE = re.compile(r"\b\d{1,2}(?::\d{2})\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_DURATION_RE = re.compile(
    r"\b\d+\s*(?:min|mins|minutes|hours?|hrs?|days?|weeks?|minutos|horas?|d[ií]as?|semanas?)\b",
    re.I,
)
# A sentence that carries a redacted phone, email, handle or link is a contact line.
_CONTACT_PLACEHOLDER_RE = re.compile(r"\[(?:PHONE|EMAIL|SOCIAL_HANDLE|URL)\b|<(?:PHONE|EMAIL)")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    lemmas: list[str] = field(default_factory=list)
    officer: int = 0
    action: int = 0
    status: int = 0
    entity: int = 0
    filler: bool = False
    contact: bool = False
    placeholder_share: float = 0.0
    keys: set[str] = field(default_factory=set)  # the key facts it tells (cues.KEY_FACTS)
    words: int = 0


@functools.cache
def _fallback_nlp() -> Language:
    """A rule-based sentence splitter for narrative languages without a trained model."""
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


@functools.cache
def _cues() -> dict[str, tuple[str, ...]]:
    return merged_cues()


@functools.cache
def _key_facts() -> dict[str, tuple[str, ...]]:
    return key_fact_prefixes()


def pipeline_for(language: str | None) -> Language:
    lang = (language or "en").lower().split("-")[0]
    return get_nlp(lang) if lang in SUPPORTED_LANGUAGES else _fallback_nlp()


def _parse_limit(text: str) -> int:
    """Where to stop parsing: the whole text, or a boundary shortly before MAX_PARSE_CHARS."""
    if len(text) <= MAX_PARSE_CHARS:
        return len(text)
    head = text[:MAX_PARSE_CHARS]
    for marks in (".!?\n", " \t"):
        cut = max(head.rfind(m) for m in marks)
        if cut > MAX_PARSE_CHARS // 2:
            return cut + 1
    return MAX_PARSE_CHARS


def _split_spans(text: str, doc) -> list[tuple[int, int]]:
    """Sentence spans from the parse, split at blank lines, trimmed of whitespace, and with
    the parser's false breaks mended (after "approx." or "Sgt.", or where a phone keyboard
    broke a line mid-sentence)."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        for para in _PARAGRAPH_RE.finditer(text, sent.start_char, sent.end_char):
            start, end = para.span()
            start += len(para.group()) - len(para.group().lstrip())
            end -= len(para.group()) - len(para.group().rstrip())
            if end <= start:
                continue
            if spans and _continues(text, spans[-1], start):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        if len(spans) > MAX_SENTENCES:
            break
    return spans[:MAX_SENTENCES]


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the sentence starting at `start` is really the rest of `previous`."""
    gap = text[previous[1] : start]
    if _BLANK_LINE_RE.search(gap):
        return False
    head = text[previous[0] : previous[1]]
    last_word = fold(head.rsplit(None, 1)[-1]) if head.split() else ""
    following = text[start]
    if following in ",;:)]}":
        return True  # no sentence starts with a comma: "a las 7:20 p.m., fui detenido"
    if last_word.endswith(".") and last_word[:-1].lstrip("(") in TITLE_ABBREVIATIONS:
        return True  # "Cpl. Rhodes", "Sgt. Ortiz"
    if last_word.endswith(".") and last_word[:-1].lstrip("(") in ABBREVIATIONS:
        return following.isdigit() or following == "["  # "approx. 7:15", "no. [ID_NUMBER 1]"
    # No closing punctuation before a lower-case word or a placeholder: a line broken by a phone
    # keyboard, or the parser breaking before "[PERSON 3]".
    if following.islower() and head[-1] in "'\"’”»":
        return True  # "he said 'why?' and the trooper ..."
    starts_low = following.islower() or following.isdigit() or following == "["
    return starts_low and head.rstrip("'\"’”»)")[-1:] not in (".", "!", "?", "…")


def _matches(word: str, words: tuple[str, ...], prefixes: tuple[str, ...]) -> bool:
    return word in words or word.startswith(prefixes)


class _Placeholders:
    """Where the anonymizer's placeholders ("[PERSON 1]") lie in the text, for quick lookups."""

    def __init__(self, text: str) -> None:
        self.spans = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
        self.starts = [a for a, _ in self.spans]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


class _Sentences:
    """The sentences of the text by start offset: which one holds a position."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.items = [Sentence(start, end, text[start:end]) for start, end in spans]
        self.starts = [s.start for s in self.items]

    def at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.items[i] if i >= 0 and pos < self.items[i].end else None


def _analyse(text: str, doc, spans: list[tuple[int, int]]) -> list[Sentence]:  # noqa: ANN001
    """The sentences of `spans` with what the ranking weighs: their cue words, entities,
    content lemmas, and whether they are filler, contact lines or mostly placeholders."""
    cues = _cues()
    sentences = _Sentences(text, spans)
    placeholders = _Placeholders(text)
    for token in doc:
        sent = sentences.at(token.idx)
        if sent is None or token.is_space or token.is_punct or placeholders.covers(token.idx):
            continue
        _count_token(sent, token, cues)
    for ent in doc.ents:
        sent = sentences.at(ent.start_char)
        if sent is not None and not placeholders.covers(ent.start_char):
            _count_entity(sent, ent.label_)
    for sent in sentences.items:
        _mark_surface(sent, cues)
    return sentences.items


def _count_token(sent: Sentence, token, cues: dict[str, tuple[str, ...]]) -> None:  # noqa: ANN001
    """One word of the sentence: its cue kinds (officer, action, status, key facts), and its
    lemma when it is a content word."""
    sent.words += 1
    forms = {fold(token.text), fold(token.lemma_ or token.text)}
    for kind in ("officer", "action", "status"):
        words, prefixes = cues[f"{kind}_words"], cues[f"{kind}_prefixes"]
        if any(_matches(f, words, prefixes) for f in forms):
            setattr(sent, kind, getattr(sent, kind) + 1)
    for name, prefixes in _key_facts().items():
        if any(f.startswith(prefixes) for f in forms):
            sent.keys.add(name)
    is_content = token.pos_ in CONTENT_POS if token.pos_ else token.is_alpha
    if is_content and not token.is_stop and len(token.text) > 1:
        sent.lemmas.append(fold(token.lemma_ or token.text))


def _count_entity(sent: Sentence, label: str) -> None:
    if label in ENTITY_LABELS:
        sent.entity += 1
    elif label in PERSON_LABELS:
        # Names left in a redacted narrative are officers' (kept for accountability).
        sent.officer += 1


def _mark_surface(sent: Sentence, cues: dict[str, tuple[str, ...]]) -> None:
    """What the sentence's text says on its face: filler, contact line, clock times, dates and
    durations, and how much of it is placeholders."""
    folded = fold(sent.text)
    sent.filler = any(phrase in folded for phrase in cues["filler_phrases"])
    sent.contact = bool(_CONTACT_PLACEHOLDER_RE.search(sent.text))
    for pattern in (_CLOCK_RE, _NUMERIC_DATE_RE, _DURATION_RE):
        if pattern.search(sent.text):
            sent.entity += 1
    covered = sum(len(m.group()) for m in PLACEHOLDER_RE.finditer(sent.text))
    visible = len(sent.text.replace(" ", "")) or 1
    sent.placeholder_share = min(1.0, covered / visible)


def _similarity(sentences: list[Sentence]) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors over the sentences' content lemmas."""
    vocab: dict[str, int] = {}
    for sent in sentences:
        for lemma in sent.lemmas:
            vocab.setdefault(lemma, len(vocab))
    n = len(sentences)
    matrix = np.zeros((n, max(1, len(vocab))))
    for i, sent in enumerate(sentences):
        for lemma in sent.lemmas:
            matrix[i, vocab[lemma]] += 1.0
    df = (matrix > 0).sum(axis=0)
    idf = np.log(1.0 + n / np.maximum(df, 1))
    matrix = np.log1p(matrix) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    sim = matrix @ matrix.T
    np.fill_diagonal(sim, 0.0)
    return sim


def _centrality(sim: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """PageRank over the similarity graph, scaled so that the mean sentence scores 1."""
    n = sim.shape[0]
    row_sums = sim.sum(axis=1, keepdims=True)
    transition = np.divide(sim, row_sums, out=np.full_like(sim, 1.0 / n), where=row_sums > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * (transition.T @ rank)
    return rank * n / rank.sum()


def _cue_weight(sent: Sentence) -> float:
    weight = 1.0
    weight += 0.6 * min(sent.officer, 2)
    weight += 0.4 * min(sent.action, 3)
    weight += 0.8 * min(sent.status, 2)
    weight += 0.25 * min(sent.entity, 2)
    informative = sent.officer + sent.action + sent.status
    if sent.filler or sent.contact:
        weight *= 0.5 if informative >= 2 else 0.15
    weight *= 1.0 - sent.placeholder_share
    if len(sent.lemmas) < 2:
        weight *= 0.1
    if sent.words < 6:
        weight *= 0.5
    elif sent.words > 80:
        weight *= 0.6
    return weight


def _how_many(candidates: int) -> int:
    if candidates <= 2:
        return candidates
    return 2 if candidates <= 4 else 3


def _clip(text: str, sent: Sentence) -> dict:
    end = sent.end
    if end - sent.start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", sent.start, sent.start + MAX_SENTENCE_CHARS)
        end = cut if cut > sent.start else sent.start + MAX_SENTENCE_CHARS
        end = sent.start + len(text[sent.start : end].rstrip())
    return {"text": text[sent.start : end], "start": sent.start, "end": end}


def _parse(narrative: str, language: str | None, doc=None):  # noqa: ANN001, ANN202 - spaCy
    """The parse to read: the caller's (workers/parsed.py) when it is of this whole narrative
    and short enough, else the narrative's beginning parsed here."""
    if parses(doc, narrative) and len(narrative) <= MAX_PARSE_CHARS:
        return doc
    return pipeline_for(language)(narrative[: _parse_limit(narrative)])


def sentence_spans(narrative: str, language: str | None) -> list[tuple[int, int]]:
    """(start, end) of the sentences considered for the summary, in narrative order."""
    if not narrative or not narrative.strip():
        return []
    return _split_spans(narrative, _parse(narrative, language))


def extract(
    narrative: str,
    language: str | None,
    must_cover: Sequence[str] = (),
    doc=None,  # noqa: ANN001 - a spaCy Doc of `narrative`, if the caller has one
) -> list[dict]:
    """The key sentences of `narrative` as {"text", "start", "end"}, in narrative order.

    First the sentences that carry `must_cover` (the words routing relied on, e.g. an urgency
    signal's evidence) and one for each key fact the narrative tells (cues.KEY_FACTS: detainer,
    transfer, medical, children, force, status questions, retaliation), up to
    MAX_KEY_SENTENCES; then the most central informative ones, 2–3 in all when nothing else
    must be said. Offsets index into `narrative`; an empty narrative gives an empty list.
    """
    if not narrative or not narrative.strip():
        return []
    doc = _parse(narrative, language, doc)
    spans = _split_spans(narrative, doc)
    if not spans:
        return []
    sentences = _analyse(narrative, doc, spans)
    candidates = _candidates(sentences)
    if len(candidates) == 1:
        return [_clip(narrative, candidates[0])]
    wanted = _how_many(len(sentences))
    chosen = _choose(candidates, wanted, must_cover)
    return [_clip(narrative, candidates[i]) for i in sorted(chosen)]


def _candidates(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that may stand in the summary."""
    # Sentences with nothing but placeholders and small words never stand in for real ones.
    candidates = [s for s in sentences if s.lemmas and s.placeholder_share < 0.6] or sentences
    # Greetings and contact lines stay out of the similarity graph (a shared "me llamo" would
    # make them look central) unless there is too little else.
    substantive = [s for s in candidates if not (s.filler or s.contact)]
    return substantive if len(substantive) >= 2 else candidates


def _choose(candidates: list[Sentence], wanted: int, must_cover: Sequence[str]) -> list[int]:
    """Indexes of the chosen candidates: the key sentences, then the best ranked ones up to
    `wanted`, leaving out near-duplicates and what would make the extract too long."""
    sim = _similarity(candidates)
    centrality = _centrality(sim)
    scores = [
        (0.7 + 0.3 * min(float(c), 2.0)) * _cue_weight(sent)
        for c, sent in zip(centrality, candidates, strict=True)
    ]
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))
    chosen = _key_sentences(candidates, order, must_cover)
    wanted = max(min(wanted, len(candidates)), len(chosen))
    length = sum(_size(candidates[i]) for i in chosen)
    for i in order:
        if len(chosen) == wanted:
            break
        if i in chosen or any(sim[i, j] > 0.75 for j in chosen):
            continue  # already in, or a near-duplicate of a sentence already chosen
        if len(chosen) >= 2 and length + _size(candidates[i]) > MAX_EXTRACT_CHARS:
            continue
        chosen.append(i)
        length += _size(candidates[i])
    return chosen


def _size(sent: Sentence) -> int:
    return min(sent.end - sent.start, MAX_SENTENCE_CHARS)


def _carries(sent: Sentence, words: str) -> bool:
    """Whether the sentence holds `words` (a clause quoted by the router), in either split."""
    a, b = " ".join(fold(sent.text).split()), " ".join(fold(words).split())
    return bool(b) and (b in a or (len(a) > 20 and a in b))


def _key_sentences(
    candidates: list[Sentence], order: list[int], must_cover: Sequence[str]
) -> list[int]:
    """Indexes of the sentences that must be in the summary, most pressing first."""
    chosen: list[int] = []
    for words in must_cover:
        hit = next((i for i in order if _carries(candidates[i], words)), None)
        if hit is not None and hit not in chosen and len(chosen) < MAX_KEY_SENTENCES:
            chosen.append(hit)
    for name in _key_facts():
        if any(name in candidates[i].keys for i in chosen):
            continue
        hit = next((i for i in order if name in candidates[i].keys), None)
        if hit is not None and len(chosen) < MAX_KEY_SENTENCES:
            chosen.append(hit)
    return chosen
