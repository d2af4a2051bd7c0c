"""The anonymizer: Presidio analysis with domain and stock recognizers, conflict resolution
between what must be removed and what must be kept (recall first), name propagation across a
report and its conversation, and consistent placeholders."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, runtime_checkable

from workers.nlp import SUPPORTED_LANGUAGES

from . import engine
from .known import KnownValuesRecognizer
from .lexicon import everyday_word, first_names, fold
from .placeholders import KeptSpan, render
from .propagate import conservative_extra, propagate
from .recognizers import ctx_of, merge_person_candidates
from .recognizers.homes import home_tail
from .spans import Span, from_results, resolve

MAX_CHARS = 200_000  # longer texts are processed in pieces
# Text copied out of JSON or a spreadsheet keeps its line breaks as the two characters "\\n":
# analysed as a line break and a space (same length, so offsets hold), "Phone:\\n439 4166"
# is a phone after a label, not the word "n439".
ESCAPED_BREAK_RE = re.compile(r"\\[nrt]")


def analysis_view(text: str) -> str:
    """The text the recognizers read: escaped line breaks made real, offsets unchanged."""
    return ESCAPED_BREAK_RE.sub("\n ", text) if "\\" in text else text


BADGE_AFTER_RE = re.compile(
    r"^\s*[,(]?\s*(?:#\s?|(?:badge|placa|chapa|unit|unidad|car|carro|id)\s*"
    r"(?:n[uú]mero|number|no\.?|num\.?)?\s*#?\s*)[A-Z]{0,3}-?\d",
    re.IGNORECASE,
)
# Another name detector (e.g. a statistical model): text and language in, PERSON spans
# (start, end, score) out. See `recognizers.people.merge_person_candidates`.
PersonDetector = Callable[[str, str], Iterable[tuple[int, int, float]]]


@runtime_checkable
class BatchPersonDetector(Protocol):
    """A detector that is faster on a whole batch: `prime` sees every text first."""

    def prime(self, texts: Sequence[str], language: str) -> None: ...

    def __call__(self, text: str, language: str) -> Iterable[tuple[int, int, float]]: ...


@dataclass(frozen=True)
class Result:
    """One text anonymized: what staff see, and every span found (offsets in the original)."""

    id: object
    redacted: str
    spans: tuple[Span, ...]
    kept: tuple[KeptSpan, ...]
    mode: str
    doc: object = field(default=None, compare=False, repr=False)  # redact_batch(parse=True)

    def as_dict(self) -> dict:
        """The JSON shape of docs/contract.md (plus "kept" and "mode")."""
        return {
            "id": self.id,
            "redacted": self.redacted,
            "spans": [
                {"start": s.start, "end": s.end, "label": s.label, "action": s.action}
                for s in self.spans
            ],
            "kept": [
                {"start": k.start, "end": k.end, "label": k.label, "text": k.text}
                for k in self.kept
            ],
            "mode": self.mode,
        }


def _cut_point(text: str) -> int:
    """Where a text longer than MAX_CHARS is split: the last line or sentence end before
    MAX_CHARS, else the last space (a value is never cut in two)."""
    floor = MAX_CHARS - 5_000
    for sep in ("\n", ". ", " "):
        at = text.rfind(sep, floor, MAX_CHARS)
        if at != -1:
            return at + len(sep)
    return MAX_CHARS


def _other_names(known: dict) -> list[str]:
    others = known.get("other_names") or []
    return [others] if isinstance(others, str) else [o for o in others if isinstance(o, str)]


def _officer_by_badge(text: str, spans: list[Span]) -> list[Span]:
    """A name right before a badge number is an officer's (positive evidence)."""
    return [
        replace(s, label="OFFICER", score=0.9)
        if s.label == "PERSON"
        and s.why not in ("known", "kin", "self", "learned")
        and BADGE_AFTER_RE.match(text[s.end : s.end + 30])
        else s
        for s in spans
    ]


NAME_WORD_RE = re.compile(r"[^\W\d_]{2,}")


# a bare surname found by a guess (the learned model, spaCy's NER, a capitalised word, the
# first-name list) may be a titled officer's later mention; one found by a cue may not
OFFICER_MENTION_WHY = frozenset(["learned", "ner", "capitalised", "firstname", "slot"])


def _learned_officer_mentions(text: str, spans: list[Span]) -> list[Span]:
    """A name only a guess found (the learned detector, spaCy's NER, a capitalised word), every
    word of which names an officer found with a title or badge in the same text, and no word of
    which names a private person found by a rule, is that officer's later mention ("Sgt.
    Valverde ... Valverde just said"). The model is a guess, the title is evidence; a relative
    who shares the surname is found by a rule (kin, introduction, known name) and stays a
    private person."""

    def words(s: Span) -> set[str]:
        return {fold(w) for w in NAME_WORD_RE.findall(text[s.start : s.end])}

    officer = set().union(*(words(s) for s in spans if s.label == "OFFICER"))
    # a private person's surname alone is no evidence: "Deputy Alvarez ... my sister-in-law
    # Rebeca Alvarez ... Alvarez told her" is the deputy; she is called Rebeca
    person = set().union(
        *(
            _called_by(text, s)
            for s in spans
            if s.label == "PERSON" and s.why not in OFFICER_MENTION_WHY
        )
    )
    out = []
    for s in spans:
        if s.label == "PERSON" and s.why in OFFICER_MENTION_WHY:
            s = _as_officer_mention(text, s, officer, person)
        out.append(s)
    return out


def _as_officer_mention(text: str, s: Span, officer: set[str], person: set[str]) -> Span:
    """`s` as the officer's mention if its name words are his; a word of the language that a
    capitalised run took with it ("Según Dawson", at a sentence start) is left out."""
    found = [m for m in NAME_WORD_RE.finditer(text, s.start, s.end)]
    his = [m for m in found if fold(m.group()) in officer]
    rest = {fold(m.group()) for m in found} - officer
    if not his or {fold(m.group()) for m in his} & person or not all(map(_plain_word, rest)):
        return s
    return replace(
        s,
        start=his[0].start(),
        end=his[-1].end(),
        label="OFFICER",
        score=0.9,
        why="officer-mention",
    )


def _plain_word(f: str) -> bool:
    return f not in first_names() and (everyday_word(f, "es") or everyday_word(f, "en"))


@dataclass(frozen=True)
class _Item:
    """One input line, read leniently: any text, any language tag, a dict of known values."""

    rid: object
    text: str
    mode: str  # a supported language, or "conservative"
    known: dict


def _prepared(item: dict) -> _Item:
    text = item.get("text")
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    lang = item.get("language")
    lang = lang.lower().strip() if isinstance(lang, str) else ""
    lang = lang.split("-")[0].split("_")[0]
    mode = lang if lang in SUPPORTED_LANGUAGES else "conservative"
    known = item.get("known") if isinstance(item.get("known"), dict) else {}
    return _Item(item.get("id"), text, mode, known)


ARTICLE_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:el|la|the)\s$", re.IGNORECASE)
DESCRIBED = ("spoken", "spelled", "home")  # said in words, not written as a value


def _with_article(text: str, spans: list[Span]) -> list[Span]:
    """A date of birth or a home said in words begins at its article ("el doce de octubre
    del dos mil cuatro", "el apartamento 12 de los Apartamentos X"): the phrase is one."""
    out = []
    for s in spans:
        if s.label in ("DOB", "STREET_ADDRESS") and s.why in DESCRIBED:
            m = ARTICLE_BEFORE_RE.search(text, max(0, s.start - 5), s.start)
            if m:
                s = replace(s, start=m.start())
        if s.label == "STREET_ADDRESS":
            s = replace(s, end=home_tail(text, s.start, s.end))
        out.append(s)
    return out


def _called_by(text: str, s: Span) -> set[str]:
    """The words a private person is called by alone: a one-word name, or a full name's
    first word."""
    found = NAME_WORD_RE.findall(text[s.start : s.end])
    return {fold(found[0])} if found else set()


class Anonymizer:
    """Loads the engines once; `person_detectors` add PERSON spans from other detectors."""

    def __init__(self, person_detectors: Iterable[PersonDetector] = ()):
        self.analyzer = engine.domain_analyzer()
        self.nlp_engine = engine.domain_nlp_engine()
        self.person_detectors = tuple(person_detectors)

    # -- public API ------------------------------------------------------------------------
    def anonymize(self, text: str, language: str | None, known: dict | None = None) -> dict:
        return self.anonymize_batch(
            [{"id": None, "language": language, "text": text, "known": known or {}}]
        )[0]

    def anonymize_batch(self, items: list[dict], batch_size: int = 32) -> list[dict]:
        """Contract shape (docs/contract.md): one dict per input item, in order."""
        return [r.as_dict() for r in self.redact_batch(items, batch_size)]

    def redact_batch(
        self, items: list[dict], batch_size: int = 32, parse: bool = False
    ) -> list[Result]:
        """`parse`: run the dependency parser too and keep each text's spaCy Doc on its result
        (`Result.doc`), for the steps after this one (workers/parsed.py)."""
        prepared = [_prepared(item) for item in items]
        results: list[Result | None] = [None] * len(prepared)
        for lang in SUPPORTED_LANGUAGES:
            # texts of an unsupported language go through the English pipeline, conservatively
            idx = [
                i
                for i, p in enumerate(prepared)
                if p.mode == lang or (lang == "en" and p.mode == "conservative")
            ]
            for i, result in zip(
                idx,
                self._redact_in(lang, [prepared[i] for i in idx], batch_size, parse),
                strict=True,
            ):
                results[i] = result
        return results  # type: ignore[return-value]

    def _redact_in(
        self, lang: str, batch: list[_Item], batch_size: int, parse: bool
    ) -> Iterator[Result]:
        """The results for `batch`, all analysed with the `lang` pipeline, in order."""
        if not batch:
            return
        nlp = self.nlp_engine.get_nlp(lang)
        texts = [analysis_view(p.text[:MAX_CHARS]) for p in batch]
        disable = [p for p in ("parser",) if p in nlp.pipe_names and not parse]
        for detector in self.person_detectors:
            if isinstance(detector, BatchPersonDetector):
                detector.prime(texts, lang)
        docs = nlp.pipe(texts, batch_size=batch_size, disable=disable)
        for p, doc in zip(batch, docs, strict=True):
            result = self._one(p.rid, p.text, p.mode, lang, p.known, doc)
            yield replace(result, doc=doc) if parse and len(p.text) <= MAX_CHARS else result

    # -- internals -------------------------------------------------------------------------
    def _one(self, rid, text: str, mode: str, lang: str, known: dict, doc) -> Result:
        if not text.strip():
            return Result(rid, text, (), (), mode)
        conservative = mode == "conservative"
        original, text = text, analysis_view(text)
        spans = self.analyze_spans(text, lang, known, doc, conservative=conservative)
        # texts longer than MAX_CHARS: the tail is analysed without the spaCy parse, from a
        # sentence or word boundary, knowing the names found before it
        if len(text) > MAX_CHARS:
            cut = _cut_point(text)
            head = [s for s in spans if s.end <= cut]
            names = [text[s.start : s.end] for s in head if s.label == "PERSON"]
            tail_known = dict(known, other_names=_other_names(known) + sorted(set(names)))
            tail = self.analyze_spans(text[cut:], lang, tail_known, None, conservative)
            spans = head + [s.shifted(cut) for s in tail]
        redacted, kept = render(original, spans)
        return Result(rid, redacted, tuple(spans), kept, mode)

    def analyze_spans(self, text, lang, known, doc, conservative=False) -> list[Span]:
        artifacts = self.nlp_engine._doc_to_nlp_artifact(doc, lang) if doc is not None else None
        if artifacts is None:
            artifacts = self.nlp_engine._doc_to_nlp_artifact(
                self.nlp_engine.get_nlp(lang).make_doc(text), lang
            )
        ctx = ctx_of(text, artifacts)
        results = self.analyzer.analyze(
            text=text,
            language=lang,
            nlp_artifacts=artifacts,
            ad_hoc_recognizers=[KnownValuesRecognizer(known, lang)],
            score_threshold=0.0,
        )
        extra = [span for detect in self.person_detectors for span in detect(text, lang)]
        if extra:
            results = merge_person_candidates(results, extra)
        spans = _officer_by_badge(text, resolve(from_results(results)))
        spans = _learned_officer_mentions(text, spans)
        pos_of = {tk.idx: tk.pos_ for tk in artifacts.tokens} if artifacts.tokens else {}
        spans = propagate(text, ctx, spans, lang, pos_of)
        if conservative:
            spans = conservative_extra(text, ctx, spans)
        return resolve(_with_article(text, spans))
