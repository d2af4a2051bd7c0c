"""Home addresses (redacted): US street addresses, Spanish-order streets, mobile-home parks,
P.O. boxes; an address right after a public facility is a PLACE (kept)."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import STATE_CODES, STREET_SUFFIXES, fold, places
from .common import Ctx, DomainRecognizer, candidate, ctx_of
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
        r"(?:#\s?|n[uú]m\.?\s?|no\.?\s?)?\d{1,5}[A-Za-z]?\b",
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
        rf"(?:{_UNIT}\s*,?\s+(?:del|de\s+la|en\s+el|en|in|at|of|at\s+the|in\s+the|el|the)\s+)?"
        rf"(?-i:(?:[A-Z][\w'’-]*\s+){{0,3}}){_PARK}"
        rf"(?-i:(?:\s+[A-Z][\w'’-]*){{0,3}})"
        rf"(?:\s*,?\s*{_UNIT})?",
        re.IGNORECASE,
    )
    POBOX_RE = re.compile(r"\b(?:P\.?\s?O\.?\s?Box|apartado postal)\s+\d+", re.IGNORECASE)
    PUBLIC_RE = re.compile(
        r"(?:jail|carcel|center|centro|courthouse|corte|court|office|oficina|facility|prision|"
        r"precinct|station|estacion|comisaria|sheriff)\W+(?:\w+\W+){0,2}$"
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        out = self._streets(ctx) + home_descriptions(ctx) + world_addresses(text)
        return extend_blocks(text, out)

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
            for m in rx.finditer(text):
                s, e = m.span()
                if rx is self.PARK_RE and not re.search(r"\d", m.group()):
                    continue  # a park is a home address only with a lot/trailer number
                if rx is self.ES_DATE_STREET_RE:
                    before = ctx.folded[max(0, s - 14) : s]
                    if not re.search(r"(?:\bla|\bcalle|\bav\.?|avenida|\ben)\s*$", before):
                        continue
                if rx is not self.US_RE:
                    col = self.COLONIA_RE.match(text[e:])
                    if col:
                        e += col.end()
                    # ", Immokalee": the town of a home address belongs to it
                    town = re.match(r",\s+((?:[A-Z][\w'’-]+\s?){1,3})", text[e:])
                    if town:
                        name = tuple(fold(town.group(1)).replace("-", " ").split())
                        single, multi = places()
                        if (len(name) == 1 and name[0] in single) or name in multi.get(name[0], ()):
                            e += town.end(1)
                while e > s and text[e - 1] in " ,.":
                    e -= 1
                before = P.window_before(ctx.folded, s, 30)
                if self.PUBLIC_RE.search(before):
                    out.append(candidate("PLACE", s, e, 0.85))
                else:
                    out.append(candidate("STREET_ADDRESS", s, e, 1.0))
        return out


# -- homes that are not "number + street" -------------------------------------------------------
_ORD = r"(?:a|ª|ra|da|ta|va|na|o|º)?\.?"
_NUM = r"(?:#|no\.?|n[uú]m(?:ero)?\.?)?\s*#?\s*\d{1,4}[A-Za-z]?\b"
HOME_FORMS = [
    # "lot 37", "lote 14", "space 9", "trailer #12", "casa 22" (not a parking lot)
    re.compile(rf"(?<!parking )\b(?:lot|lote|space|espacio|trailer|traila|casa)\s*{_NUM}", re.I),
    # "rural route 2 box 118", "RR 3, Box 45", "HC 64 Box 12"
    re.compile(
        r"\b(?:rural\s+route|r\.?\s?r\.?|ruta\s+rural|hc|route)\s*#?\s*\d{1,4}\s*,?\s*"
        r"(?:box|caja|bx)\s*#?\s*\d{1,5}\b",
        re.I,
    ),
    # "building 4, apt 210", "bldg C unit 12", "edificio 3 apartamento 5"
    re.compile(
        r"\b(?:building|bldg\.?|edificio|torre)\s*#?\s*[\w-]{1,4}\s*,?\s*"
        r"(?:apt\.?|apartment|unit|apto\.?|apartamento|depto\.?|departamento|#)\s*#?\s*[\w-]{1,5}\b",
        re.I,
    ),
    # "Oak Park Apartments", "Apartamentos Las Palmas"
    re.compile(
        r"(?:(?:[A-Z][\w'’-]*\s+){1,4}(?:Apartments|Apts\.?|Townhomes|Condominiums|Condos)"
        r"|(?i:apartamentos|residencial|condominio)\s+(?:[A-Z][\w'’-]*\s?){1,3})"
        r"(?:\s*,?\s*(?i:apt\.?|apartment|unit|apto\.?|#)\s*#?\s*[\w-]{1,5}\b)?"
    ),
    # GPS coordinates: "29.4241, -98.4936", "19°25'42\"N 99°07'39\"W"
    re.compile(r"(?<![\d.])-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}(?![\d.])"),
    re.compile(
        r"\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*[\"″]?)?\s*[NS]\s*,?\s*"
        r"\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*[\"″]?)?\s*[EWO]\b"
    ),
    # Central American style: "4a calle, casa 22", "2da avenida norte #15", "Barrio El Centro"
    re.compile(
        rf"\b\d{{1,2}}\s*{_ORD}\s+(?:calle|avenida|av\.?)"
        r"(?:\s+(?:poniente|oriente|norte|sur|pte\.?|ote\.?|nte\.?|sur))?"
        rf"(?:\s*,?\s*(?:casa|lote|lot)?\s*{_NUM})?",
        re.I,
    ),
    re.compile(
        r"\b(?i:barrio|colonia|aldea|cant[oó]n|caser[ií]o|urbanizaci[oó]n|reparto)\s+"
        r"(?:(?:el|la|los|las|de|del|san|santa)\s+)?(?:[A-ZÁÉÍÓÚÑ][\w'’-]*\s?){1,3}"
    ),
]
CORNER_RE = re.compile(
    r"\b(?:(?:on|at)\s+the\s+corner\s+of|(?:en\s+la\s+)?esquina\s+de)\s+"
    r"[\w'’.-]+(?:\s+[\w'’.-]+)?\s+(?:and|&|y|con)\s+[\w'’.-]+"
    r"(?:\s+(?:st|street|ave|avenue|rd|road|calle|avenida)\b\.?)?",
    re.I,
)
HOME_WORD_RE = re.compile(
    r"(?:house|home|trailer|apartment|casa|traila|apartamento|live|lives|living|vivo|vive|"
    r"vivimos|viven|vivia|stay|quedo|nos quedamos)\b[^.!?\n]{0,40}$"
)
# "we live on Elm Street", "vivimos en la calle Roble": a home street without a number
LIVE_ON_RE = re.compile(
    r"(?:live|lives|living|lived|vivo|vive|vivimos|viven|viviamos|moved|nos mudamos)\s+"
    r"(?:on|at|in|off|en|por)\s+(?:the\s+|la\s+)?((?:[\w'’.-]+\s+){0,3})$"
)


def _home_streets(ctx: Ctx) -> list[RecognizerResult]:
    """A street named right after "we live on" is a home, though it has no number."""
    toks, out = ctx.toks, []
    for i, t in enumerate(toks):
        spanish = t.f in ("calle", "avenida")
        if t.f not in STREET_SUFFIXES and not spanish:
            continue
        m = LIVE_ON_RE.search(P.window_before(ctx.folded, t.start, 60))
        if not m or (spanish and m.group(1)):
            continue
        start, end = t.start - len(m.group(1)), t.end
        if spanish:  # the name comes after: "la calle Roble", "la avenida Las Flores"
            j = i + 1
            while j < len(toks) and j - i <= 3 and toks[j].text[0].isupper():
                end = toks[j].end
                j += 1
        if end > t.end or m.group(1):
            out.append(candidate("STREET_ADDRESS", start, end, 0.85, why="home"))
    return out


def home_descriptions(ctx: Ctx) -> list[RecognizerResult]:
    """Homes people describe rather than address (STREET_ADDRESS at 0.85: a badge or an
    officer's unit number, at 0.9, still wins)."""
    text, out = ctx.text, []
    for rx in HOME_FORMS:
        for m in rx.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " ,.":
                e -= 1
            out.append(candidate("STREET_ADDRESS", s, e, 0.85, why="home"))
    for m in CORNER_RE.finditer(text):
        if HOME_WORD_RE.search(P.window_before(ctx.folded, m.start(), 50)):
            out.append(candidate("STREET_ADDRESS", m.start(), m.end(), 0.85, why="home"))
    out.extend(_home_streets(ctx))
    return out
