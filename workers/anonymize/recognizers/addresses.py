"""Home addresses (redacted): US street addresses, Spanish-order streets, mobile-home parks,
P.O. boxes; an address right after a public facility is a PLACE (kept). Homes described
rather than addressed are in `homes`, the rest of the world's street shapes in
`world_addresses`."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import STATE_CODES, STREET_SUFFIXES, everyday_word, fold, places
from .common import FUNCTION_WORDS, Ctx, DomainRecognizer, candidate, ctx_of
from .homes import home_descriptions, with_unit_before
from .world_addresses import extend_blocks, world_addresses


class AddressRecognizer(DomainRecognizer):
    """Home street addresses (US style with usaddress-like parts, and Spanish 'Calle X 118')."""

    ENTITIES = ("STREET_ADDRESS", "PLACE")
    _SUFFIX = "|".join(sorted((re.escape(s.rstrip(".")) for s in STREET_SUFFIXES), key=len)[::-1])
    _STOP = "on|in|at|the|to|for|and|of|de|la|el|en|y|from|near|by|with|was|is|my|our|a|an"
    _STATES = "|".join(sorted(STATE_CODES))
    US_RE = re.compile(
        rf"(?<![\w/$.,-])\d{{1,6}}[A-Za-z]?\s+"
        rf"(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
        rf"(?:(?!(?:{_STOP})\b)[A-Za-z0-9][\w'.-]*\s+){{0,4}}?"
        rf"(?:{_SUFFIX})\b\.?"
        rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"
        rf"(?:\s+\d+/\d+)?"
        rf"(?:,?\s*(?:apt|apartment|unit|suite|ste|lot|lote|trailer|traila|space|espacio|depto|"
        rf"departamento|apto|apartamento|casa|cuarto|room)\b\.?\s*\#?\s*[\w-]+"
        rf"|\s*\#\s*[\w-]+)?"
        rf"(?-i:(?:,?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?"
        rf"(?:,?\s+(?:{_STATES})\b)?)"
        rf"(?:,?\s+\d{{5}}(?:-\d{{4}})?)?",
        re.IGNORECASE,
    )
    ES_RE = re.compile(
        r"\b(?:calle|avenida|av\.|avda\.?|camino|callej[oó]n|privada|pasaje|colonia|col\.|"
        r"barrio|residencial|lotificaci[oó]n)\s+(?:[\w'.-]+\s+){0,4}?"
        r"(?:#\s?|n[uú]m\.?\s?|no\.?\s?)?\d{1,5}[A-Za-z]?\b"
        # not a date after the street: "en la calle Hidalgo el 5 de mayo"
        r"(?!\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
        r"setiembre|octubre|noviembre|diciembre)\b)",
        re.IGNORECASE,
    )
    # Spanish order: "123 calle Luna", "45 avenida Juárez"
    ES_NUM_FIRST_RE = re.compile(
        r"(?<![\w/$.,-])\d{1,5}[A-Za-z]?\s+(?:calle|avenida|av\.?|avda\.?|camino|callej[oó]n|"
        r"privada|pasaje|bulevar|boulevard|carrera|diagonal|circuito|cerrada|andador)\s+"
        r"(?:(?!(?:en|y|cerca|por|con|in|near|and|on|at|el|la|los|las|que|donde|where)\b)"
        r"[\w'.-]+\s?){1,3}",
        re.IGNORECASE,
    )
    # streets named after a date: "la 5 de Mayo 210", "4 de Julio 210, Col. Centro"
    ES_DATE_STREET_RE = re.compile(
        r"(?<![\w/$.,-])\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
        r"septiembre|setiembre|octubre|noviembre|diciembre)\s+(?:#\s?|n[uú]m\.?\s?)?"
        r"(?!(?:19|20)\d\d\b)\d{2,5}[A-Za-z]?(?![\w:/.-]|[.,]\d)",
        re.IGNORECASE,
    )
    COLONIA_RE = re.compile(
        r"^,?\s+(?i:col\.|colonia|barrio|fracc\.?|fraccionamiento|zona)\s+"
        r"[\wÁÉÍÓÚÑáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\w]+){0,2}"
    )
    # "Palm Grove Mobile Home Park, lot 37", "Sunny Acres trailer park, lote 22",
    # "lote 14 del Sunny Acres trailer park"
    _PARK = (
        r"(?:mobile\s+home\s+(?:park|community|estates)|trailer\s+(?:park|court)|"
        r"rv\s+park|mobile\s+park|mhp|parque\s+de\s+(?:trailers|trailas|casas\s+m[oó]viles)|"
        r"traila\s+park|trailer\s+parque)"
    )
    _UNIT = (
        r"(?:(?:lot|lote|trailer|traila|space|espacio|unit|unidad|casa|site)\b|\#)"
        r"\.?\s*\#?\s*\d+[A-Za-z]?"
    )
    PARK_RE = re.compile(
        rf"(?:{_UNIT}(?:\s*,?\s+(?:del|de\s+la|en\s+el|en|in|at|of|at\s+the|in\s+the|el|the)"
        r"\s+|\s*,\s*|\s+))?"
        rf"(?-i:(?:[A-Z][\w'’-]*\s+){{0,3}}){_PARK}"
        rf"(?-i:(?:\s+(?!(?:Lot|Lote|Space|Espacio|Trailer|Traila|Unit|Site|Casa)\b)"
        rf"[A-Z][\w'’-]*){{0,3}})"
        rf"(?:\s*,?\s*{_UNIT})?",
        re.IGNORECASE,
    )
    NUMBERED_STREET_RE = re.compile(
        rf"\d{{1,3}}(?:st|nd|rd|th)?\s+(?:{_SUFFIX})\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\.?)?",
        re.IGNORECASE,
    )
    POBOX_RE = re.compile(r"\b(?:P\.?\s?O\.?\s?Box|apartado postal)\s+\d+", re.IGNORECASE)
    PUBLIC_RE = re.compile(
        r"(?:jail|carcel|center|centro|courthouse|corte|court|office|oficina|facility|prision|"
        r"precinct|station|estacion|comisaria|sheriff)\W+(?:\w+\W+){0,2}$"
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        out = self._streets(ctx) + home_descriptions(ctx)
        out += [self._public(ctx, r) for r in world_addresses(text)]
        return [with_unit_before(text, r) for r in extend_blocks(text, out)]

    def _public(self, ctx: Ctx, r: RecognizerResult) -> RecognizerResult:
        """An address right after a jail or an office is that public place's (kept)."""
        if self.PUBLIC_RE.search(P.window_before(ctx.folded, r.start, 30)):
            return candidate("PLACE", r.start, r.end, 0.85)
        return r

    def _streets(self, ctx: Ctx) -> list[RecognizerResult]:
        text = ctx.text
        out = []
        for rx in (
            self.US_RE,
            self.ES_RE,
            self.POBOX_RE,
            self.ES_NUM_FIRST_RE,
            self.ES_DATE_STREET_RE,
            self.PARK_RE,
        ):
            view = _titled(ctx) if rx is self.PARK_RE else text
            for m in rx.finditer(view):
                s, e = m.span()
                if rx is self.PARK_RE and not re.search(r"\d", m.group()):
                    continue  # a park is a home address only with a lot/trailer number
                if view is not text:
                    s = _past_words(ctx, s, e)
                    e = _before_words(ctx, s, e)
                if rx is self.ES_DATE_STREET_RE:
                    before = ctx.folded[max(0, s - 14) : s]
                    if not re.search(r"(?:\bla|\bcalle|\bav\.?|avenida|\ben)\s*$", before):
                        continue
                if rx is self.US_RE:
                    # "12 Oak Street. On March 5": a town never follows a sentence's end
                    stop = re.search(r"\.\s+(?=[A-Z])", text[s:e])
                    e = s + stop.start() + 1 if stop else e
                if rx is not self.US_RE or ctx.style == "lower":
                    col = self.COLONIA_RE.match(text[e:])
                    if col:
                        e += col.end()
                    e = _town_after(text, e, ctx.style == "lower")
                while e > s and text[e - 1] in " ,.":
                    e -= 1
                before = P.window_before(ctx.folded, s, 30)
                if (
                    rx is self.US_RE
                    and self.NUMBERED_STREET_RE.fullmatch(text[s:e])
                    and not re.search(r"[A-Z][\w'’-]*\s+$", text[max(0, s - 30) : s])
                ):
                    # "on 49 st", "la 5 ave": a numbered street with no house number is a
                    # public place; any home found over it (a lower priority) wins; not after
                    # a capitalised word, which may be the street's name ("Qeppa 260 St")
                    out.append(candidate("PLACE", s, e, 0.6))
                elif self.PUBLIC_RE.search(before):
                    out.append(candidate("PLACE", s, e, 0.85))
                else:
                    out.append(candidate("STREET_ADDRESS", s, e, 1.0))
        return out


TOWN_RE = re.compile(r",\s+((?:[A-Z][\w'’-]+\s?){1,3})")
LOWER_TOWN_RE = re.compile(r",\s+((?:[^\W\d_][\w'’-]+\s?){1,3})")


def _town_after(text: str, e: int, lower: bool) -> int:
    """ ", Immokalee", ", boca del mar": the town of a home address belongs to it (a place
    of the gazetteer, its longest name first)."""
    town = (LOWER_TOWN_RE if lower else TOWN_RE).match(text[e:])
    if not town:
        return e
    words_ = fold(town.group(1)).replace("-", " ").split()
    single, multi = places()
    for n in range(len(words_), 0, -1):
        name = tuple(words_[:n])
        if (n == 1 and name[0] in single) or name in multi.get(name[0], ()):
            ends = [m.end() for m in re.finditer(r"[\w'’-]+", town.group(1))]
            return e + town.start(1) + ends[n - 1]
    return e


def _titled(ctx: Ctx) -> str:
    """Text written without capitals, read with every word capitalised (same offsets), for
    the patterns that find names by their capitals ("magnolia mobile home park lot 54")."""
    if ctx.style != "lower" or len(ctx.text.title()) != len(ctx.text):
        return ctx.text
    return ctx.text.title()


def _before_words(ctx: Ctx, s: int, e: int) -> int:
    """End of a match before the function words a capitalised view let in after a park's
    name ("... trailer court is where we")."""
    toks = [t for t in ctx.toks[ctx.index_at(s) :] if t.end <= e]
    while len(toks) > 1 and toks[-1].f in FUNCTION_WORDS:
        toks.pop()
    return toks[-1].end if toks else e


def _past_words(ctx: Ctx, s: int, e: int) -> int:
    """Start of a match past the everyday words a capitalised view let in ("in the ...")."""
    for tok in ctx.toks[ctx.index_at(s) :]:
        word = tok.f in FUNCTION_WORDS or everyday_word(tok.f, "en") or everyday_word(tok.f, "es")
        if tok.start >= e or not word:
            return tok.start if tok.start < e else s
    return s
