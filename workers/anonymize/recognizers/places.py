"""Public places staff need (kept): named places before a street/facility word, counties,
states, chain stores, highways, Spanish facilities, gazetteer towns and the spaCy parse."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from ..lexicon import (
    FACILITY_WORDS,
    GEO_WORDS,
    HONORIFICS,
    KIN_NOUNS,
    STATE_CODES,
    STREET_SUFFIXES,
    US_STATES,
    first_names,
    places,
    words,
)
from .common import (
    GENERIC_PEOPLE,
    NAME_CONNECTORS,
    Ctx,
    DomainRecognizer,
    candidate,
    ctx_of,
    trim_entity,
    walk_back,
    walk_forward,
)

CHAINS = words(
    """walmart kroger publix quiktrip qt stripes winn-dixie fiesta heb h-e-b target costco
    walgreens cvs aldi racetrac valero chevron exxon shell sedano's sedanos presidente
    lowe's lowes autozone mcdonald's"""
)
MULTIWORD_CHAINS = (
    "waffle house",
    "dollar general",
    "family dollar",
    "home depot",
    "fiesta mart",
    "circle k",
    "sam's club",
    "el super",
    "food lion",
    "la michoacana",
    "buc-ee's",
)


class PlacesRecognizer(DomainRecognizer):
    """Places where things happened (PLACE, kept)."""

    ENTITIES = ("PLACE",)
    HWY_RE = re.compile(
        r"(?<![\w-])(?:(?-i:I|US|SR|FM|CR|RM|TX|GA|FL|SC|NC|CA|AZ|SH)|hwy|highway|interstate|"
        r"route|rte|ruta|carretera|loop|state road|county road|autopista)[- ]?\d{1,4}[A-Z]?"
        r"(?![\w-])",
        re.IGNORECASE,
    )
    ES_FACILITY_RE = re.compile(
        r"\b(?:c[aá]rcel|centro\s+de\s+detenci[oó]n|prisi[oó]n|corte|correccional)\s+"
        r"(?:del\s+condado(?:\s+de)?|de(?:l)?|de\s+la\s+ciudad\s+de)\s+",
        re.IGNORECASE,
    )
    COUNTY_ES_RE = re.compile(r"\bcondado\s+(?:de\s+)?(?=\w)", re.IGNORECASE)

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        out = self._named(ctx) + self._roads_and_facilities(ctx) + gazetteer_places(ctx)
        if nlp_artifacts is not None:
            for ent in nlp_artifacts.entities:
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    s, e = trim_entity(ctx, ent.start_char, ent.end_char)
                    if e > s:
                        out.append(candidate("PLACE", s, e, 0.5))
        return out

    def _named(self, ctx: Ctx) -> list[RecognizerResult]:
        """ "Bissonnet St", "Harris County", "Texas", "Walmart": a word that says place."""
        text, toks = ctx.text, ctx.toks
        out: list[RecognizerResult] = []
        for i, t in enumerate(toks):
            f = t.f
            nxt = text[t.end : t.end + 3]
            if f in STREET_SUFFIXES or f.rstrip(".") in STREET_SUFFIXES:
                if (
                    f in ("dr", "st")
                    and nxt.startswith(". ")
                    and i + 1 < len(toks)
                    and (ctx.is_cap(toks[i + 1]))
                ):
                    continue
                if (
                    ctx.style == "normal"
                    and not t.text[0].isupper()
                    and f in ("way", "run", "row", "path", "loop", "court", "place", "point")
                ):
                    continue
                first = walk_back(ctx, i, 4)
                if first is not None:
                    e = t.end + (
                        1 if nxt.startswith(".") and f in ("st", "rd", "dr", "ave", "blvd") else 0
                    )
                    out.append(candidate("PLACE", toks[first].start, e, 0.8))
            elif f in FACILITY_WORDS:
                first = walk_back(ctx, i, 4)
                end = t.end
                # "Mall of Georgia"
                if (
                    i + 2 < len(toks)
                    and toks[i + 1].f in ("of", "de", "del")
                    and ctx.is_cap(toks[i + 2])
                ):
                    end = toks[i + 2].end
                if first is not None:
                    out.append(candidate("PLACE", toks[first].start, end, 0.8))
            elif f == "county" and t.text[0].isupper() or (f == "county" and ctx.style != "normal"):
                first = walk_back(ctx, i, 2)
                if first is not None:
                    out.append(candidate("PLACE", toks[first].start, t.end, 0.78))
            elif (
                f in US_STATES
                or t.text in STATE_CODES
                and ctx.style != "caps"
                and i > 0
                and ctx.gap(i).strip() in ("", ",")
            ):
                if t.text[0].isupper() or ctx.style != "normal":
                    out.append(candidate("PLACE", t.start, t.end, 0.8))
            elif f in CHAINS and (t.text[0].isupper() or ctx.style != "normal"):
                out.append(candidate("PLACE", t.start, t.end, 0.8))
        for chain in MULTIWORD_CHAINS:
            for m in re.finditer(rf"\b{re.escape(chain)}\b", ctx.folded):
                out.append(candidate("PLACE", m.start(), m.end(), 0.8))
        return out

    def _roads_and_facilities(self, ctx: Ctx) -> list[RecognizerResult]:
        text = ctx.text
        out: list[RecognizerResult] = []
        for m in self.HWY_RE.finditer(text):
            out.append(candidate("PLACE", m.start(), m.end(), 0.8))
        for m in self.ES_FACILITY_RE.finditer(text):
            end = walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 3)
            if end is not None:
                out.append(candidate("PLACE", m.start(), end, 0.8))
        for m in self.COUNTY_ES_RE.finditer(text):
            end = walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 2)
            if end is not None:
                out.append(candidate("PLACE", m.end(), end, 0.78))
        return out


MOTION_EN = words(
    """taken took sent moved transferred transported deported going go went drove driving
    drive headed heading back way trip road flown flew bused shipped brought returned
    moving travel traveling travelling commute commuting"""
)
MOTION_ES = words(
    """llevaron llevan llevo llevaran mandaron mandan mando mandar mandaran llevar
    trasladaron trasladan traslado trasladar transfirieron transfieren transferir pasaron
    movieron mueven mover enviaron envian enviar deportaron deportar regresaron devolvieron"""
)
MOTION_ES_INTRANSITIVE = words(
    """fuimos fui fue iba ibamos iban vamos voy va ir vino vinimos llegamos llego llegaron
    regresamos regreso manejando viajando manejaba viajaba rumbo camino"""
)
OF_PLACE_HEADS = words(
    """city county town village state area outskirts outside north south east west side part
    downtown suburbs ciudad pueblo condado estado area afueras centro norte sur este oeste"""
)
DE_NOT_PLACE = words(
    """casa nombre apellido familia carro troca hijos amigos vida foto fotos video numero
    telefono cel cuenta perfil nombres papeles la el los las"""
)


def _place_after_motion_or_of(toks, i: int, pf: str, prev2, n_words: int) -> bool:
    """ "taken to X", "lo llevaron a X", "fuimos a X", "the city of X", "at Sandy Springs"."""
    if prev2 is None:
        return pf == "at" and n_words > 1
    if pf == "to":
        return prev2.f in MOTION_EN
    if pf == "a":
        if prev2.f in MOTION_ES_INTRANSITIVE:
            return True
        return prev2.f in MOTION_ES and any(
            toks[q].f in ("lo", "la", "los", "las", "me", "nos", "le", "les", "te")
            for q in range(max(0, i - 6), i - 2)
        )
    if pf == "of":
        return prev2.f in OF_PLACE_HEADS
    return pf == "at" and n_words > 1


def gazetteer_places(ctx: Ctx) -> list[RecognizerResult]:
    """Place names from the gazetteer when the context says place: "cerca de Naples",
    "in Immokalee", "Victoria, Texas", "lo llevaron a Stewart"; multi-word names with a
    geographic head ("Sandy Springs", "El Reno", "Fort Myers") also without a context."""
    single, multi = places()
    fn = first_names()
    toks, text, n = ctx.toks, ctx.text, len(ctx.toks)
    out: list[RecognizerResult] = []
    i = 0
    while i < n:
        t = toks[i]
        if ctx.style == "normal" and not t.text[0].isupper():
            i += 1
            continue
        last = None
        for cand in multi.get(t.f, ()):
            j = i + len(cand) - 1
            if j >= n:
                continue
            if all(
                toks[i + q].f == cand[q]
                and ctx.gap(i + q).strip(" -") == ""
                and "\n" not in ctx.gap(i + q)
                for q in range(1, len(cand))
            ):
                last = j
                break
        if last is None and t.f in single and len(t.f) > 2:
            last = i
        if last is None:
            i += 1
            continue
        span_toks = toks[i : last + 1]
        if ctx.style == "normal" and not all(
            tk.text[0].isupper() or tk.f in NAME_CONNECTORS for tk in span_toks
        ):
            i += 1
            continue
        score = 0.0
        prev = toks[i - 1] if i > 0 and ctx.gap(i).strip() == "" else None
        prev2 = toks[i - 2] if prev is not None and i > 1 else None
        after = text[toks[last].end : toks[last].end + 24]
        if prev is not None:
            pf = prev.f
            if pf in ("in", "en", "near", "outside", "from", "desde", "around", "hacia", "rumbo"):
                score = 0.75
            elif pf == "de" and prev2 is not None:
                if not (
                    prev2.f in KIN_NOUNS
                    or prev2.f in GENERIC_PEOPLE
                    or prev2.f in HONORIFICS
                    or prev2.f in DE_NOT_PLACE
                    or (prev2.text[0].isupper() and prev2.f in fn)
                ):
                    score = 0.75
            elif _place_after_motion_or_of(toks, i, pf, prev2, len(span_toks)):
                score = 0.75
        if re.match(
            r",?\s+(?:(?-i:[A-Z]{2})\b|county\b|co\.|parish\b|"
            + "|".join(sorted(US_STATES, key=len, reverse=True))
            + r")",
            after,
            re.IGNORECASE,
        ):
            score = max(score, 0.75)
        if (
            not score
            and len(span_toks) > 1
            and any(tk.f in GEO_WORDS for tk in span_toks)
            and not all(tk.f in fn or tk.f in NAME_CONNECTORS for tk in span_toks)
        ):
            score = 0.72
        if score:
            out.append(
                candidate("PLACE", span_toks[0].start, span_toks[-1].end, score, why="gazetteer")
            )
        i = last + 1
    return out
