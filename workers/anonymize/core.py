"""The anonymizer: Presidio analysis with domain recognizers, conflict resolution between what
must be removed and what must be kept, name propagation, and consistent placeholders."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult

from workers.nlp import SUPPORTED_LANGUAGES

from . import engine
from .known import KnownValuesRecognizer
from .lexicon import AMBIGUOUS_NAMES, NOT_NAME, VEHICLE_NOUNS, fold
from .recognizers import (
    FUNCTION_WORDS,
    KEEP_LABELS,
    REDACT_LABELS,
    Ctx,
    ctx_of,
)

WORD_NOT_NAME_BEFORE = frozenset(
    [
        "la",
        "el",
        "una",
        "un",
        "the",
        "a",
        "an",
        "en",
        "de",
        "con",
        "sin",
        "in",
        "of",
        "with",
        "por",
        "para",
        "no",
        "any",
        "some",
    ]
)
MAX_CHARS = 200_000  # longer texts are processed in pieces
BADGE_AFTER_RE = re.compile(
    r"^\s*[,(]?\s*(?:#\s?|(?:badge|placa|chapa|unit|unidad|car|carro|id)\s*"
    r"(?:n[uú]mero|number|no\.?|num\.?)?\s*#?\s*)[A-Z]{0,3}-?\d",
    re.IGNORECASE,
)


@dataclass
class Span:
    start: int
    end: int
    label: str
    score: float
    meta: dict = field(default_factory=dict)

    @property
    def action(self) -> str:
        return "keep" if self.label in KEEP_LABELS else "redact"


def _from_result(r: RecognizerResult) -> Span:
    return Span(r.start, r.end, r.entity_type, r.score, dict(r.recognition_metadata or {}))


def resolve(cands: list[Span]) -> list[Span]:
    """Highest priority wins; overlapping redactions are merged (never leak a partial value)."""
    chosen: list[Span] = []
    for c in sorted(cands, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if c.end <= c.start:
            continue
        over = [x for x in chosen if x.start < c.end and c.start < x.end]
        if not over:
            chosen.append(c)
            continue
        if c.action == "keep" or any(x.action == "keep" for x in over):
            continue
        base = over[0]
        for x in over[1:]:
            base.start, base.end = min(base.start, x.start), max(base.end, x.end)
            chosen.remove(x)
        base.start, base.end = min(base.start, c.start), max(base.end, c.end)
    return sorted(chosen, key=lambda s: s.start)


def _covered(spans: list[Span], s: int, e: int) -> bool:
    return any(x.start < e and s < x.end for x in spans)


def propagate(text: str, ctx: Ctx, spans: list[Span]) -> list[Span]:
    """A name found once is found everywhere: first names, surnames, other mentions."""
    officer_words: set[str] = set()
    person_words: dict[str, str] = {}
    for s in spans:
        if s.label not in ("PERSON", "OFFICER"):
            continue
        for m in re.finditer(r"[^\W\d_][\w'’-]*[^\W_]", text[s.start : s.end]):
            w = fold(m.group())
            if len(w) < 3 or w in FUNCTION_WORDS or w in NOT_NAME:
                continue
            if s.label == "OFFICER":
                officer_words.add(w)
            elif w not in AMBIGUOUS_NAMES or m.group()[0].isupper() or ctx.style != "normal":
                person_words.setdefault(w, s.meta.get("cluster") or fold(text[s.start : s.end]))
    both = officer_words & set(person_words)
    added: list[Span] = []
    for idx, tok in enumerate(ctx.toks):
        w = tok.f
        if w in both or (w not in officer_words and w not in person_words):
            continue
        if (
            w in AMBIGUOUS_NAMES
            and not tok.text[0].isupper()
            and idx > 0
            and ctx.toks[idx - 1].f in WORD_NOT_NAME_BEFORE
        ):
            continue  # "la luz de la placa", "en paz"
        nxt = ctx.toks[idx + 1] if idx + 1 < len(ctx.toks) else None
        if nxt is not None and nxt.f in VEHICLE_NOUNS and ctx.gap(idx + 1) == " ":
            continue  # "my old Mercedes van"
        if _covered(spans, tok.start, tok.end) or _covered(added, tok.start, tok.end):
            continue
        if ctx.style == "normal" and not tok.text[0].isupper():
            continue
        if w in officer_words:
            added.append(Span(tok.start, tok.end, "OFFICER", 0.9, {"why": "propagated"}))
        else:
            added.append(
                Span(
                    tok.start,
                    tok.end,
                    "PERSON",
                    0.7,
                    {"why": "propagated", "cluster": person_words[w]},
                )
            )
    return sorted(spans + added, key=lambda s: s.start)


def conservative_extra(text: str, ctx: Ctx, spans: list[Span]) -> list[Span]:
    """Unknown language: also remove capitalised words, non-Latin-script words and numbers."""
    extra = []
    for tok in ctx.toks:
        if _covered(spans, tok.start, tok.end):
            continue
        t = tok.text
        non_latin = any(ord(c) > 0x24F and c.isalpha() for c in t)
        if (t[0].isupper() and tok.f not in FUNCTION_WORDS and len(t) > 1) or non_latin:
            extra.append(Span(tok.start, tok.end, "PERSON", 0.5, {"why": "conservative"}))
    for m in re.finditer(r"\d[\d\s./-]{2,}\d", text):
        if not _covered(spans, m.start(), m.end()):
            extra.append(Span(m.start(), m.end(), "ID_NUMBER", 0.5, {"why": "conservative"}))
    return sorted(spans + extra, key=lambda s: s.start)


def _cluster_key(text: str, span: Span, person_clusters: list[list]) -> str:
    value = text[span.start : span.end]
    if span.label == "PHONE":
        d = re.sub(r"\D", "", value)
        return d[-7:] if len(d) >= 7 else d
    if span.label in ("EMAIL", "URL", "SOCIAL_HANDLE"):
        return fold(value).strip().lstrip("@")
    if span.label != "PERSON":
        return re.sub(r"[\W_]", "", fold(value))
    if span.meta.get("cluster", "").startswith("k"):
        return span.meta["cluster"]
    toks = [t for t in re.findall(r"[^\W\d_]+", fold(value)) if t not in FUNCTION_WORDS]
    if not toks:
        return fold(value)
    # same first name -> same person; a lone word joins the person it belongs to
    for firsts, alls, key in person_clusters:
        if toks[0] in firsts:
            alls.update(toks)
            return key
    if len(toks) == 1:
        for _firsts, alls, key in person_clusters:
            if toks[0] in alls:
                return key
    key = "p" + "_".join(toks)
    person_clusters.append([{toks[0]}, set(toks), key])
    return key


def render(text: str, spans: list[Span]) -> dict:
    """Redacted text with placeholders, and kept spans re-based on the redacted text."""
    numbering: dict[str, dict[str, int]] = {}
    person_clusters: list[list] = []
    # known-name clusters first get the words of their surface forms
    for s in spans:
        if s.label == "PERSON" and s.meta.get("cluster", "").startswith("k"):
            toks = re.findall(r"[^\W\d_]+", fold(text[s.start : s.end]))
            if not toks:
                continue
            for cl in person_clusters:
                if cl[2] == s.meta["cluster"]:
                    cl[1].update(toks)
                    break
            else:
                person_clusters.append([set(), set(toks), s.meta["cluster"]])
    pieces = []
    kept = []
    pos = 0
    out_len = 0
    for s in spans:
        chunk = text[pos : s.start]
        pieces.append(chunk)
        out_len += len(chunk)
        if s.action == "redact":
            key = _cluster_key(text, s, person_clusters)
            table = numbering.setdefault(s.label, {})
            num = table.setdefault(key, len(table) + 1)
            ph = f"[{s.label} {num}]"
            pieces.append(ph)
            out_len += len(ph)
        else:
            value = text[s.start : s.end]
            kept.append(
                {"start": out_len, "end": out_len + len(value), "label": s.label, "text": value}
            )
            pieces.append(value)
            out_len += len(value)
        pos = s.end
    pieces.append(text[pos:])
    return {"redacted": "".join(pieces), "kept": kept}


class Anonymizer:
    def __init__(self):
        self.analyzer = engine.domain_analyzer()
        self.nlp_engine = engine.domain_nlp_engine()

    # -- public API ------------------------------------------------------------------------
    def anonymize(self, text: str, language: str | None, known: dict | None = None) -> dict:
        return self.anonymize_batch(
            [{"id": None, "language": language, "text": text, "known": known or {}}]
        )[0]

    def anonymize_batch(self, items: list[dict], batch_size: int = 32) -> list[dict]:
        prepared = []
        for item in items:
            text = item.get("text")
            text = text if isinstance(text, str) else ("" if text is None else str(text))
            lang = item.get("language")
            lang = lang.lower().strip() if isinstance(lang, str) else ""
            lang = lang.split("-")[0].split("_")[0]
            mode = lang if lang in SUPPORTED_LANGUAGES else "conservative"
            known = item.get("known") if isinstance(item.get("known"), dict) else {}
            prepared.append((item.get("id"), text, mode, known))
        results: list[dict | None] = [None] * len(prepared)
        for lang in SUPPORTED_LANGUAGES:
            idx = [
                i
                for i, p in enumerate(prepared)
                if (p[2] == lang or (lang == "en" and p[2] == "conservative"))
            ]
            if not idx:
                continue
            nlp = self.nlp_engine.get_nlp(lang)
            texts = [prepared[i][1][:MAX_CHARS] for i in idx]
            disable = [p for p in ("parser",) if p in nlp.pipe_names]
            docs = nlp.pipe(texts, batch_size=batch_size, disable=disable)
            for i, doc in zip(idx, docs, strict=True):
                rid, text, mode, known = prepared[i]
                results[i] = self._one(rid, text, mode, lang, known, doc)
        return results  # type: ignore[return-value]

    # -- internals -------------------------------------------------------------------------
    def _one(self, rid, text: str, mode: str, lang: str, known: dict, doc) -> dict:
        if not text.strip():
            return {"id": rid, "redacted": text, "spans": [], "kept": [], "mode": mode}
        spans = self.analyze_spans(text, lang, known, doc, conservative=(mode == "conservative"))
        # texts longer than MAX_CHARS: the tail is analysed without the spaCy parse
        if len(text) > MAX_CHARS:
            tail = self.analyze_spans(
                text[MAX_CHARS:], lang, known, None, conservative=(mode == "conservative")
            )
            spans = [s for s in spans if s.end <= MAX_CHARS] + [
                Span(s.start + MAX_CHARS, s.end + MAX_CHARS, s.label, s.score, s.meta) for s in tail
            ]
        rendered = render(text, spans)
        return {
            "id": rid,
            "redacted": rendered["redacted"],
            "spans": [
                {"start": s.start, "end": s.end, "label": s.label, "action": s.action}
                for s in spans
            ],
            "kept": rendered["kept"],
            "mode": mode,
        }

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
        spans = resolve(
            [_from_result(r) for r in results if r.entity_type in REDACT_LABELS + KEEP_LABELS]
        )
        # a name right before a badge number is an officer's
        for s in spans:
            if (
                s.label == "PERSON"
                and s.meta.get("why") not in ("known", "kin", "self")
                and (BADGE_AFTER_RE.match(text[s.end : s.end + 30]))
            ):
                s.label, s.score = "OFFICER", 0.9
        spans = propagate(text, ctx, spans)
        if conservative:
            spans = conservative_extra(text, ctx, spans)
        return resolve(spans)
