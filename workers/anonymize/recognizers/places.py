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


def _street(ctx: Ctx, i: int) -> list[RecognizerResult]:
    """ "Bissonnet St", "Spencer Hwy": the name words before a street word."""
    toks, t = ctx.toks, ctx.toks[i]
    f, nxt = t.f, ctx.text[t.end : t.end + 3]
    if f in ("dr", "st") and nxt.startswith(". ") and i + 1 < len(toks) and ctx.is_cap(toks[i + 1]):
        return []  # "St. Mary", "Dr. Ortiz"
    if ctx.style == "normal" and not t.text[0].isupper() and f in LOWER_STREET_WORDS:
        return []  # "on the way", "in court"
    first = walk_back(ctx, i, 4)
    if first is None:
        return []
    e = t.end + (1 if nxt.startswith(".") and f in ("st", "rd", "dr", "ave", "blvd") else 0)
    return [candidate("PLACE", toks[first].start, e, 0.8)]


def _facility(ctx: Ctx, i: int) -> list[RecognizerResult]:
    """ "Harris County Jail", "Mall of Georgia"."""
    toks = ctx.toks
    first = walk_back(ctx, i, 4)
    end = toks[i].end
    if i + 2 < len(toks) and toks[i + 1].f in ("of", "de", "del") and ctx.is_cap(toks[i + 2]):
        end = toks[i + 2].end
    elif i + 1 < len(toks) and ctx.gap(i + 1) == " " and ctx.is_cap(toks[i + 1]):
        # "Northside Hospital Forsyth", "Walmart Supercenter Dalton": the branch's town
        town = _gazetteer_match(ctx, i + 1)
        if town is not None and not all(tk.f in first_names() for tk in toks[i + 1 : town + 1]):
            end = toks[town].end  # not "at the Jail Victoria told me": a name stays a name
    return [] if first is None else [candidate("PLACE", toks[first].start, end, 0.8)]


LOWER_STREET_WORDS = words("way run row path loop court place point")


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
    # a Spanish business word before its capitalised name ("Taquería El Güero", "la
    # llantera Hermanos Ruiz"), in text written with capitals
    ES_BUSINESS_RE = re.compile(
        r"\b(?:taquer[ií]a|panader[ií]a|carnicer[ií]a|tienda|restaurante?|lavander[ií]a|"
        r"llantera|farmacia|f[aá]brica|empacadora|yonke|cantina|sal[oó]n|taller)\s+(?=[A-ZÁÉÍÓÚÑ])",
        re.IGNORECASE,
    )
    # a Spanish public place before its capitalised name ("el parque Shelby", "la parroquia de
    # San Judas", "la iglesia Monte Sinaí"); a home in a park ("la traila 9 del parque Los
    # Pinos") is found by the homes recognizer and outranks it
    ES_PUBLIC_RE = re.compile(
        r"\b(?:parque|parroquia|iglesia|capilla|plaza|escuela|colegio|hospital|cl[ií]nica|"
        r"estadio|biblioteca)\s+(?:(?:de|del)\s+(?:la\s+|los\s+|las\s+)?)?(?-i:(?=[A-ZÁÉÍÓÚÑ]))",
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
        out: list[RecognizerResult] = []
        for i, t in enumerate(ctx.toks):
            f = t.f
            if f in STREET_SUFFIXES or f.rstrip(".") in STREET_SUFFIXES:
                out.extend(_street(ctx, i))
            elif f in FACILITY_WORDS:
                out.extend(_facility(ctx, i))
            else:
                out.extend(_county_state_or_chain(ctx, i))
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
        for m in self.ES_PUBLIC_RE.finditer(text) if ctx.style != "caps" else ():
            end = _capitalised_run(ctx, ctx.index_at(m.end()), 3)
            if end is not None:
                out.append(candidate("PLACE", m.start(), end, 0.8))
        for m in self.ES_BUSINESS_RE.finditer(text) if ctx.style == "normal" else ():
            end = walk_forward(ctx, ctx.index_at(m.end()), 3)
            if end is not None:
                out.append(candidate("PLACE", m.start(), end, 0.8))
        for m in self.COUNTY_ES_RE.finditer(text):
            end = walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 2)
            if end is not None:
                out.append(candidate("PLACE", m.end(), end, 0.78))
        return out


def _capitalised_run(ctx: Ctx, i: int, max_words: int) -> int | None:
    """End of up to max_words capitalised words (with "de", "la"... between) from token i."""
    end, toks = None, ctx.toks
    for j in range(i, min(i + max_words, len(toks))):
        if j > i and ctx.gap(j) != " ":
            break
        if toks[j].text[0].isupper():
            end = toks[j].end
        elif toks[j].f not in NAME_CONNECTORS:
            break
    return end


def _county_state_or_chain(ctx: Ctx, i: int) -> list[RecognizerResult]:
    """ "Harris County", "Texas", ", TX", "Walmart" at token i (capitalised unless the text has
    no capitals to go by)."""
    t, f = ctx.toks[i], ctx.toks[i].f
    shaped = t.text[0].isupper() or ctx.style != "normal"
    if f == "county" and shaped:
        first = walk_back(ctx, i, 2)
        return [] if first is None else [candidate("PLACE", ctx.toks[first].start, t.end, 0.78)]
    state_code = (
        t.text in STATE_CODES and ctx.style != "caps" and i > 0 and ctx.gap(i).strip() in ("", ",")
    )
    if f in US_STATES or state_code:
        return [candidate("PLACE", t.start, t.end, 0.8)] if shaped else []
    if f in CHAINS and shaped:
        return [candidate("PLACE", t.start, t.end, 0.8)]
    return _possessive_business(ctx, i)


BUSINESS_TAIL = words("stop travel truck gas station center centre plaza")


def _possessive_business(ctx: Ctx, i: int) -> list[RecognizerResult]:
    """ "Love's truck stop", "Hank's Tire": a capitalised possessive before a business or
    facility word names a business (kept), not its owner."""
    toks, t = ctx.toks, ctx.toks[i]
    if not (t.text[0].isupper() and t.text.endswith(("'s", "’s")) and len(t.f) > 2):
        return []
    end = None
    for j in range(i + 1, min(i + 3, len(toks))):
        if ctx.gap(j) != " " or not (toks[j].f in FACILITY_WORDS or toks[j].f in BUSINESS_TAIL):
            break
        end = toks[j].end
    return [] if end is None else [candidate("PLACE", t.start, end, 0.8)]


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
    regresamos regreso manejando viajando manejaba viajaba rumbo camino vivir mudamos mudaron
    mudarnos mudo mude mudarse"""
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
        if prev2.f in MOTION_ES_INTRANSITIVE or _from_a_place(toks, i - 2):
            return True
        return prev2.f in MOTION_ES and any(
            toks[q].f in ("lo", "la", "los", "las", "me", "nos", "le", "les", "te")
            for q in range(max(0, i - 6), i - 2)
        )
    if pf == "of":
        return prev2.f in OF_PLACE_HEADS
    return pf == "at" and n_words > 1


def _from_a_place(toks, q: int) -> bool:
    """ "de Danbury a X", "desde Odessa a X": the word before "a" is a town one comes from."""
    return q > 0 and toks[q - 1].f in ("de", "desde") and toks[q].f in places()[0]


def _gazetteer_match(ctx: Ctx, i: int) -> int | None:
    """Index of the last token of the longest gazetteer place starting at token i."""
    single, multi = places()
    toks, n = ctx.toks, len(ctx.toks)
    for cand in multi.get(toks[i].f, ()):
        j = i + len(cand) - 1
        if j < n and all(
            toks[i + q].f == cand[q]
            and ctx.gap(i + q).strip(" -") == ""
            and "\n" not in ctx.gap(i + q)
            for q in range(1, len(cand))
        ):
            return j
    if toks[i].f in single and len(toks[i].f) > 2:
        return i
    # a town whose particle is written apart: "La Belle" (LaBelle), "De Soto" (DeSoto)
    nxt = i + 1
    if (
        nxt < n
        and len(toks[i].f) <= 3
        and ctx.gap(nxt) == " "
        and toks[i].f + toks[nxt].f in single
    ):
        return nxt
    return None


PLACE_AFTER_RE = re.compile(
    r",?\s+(?:(?-i:[A-Z]{2})\b|county\b|co\.|parish\b|"
    + "|".join(sorted(US_STATES, key=len, reverse=True))
    + r")",
    re.IGNORECASE,
)
# "El Reno" and "el Tigre" look alike: an article alone does not make a place without context
ARTICLES = words("el la los las")
IN_WORDS = words("in en near outside from desde around hacia rumbo through thru via")


def _context_score(ctx: Ctx, i: int, last: int) -> float:
    """How much the words around a gazetteer name say place (0: they do not)."""
    toks = ctx.toks
    span_toks = toks[i : last + 1]
    score = 0.75 if _place_word_before(ctx, i, len(span_toks)) else 0.0
    if PLACE_AFTER_RE.match(ctx.text[toks[last].end : toks[last].end + 24]):
        score = max(score, 0.75)
    if not score and _geographic_head(span_toks):
        score = 0.72
    return score


def _place_word_before(ctx: Ctx, i: int, n_words: int) -> bool:
    """ "in X", "cerca de X" (not "la casa de X", "hijo de X"), "taken to X"."""
    toks = ctx.toks
    prev = toks[i - 1] if i > 0 and ctx.gap(i).strip() == "" else None
    if prev is None:
        return False
    prev2 = toks[i - 2] if i > 1 else None
    if prev.f in IN_WORDS:
        return True
    if prev.f == "de":
        return prev2 is not None and not _de_of_a_person(prev2)
    return _place_after_motion_or_of(toks, i, prev.f, prev2, n_words)


def _de_of_a_person(tok) -> bool:
    """The word before "de" says the name after it is a person's ("hijo de", "Juan de")."""
    f = tok.f
    if f in KIN_NOUNS or f in GENERIC_PEOPLE or f in HONORIFICS or f in DE_NOT_PLACE:
        return True
    return tok.text[0].isupper() and f in first_names()


def _geographic_head(span_toks) -> bool:
    """A multi-word name with a geographic word ("Sandy Springs"), not all of it name words."""
    fn = first_names()
    return (
        len(span_toks) > 1
        and any(tk.f in GEO_WORDS and tk.f not in ARTICLES for tk in span_toks)
        and not all(tk.f in fn or tk.f in NAME_CONNECTORS for tk in span_toks)
    )


def gazetteer_places(ctx: Ctx) -> list[RecognizerResult]:
    """Place names from the gazetteer when the context says place: "cerca de Naples",
    "in Immokalee", "Victoria, Texas", "lo llevaron a Stewart"; multi-word names with a
    geographic head ("Sandy Springs", "El Reno", "Fort Myers") also without a context."""
    toks, n = ctx.toks, len(ctx.toks)
    out: list[RecognizerResult] = []
    i = 0
    while i < n:
        last = None
        if ctx.style != "normal" or toks[i].text[0].isupper():
            last = _gazetteer_match(ctx, i)
        if last is None:
            i += 1
            continue
        span_toks = toks[i : last + 1]
        if ctx.style == "normal" and not all(
            tk.text[0].isupper() or tk.f in NAME_CONNECTORS for tk in span_toks
        ):
            i += 1
            continue
        score = _context_score(ctx, i, last)
        if score:
            out.append(
                candidate("PLACE", span_toks[0].start, span_toks[-1].end, score, why="gazetteer")
            )
        i = last + 1
    return out
