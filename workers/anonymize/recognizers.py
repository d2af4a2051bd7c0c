"""Presidio recognizers for complaint narratives (English, Spanish and the mix people write).

Every result's score encodes its priority in conflict resolution (see `resolve.py`):
1.0 structured identifiers with context, 0.9 officers and badges, 0.8 agencies/places/dates
from patterns, 0.7 people from context cues, 0.6 shape-only identifiers, 0.55 people from the
first-name list, 0.5 places from the spaCy parse, 0.45 people from the spaCy parse.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from . import patterns as P
from .lexicon import (
    AGENCY_ACRONYMS,
    AMBIGUOUS_NAMES,
    FACILITY_WORDS,
    GEO_WORDS,
    HONORIFICS,
    KIN_ADJECTIVES,
    KIN_NOUNS,
    NOT_NAME,
    OFFICER_NOUNS,
    OFFICER_TITLES,
    STATE_CODES,
    STREET_SUFFIXES,
    US_STATES,
    VEHICLE_NOUNS,
    first_names,
    fold,
    places,
    words,
)

REDACT_LABELS = (
    "PERSON",
    "PHONE",
    "EMAIL",
    "STREET_ADDRESS",
    "A_NUMBER",
    "SSN",
    "DOB",
    "LICENSE_PLATE",
    "ID_NUMBER",
    "SOCIAL_HANDLE",
    "URL",
)
KEEP_LABELS = ("OFFICER", "BADGE", "AGENCY", "PLACE", "DATE")

FUNCTION_WORDS = words(
    """the a an and or but of to in on at by for from with near into onto off over under up down
    my your his her our their its this that these those some any every no not is was were be
    been are am i you he she it we they me him them us who which what where when while then
    than there here as if so just only also very too about around after before behind between
    el la los las un una unos unas y o u pero de del al a en con por para sin sobre entre hasta
    desde hacia mi mis tu tus su sus nuestro nuestra lo le les me te se que quien como cuando
    donde ya muy mas es era fue esta estaba son eran otro otra cerca lejos frente detras
    other another same next last first second third some cual este ese esa aquel todo toda"""
)
NAME_CONNECTORS = words("de del la las los y da dos van von di le")
LOCATION_PREPS = words("in en near outside to hacia from into cerca around through via")
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

TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


@dataclass
class Tok:
    start: int
    end: int
    text: str
    f: str  # folded, possessive 's removed


@dataclass
class Ctx:
    text: str
    folded: str
    style: str
    toks: list[Tok]
    starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, style: str | None = None) -> Ctx:
        folded = fold(text)
        toks = []
        for m in TOKEN_RE.finditer(text):
            f = folded[m.start() : m.end()]
            if f.endswith(("'s", "’s")):
                f = f[:-2]
            toks.append(Tok(m.start(), m.end(), m.group(), f))
        ctx = cls(text, folded, style or P.text_style(text), toks)
        ctx.starts = [t.start for t in toks]
        return ctx

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > 0 else ""

    def is_cap(self, tok: Tok) -> bool:
        return tok.text[0].isupper()


def _res(label: str, start: int, end: int, score: float, **meta) -> RecognizerResult:
    meta.setdefault("recognizer_name", "workers.anonymize")
    return RecognizerResult(label, start, end, score, recognition_metadata=meta)


def _ctx(text: str, nlp_artifacts: NlpArtifacts | None) -> Ctx:
    cache = getattr(nlp_artifacts, "_anon_ctx", None) if nlp_artifacts else None
    if cache is not None and cache.text == text:
        return cache
    ctx = Ctx.build(text)
    if nlp_artifacts is not None:
        nlp_artifacts._anon_ctx = ctx
    return ctx


def _near_officer(folded: str, start: int, size: int = 110) -> bool:
    window = folded[max(0, start - size) : start]
    return any(w in OFFICER_NOUNS for w in re.findall(r"[a-z]+", window))


class _Base(EntityRecognizer):
    ENTITIES: tuple[str, ...] = ()

    def __init__(self, language: str):
        super().__init__(
            supported_entities=list(self.ENTITIES),
            supported_language=language,
            name=f"{type(self).__name__}_{language}",
        )

    def load(self) -> None:  # nothing to load
        pass


class ContactRecognizer(_Base):
    """Email, URL, social handles and phone numbers (US and Latin American formats)."""

    ENTITIES = ("EMAIL", "URL", "SOCIAL_HANDLE", "PHONE")
    FIND_ME_RE = re.compile(
        r"(?:(?:me|nos|la|lo|los|las|le|les) (?:encuentran|encuentras|pueden encontrar|"
        r"puedes encontrar|buscan|busquen|hallan|encuentra)|"
        r"(?:find|look up|search(?: for)?) (?:me|her|him|us|them)|look (?:me|her|him|us) up|"
        r"(?:my|mi|su|his|her|their|our) (?:page|profile|account|perfil|pagina|cuenta|"
        r"usuario|user(?:name)?|face|facebook|fb|insta|instagram|ig|tiktok|twitter|snap|"
        r"snapchat)(?: (?:is|es|era|was|:))?)"
        r"(?: (?:on|in|en) \w+)?(?: (?:as|como|under|:))? ?[\"“']?$"
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = _ctx(text, nlp_artifacts)
        out: list[RecognizerResult] = []
        emails = []
        for m in P.EMAIL_RE.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in ".-":
                e -= 1
            emails.append((s, e))
            out.append(_res("EMAIL", s, e, 1.0))
        for m in P.URL_RE.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in ".,;:!?":
                e -= 1
            if any(a <= s < b for a, b in emails):
                continue
            out.append(_res("URL", s, e, 1.0))
        for m in P.HANDLE_RE.finditer(text):
            if len(m.group()) >= 3:
                out.append(_res("SOCIAL_HANDLE", m.start(), m.end(), 1.0))
        for i, tok in enumerate(ctx.toks):
            if not ctx.is_cap(tok):
                continue
            before = ctx.folded[max(0, tok.start - 45) : tok.start]
            if self.FIND_ME_RE.search(before) and (i == 0 or not ctx.is_cap(ctx.toks[i - 1])):
                j = i
                while (
                    j + 1 < len(ctx.toks)
                    and j - i < 5
                    and ctx.is_cap(ctx.toks[j + 1])
                    and ctx.gap(j + 1).strip() in ("", ".", "-", "_")
                ):
                    j += 1
                out.append(_res("SOCIAL_HANDLE", tok.start, ctx.toks[j].end, 1.0))
        for m in P.PHONE_RE.finditer(text):
            s, e = m.span()
            raw = m.group()
            d = P.digits(raw)
            before = P.window_before(ctx.folded, s, 40)
            if raw.lstrip().startswith("+"):
                ok = 8 <= len(d) <= 15
            elif len(d) == 10:
                ok = d[0] in "23456789"
                if raw.isdigit() and (
                    P.ID_CONTEXT_RE.search(before)
                    or P.A_CONTEXT_RE.search(before)
                    or P.SSN_CONTEXT_RE.search(before)
                ):
                    ok = False
            elif len(d) == 11:
                ok = d[0] == "1"
            elif len(d) in (7, 8):
                ok = bool(P.PHONE_CONTEXT_RE.search(before)) and not P.ID_CONTEXT_RE.search(before)
            else:
                ok = False
            if ok:
                out.append(_res("PHONE", s, e, 1.0))
        return out


class GovernmentIdRecognizer(_Base):
    """A-numbers, SSNs, ID/passport/matrícula/booking numbers, plates and dates of birth."""

    ENTITIES = ("A_NUMBER", "SSN", "ID_NUMBER", "LICENSE_PLATE", "DOB")
    DOB_CONTEXT_RE = re.compile(
        r"(?:\bdob\b|d\.o\.b|date of birth|\bborn\b|birthday|birth ?date|\bb-?day\b|naci|"
        r"nacimiento|cumpleanos|f\. ?nac|fecha de nac)[^.!?\n]{0,25}$"
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = _ctx(text, nlp_artifacts)
        F = ctx.folded
        out: list[RecognizerResult] = []
        for m in P.SSN_RE.finditer(text):
            out.append(_res("SSN", m.start(), m.end(), 1.0))
        for m in P.NINE_RE.finditer(text):
            before = P.window_before(F, m.start(), 45)
            if P.SSN_CONTEXT_RE.search(before):
                out.append(_res("SSN", m.start(), m.end(), 1.0))
        for m in P.A_PREFIXED_RE.finditer(text):
            if P.a_number_digits_ok(m.group()):
                out.append(_res("A_NUMBER", m.start(), m.end(), 1.0))
        for m in P.A_VALUE_RE.finditer(text):
            if not P.a_number_digits_ok(m.group()):
                continue
            if P.A_CONTEXT_RE.search(P.window_before(F, m.start(), 50)):
                out.append(_res("A_NUMBER", m.start(), m.end(), 1.0))
        for m in P.ID_VALUE_RE.finditer(text):
            s, e = m.span()
            while s < e and text[s] in "# ":
                s += 1
            value = text[s:e]
            nd = len(P.digits(value))
            before = P.window_before(F, s, 40)
            if nd < 4 or not P.ID_CONTEXT_RE.search(before):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", value):
                continue  # "un caso en 2016": a year
            if P.BADGE_STRONG_RE.search(before[-20:]):
                continue
            if (
                nd <= 6
                and _near_officer(F, s, 60)
                and not re.search(r"licen|passport|pasaporte|matricula|booking", before)
            ):
                continue
            out.append(_res("ID_NUMBER", s, e, 0.99))
        for m in P.GENERIC_ID_RE.finditer(text):
            v = m.group()
            nd = len(P.digits(v))
            letters = sum(c.isalpha() for c in v)
            if nd >= 6 or (nd >= 5 and letters >= 1):
                out.append(_res("ID_NUMBER", m.start(), m.end(), 0.6))
        for m in P.PLATE_VALUE_RE.finditer(text):
            v = m.group()
            alnum = re.sub(r"[^A-Z0-9]", "", v)
            if not (4 <= len(alnum) <= 10) or not any(c.isdigit() for c in alnum):
                continue
            before = P.window_before(F, m.start(), 30)
            cm = P.PLATE_CONTEXT_RE.search(before)
            if not cm:
                continue
            word = cm.group().split()[0] if cm.group().split() else ""
            if (
                word.startswith("placa")
                and not word.startswith("placas")
                and (alnum.isdigit() or _near_officer(F, m.start(), 90))
            ):
                continue  # "placa 552" after an officer is a badge
            out.append(_res("LICENSE_PLATE", m.start(), m.end(), 0.99))
        for m in P.PLATE_SHAPE_RE.finditer(text):
            before = P.window_before(F, m.start(), 25)
            if not P.BADGE_STRONG_RE.search(before) and not P.BADGE_WEAK_RE.search(before):
                out.append(_res("LICENSE_PLATE", m.start(), m.end(), 0.6))
        this_year = dt.date.today().year
        seen = set()
        for rx in (P.FULL_DATE_RE, P.DATE_RE):
            for m in rx.finditer(text):
                if m.span() in seen or not re.search(r"\d", m.group()):
                    continue
                seen.add(m.span())
                before = P.window_before(F, m.start(), 40)
                year = _year_of(m.group())
                if self.DOB_CONTEXT_RE.search(before) or (
                    year is not None and year <= this_year - 14 and rx is P.FULL_DATE_RE
                ):
                    out.append(_res("DOB", m.start(), m.end(), 0.99))
        return out


def _year_of(s: str) -> int | None:
    m = re.search(r"(?:19|20)\d{2}(?!\d)", s)
    if m:
        return int(m.group())
    m = re.search(r"[/.-](\d{2})$", s.strip())
    if m:
        yy = int(m.group(1))
        return 2000 + yy if yy <= dt.date.today().year % 100 else 1900 + yy
    return None


class AddressRecognizer(_Base):
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
        ctx = _ctx(text, nlp_artifacts)
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
                    out.append(_res("PLACE", s, e, 0.85))
                else:
                    out.append(_res("STREET_ADDRESS", s, e, 1.0))
        return out


class AccountabilityRecognizer(_Base):
    """What staff need to keep: agencies, public places, incident dates/times, badge numbers."""

    ENTITIES = ("AGENCY", "PLACE", "DATE", "BADGE")
    AGENCY_HEAD_RE = re.compile(
        r"\b(?:County\s+)?(?:Sheriff(?:['’]?s)?(?:\s+(?:Office|Department|Dept\.?|Ofc\.?))?|"
        r"Police(?:\s+(?:Department|Dept\.?))?|PD|Highway\s+Patrol|State\s+Patrol|"
        r"Department\s+of\s+Public\s+Safety|Marshal(?:['’]?s)?\s+Office|Constable(?:['’]?s)?"
        r"(?:\s+Office)?)(?![\w'])",
        re.IGNORECASE,
    )
    AGENCY_ES_RE = re.compile(
        r"\b(?:(?:la\s+)?oficina\s+del\s+|departamento\s+del\s+)?(?:sheriff|alguacil)\s+"
        r"(?:del\s+condado\s+(?:de\s+)?|de(?:l)?\s+condado\s+(?:de\s+)?|de\s+|del\s+)"
        r"|\b(?:departamento\s+de\s+)?polic[ií]a\s+(?:municipal\s+|estatal\s+)?de\s+",
        re.IGNORECASE,
    )
    AGENCY_FIXED_RE = re.compile(
        r"\b(?:patrulla\s+de\s+carreteras(?:\s+de\s+[A-Z]\w+)?|patrulla\s+fronteriza|"
        r"border\s+patrol|(?:la\s+)?migra|immigration\s+and\s+customs\s+enforcement|"
        r"homeland\s+security)\b",
        re.IGNORECASE,
    )
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
    PRECINCT_RE = re.compile(
        r"\b(?:constable(?:['’]s\s+office)?\s+)?(?:precinct|precinto|distrito)\s+\d{1,2}"
        r"(?:\s+(?:del\s+condado(?:\s+de)?|de|of)\s+(?-i:[A-Z][\w]+)(?:\s+County)?)?"
        r"(?:\s+constables?(?:['’]s?\s+office)?)?",
        re.IGNORECASE,
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = _ctx(text, nlp_artifacts)
        out: list[RecognizerResult] = []
        toks = ctx.toks
        # agencies ------------------------------------------------------------------
        for m in self.AGENCY_HEAD_RE.finditer(text):
            i = ctx.index_at(m.start())
            first = _walk_back(ctx, i, 3)
            head_words = m.group().lower().split()
            if first is None and not (len(head_words) > 1 and head_words[0] == "county"):
                continue
            s = toks[first].start if first is not None else m.start()
            if first is None:
                continue
            out.append(_res("AGENCY", s, m.end(), 0.82))
        for m in self.AGENCY_ES_RE.finditer(text):
            end = _walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 3)
            if end is not None:
                out.append(_res("AGENCY", m.start(), end, 0.82))
        for m in self.AGENCY_FIXED_RE.finditer(text):
            out.append(_res("AGENCY", m.start(), m.end(), 0.82))
        for t in toks:
            if (
                t.text in AGENCY_ACRONYMS
                or (t.text in ("ice", "Ice") and ctx.style != "normal")
                or (t.text == "ice" and not text[t.end : t.end + 6].startswith((" cream", " cold")))
            ):
                out.append(_res("AGENCY", t.start, t.end, 0.82))
        # places --------------------------------------------------------------------
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
                first = _walk_back(ctx, i, 4)
                if first is not None:
                    e = t.end + (
                        1 if nxt.startswith(".") and f in ("st", "rd", "dr", "ave", "blvd") else 0
                    )
                    out.append(_res("PLACE", toks[first].start, e, 0.8))
            elif f in FACILITY_WORDS:
                first = _walk_back(ctx, i, 4)
                end = t.end
                # "Mall of Georgia"
                if (
                    i + 2 < len(toks)
                    and toks[i + 1].f in ("of", "de", "del")
                    and ctx.is_cap(toks[i + 2])
                ):
                    end = toks[i + 2].end
                if first is not None:
                    out.append(_res("PLACE", toks[first].start, end, 0.8))
            elif f == "county" and t.text[0].isupper() or (f == "county" and ctx.style != "normal"):
                first = _walk_back(ctx, i, 2)
                if first is not None:
                    out.append(_res("PLACE", toks[first].start, t.end, 0.78))
            elif (
                f in US_STATES
                or t.text in STATE_CODES
                and ctx.style != "caps"
                and i > 0
                and ctx.gap(i).strip() in ("", ",")
            ):
                if t.text[0].isupper() or ctx.style != "normal":
                    out.append(_res("PLACE", t.start, t.end, 0.8))
            elif f in CHAINS and (t.text[0].isupper() or ctx.style != "normal"):
                out.append(_res("PLACE", t.start, t.end, 0.8))
        for chain in MULTIWORD_CHAINS:
            for m in re.finditer(rf"\b{re.escape(chain)}\b", ctx.folded):
                out.append(_res("PLACE", m.start(), m.end(), 0.8))
        for m in self.HWY_RE.finditer(text):
            out.append(_res("PLACE", m.start(), m.end(), 0.8))
        for m in self.ES_FACILITY_RE.finditer(text):
            end = _walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 3)
            if end is not None:
                out.append(_res("PLACE", m.start(), end, 0.8))
        for m in self.COUNTY_ES_RE.finditer(text):
            end = _walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 2)
            if end is not None:
                out.append(_res("PLACE", m.end(), end, 0.78))
        for m in self.PRECINCT_RE.finditer(text):
            if re.search(r"constable|precinct|precinto", m.group(), re.IGNORECASE):
                out.append(_res("AGENCY", m.start(), m.end(), 0.82))
        out.extend(gazetteer_places(ctx))
        if nlp_artifacts is not None:
            for ent in nlp_artifacts.entities:
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    s, e = _trim_entity(ctx, ent.start_char, ent.end_char)
                    if e > s and not _looks_like_person_only(ctx, s, e):
                        out.append(_res("PLACE", s, e, 0.5))
        # dates and times -------------------------------------------------------------
        for m in P.DATE_RE.finditer(text):
            g = m.group()
            if not re.search(r"\d", g):
                gf = fold(g)
                if gf in ("may", "mar", "march", "sept", "sep") and not g[0].isupper():
                    continue
                if (
                    gf in ("may", "june", "april", "august")
                    and m.end() < len(text)
                    and (text[m.end() : m.end() + 2].strip()[:1].isupper())
                ):
                    continue  # "April Smith"
            out.append(_res("DATE", m.start(), m.end(), 0.8))
        # badges ----------------------------------------------------------------------
        for m in re.finditer(r"(?<![\w-])" + P.BADGE_VALUE_RE.pattern, text):
            s, e = m.span()
            while s < e and text[s] in "# ":
                s += 1
            v = text[s:e]
            if len(P.digits(v)) > 6 or not v:
                continue
            before = P.window_before(ctx.folded, s, 28)
            if P.BADGE_STRONG_RE.search(before):
                if re.search(r"placas\W*$|plates?\W*$|tags?\W*$", before):
                    continue
                out.append(_res("BADGE", s, e, 0.9))
            elif P.BADGE_WEAK_RE.search(before) and _near_officer(ctx.folded, m.start(), 160):
                if re.search(
                    r"(?:phone|tel|cel|call|whatsapp|cuarto|room|apt)\W*(?:number|numero|#)?\W*$",
                    before,
                ):
                    continue
                out.append(_res("BADGE", s, e, 0.9))
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
            out.append(_res("PLACE", span_toks[0].start, span_toks[-1].end, score, why="gazetteer"))
        i = last + 1
    return out


def _before_vehicle(ctx: Ctx, k: int) -> bool:
    return k + 1 < len(ctx.toks) and ctx.toks[k + 1].f in VEHICLE_NOUNS and ctx.gap(k + 1) == " "


def _is_walk_word(ctx: Ctx, tok: Tok) -> bool:
    f = tok.f
    if f in FUNCTION_WORDS or f in OFFICER_NOUNS or f in KIN_NOUNS:
        return False
    if ctx.style == "normal":
        return tok.text[0].isupper() or tok.text[0].isdigit()
    return len(f) > 1


def _walk_back(ctx: Ctx, i: int, max_words: int) -> int | None:
    """Index of the first of up to max_words name-like tokens right before token i."""
    first = None
    j = i - 1
    while j >= 0 and i - j <= max_words:
        gap = ctx.text[ctx.toks[j].end : ctx.toks[j + 1].start]
        if gap.strip(" .'’-") or "\n" in gap:
            break
        if not _is_walk_word(ctx, ctx.toks[j]):
            break
        first = j
        j -= 1
    return first


def _walk_forward(ctx: Ctx, i: int, max_words: int) -> int | None:
    end = None
    j = i
    while j < len(ctx.toks) and j - i < max_words:
        if j > i:
            gap = ctx.gap(j)
            if gap.strip(" .-") or "\n" in gap:
                break
        tok = ctx.toks[j]
        if tok.f in FUNCTION_WORDS or not (_is_walk_word(ctx, tok) or tok.text[0].isupper()):
            break
        end = tok.end
        j += 1
    return end


def _trim_entity(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    i = ctx.index_at(s)
    j = ctx.index_at(e) - 1
    while i <= j and (
        ctx.toks[i].f in FUNCTION_WORDS
        or ctx.toks[i].f in OFFICER_NOUNS
        or ctx.toks[i].f in KIN_NOUNS
        or ctx.toks[i].f in HONORIFICS
    ):
        i += 1
    while j >= i and (ctx.toks[j].f in FUNCTION_WORDS):
        j -= 1
    if i > j:
        return s, s
    return ctx.toks[i].start, ctx.toks[j].end


def _looks_like_person_only(ctx: Ctx, s: int, e: int) -> bool:
    return False


# --------------------------------------------------------------------------------------
# People: private persons (redact) and officers (keep)
# --------------------------------------------------------------------------------------

SELF_INTRO = [
    ("my name is", "self"),
    ("my name's", "self"),
    ("my names", "self"),
    ("me llamo", "self"),
    ("mi nombre es", "self"),
    ("i am", "self_cap"),
    ("i'm", "self_cap"),
    ("im", "self_cap"),
    ("soy", "self_cap"),
    ("yo soy", "self_cap"),
    ("this is", "self_cap"),
    ("call me", "self"),
    ("me dicen", "self"),
    ("me llaman", "self"),
    ("known as", "self"),
    ("conocido como", "self"),
    ("conocida como", "self"),
    ("aka", "self"),
    ("alias", "self"),
    ("le dicen", "nick"),
    ("le decian", "nick"),
    ("le decia", "nick"),
    ("le dice", "nick"),
    ("le decimos", "nick"),
    ("les decian", "nick"),
    ("they called him", "nick"),
    ("they called her", "nick"),
    ("les dicen", "nick"),
    ("they call him", "nick"),
    ("they call her", "nick"),
    ("we call him", "nick"),
    ("we call her", "nick"),
    ("atentamente", "close"),
    ("sincerely", "close"),
    ("regards", "close"),
    ("quedo atenta", "close"),
    ("quedo atento", "close"),
    ("saludos", "close"),
    ("thank you", "close"),
    ("thanks", "close"),
    ("gracias", "close"),
    ("contact me", "close"),
    ("reach me", "close"),
    ("text me", "close"),
    ("firma", "close"),
    ("signed", "close"),
    ("att", "close"),
    ("here", "none"),
    ("named", "ante"),
    ("called", "ante_cap"),
    ("llamado", "ante"),
    ("llamada", "ante"),
    ("se llama", "ante"),
    ("se llamaba", "ante"),
    ("de nombre", "ante"),
    ("name is", "ante"),
    ("name was", "ante"),
    ("name's", "ante"),
    ("names", "ante_cap"),
    ("name:", "ante"),
    ("nombre es", "ante"),
    ("nombre era", "ante"),
    ("identified as", "ante"),
    ("tag said", "ante"),
    ("tape said", "ante"),
    ("tag says", "ante"),
    ("tag read", "ante"),
    ("plate said", "ante"),
    ("it said", "ante_cap"),
    ("decia", "ante_cap"),
    ("apellido", "ante"),
    ("apellido es", "ante"),
    ("was", "ante_cap"),
    ("era", "ante_cap"),
]
_INTRO: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _k, _v in sorted(SELF_INTRO, key=lambda kv: -len(kv[0].split())):
    _key = tuple(_k.replace(":", "").split())
    _INTRO.setdefault(_key[0], []).append((_key, _v))
CLOSED_CLASS_POS = frozenset(["AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART"])
NOT_NAME_POS = frozenset(
    ["VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "DET", "PRON", "NUM", "PART", "INTJ"]
)
OTHER_WORDS = words("another other otro otra otros otras")
KIN_ADJ_NOUNS = words("chiquito chiquita pequeno pequena menor mayor chiquitin bebe")
OBJECT_VERBS_EN = words(
    """handcuffed cuffed arrested detained deported grabbed tased tackled punched pushed
    searched frisked released questioned interrogated picked pulled beat slapped choked
    kicked shoved threatened followed"""
)
OBJECT_VERBS_ES = words(
    """detuvieron detuvo agarraron agarro arrestaron arresto pararon paro deportaron deporto
    esposaron golpearon golpeo soltaron solto encerraron encerro llevaron levantaron
    interrogaron revisaron empujaron amenazaron trataron"""
)
CLITICS = words("lo la los las me nos te le les")
GENERIC_PEOPLE = words(
    """someone somebody anyone alguien person persona man woman guy lady senor senora muchacho
    muchacha joven hombre mujer chavo chava inmate detainee preso presa reo companero companera
    boy girl kid nino nina senorita gentleman tipo"""
)
HONORIFIC_CUES = words("mr mrs ms miss sr sra srta don dona dr lic licenciada licenciado")
POSSESSIVES = words(
    """my mi mis our his her their su sus nuestro nuestra nuestros nuestras the la el a an un una
    your tu tus this esta este that esa ese whose cuyo cuya"""
)


class PeopleRecognizer(_Base):
    """Names of private people (PERSON, redacted) and of officers in their role (OFFICER, kept)."""

    ENTITIES = ("PERSON", "OFFICER")

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = _ctx(text, nlp_artifacts)
        toks = ctx.toks
        n = len(toks)
        fn = first_names()
        out: list[RecognizerResult] = []
        resolved: set[int] = set()  # role-noun token indices followed by their own name
        pos_of: dict[int, str] = {}
        if nlp_artifacts is not None and nlp_artifacts.tokens is not None:
            pos_of = {tk.idx: tk.pos_ for tk in nlp_artifacts.tokens}
        intro_starts: set[int] = set()

        def name_word(k: int, lower_ok: bool) -> bool:
            t = toks[k]
            f = t.f
            if f in NOT_NAME or f in OFFICER_TITLES or f in KIN_NOUNS or f in FUNCTION_WORDS:
                return False
            if f in STREET_SUFFIXES or f in FACILITY_WORDS:
                return False
            if t.text[0].isupper():
                return not (ctx.style != "caps" and t.text.isupper() and len(t.text) > 1)
            if not lower_ok:
                return False
            if len(f) < 2:
                return False
            pos = pos_of.get(t.start)
            # the Spanish model knows Spanish verbs; the English one mis-tags Spanish names
            bad_pos = NOT_NAME_POS if self.supported_language == "es" else CLOSED_CLASS_POS
            if pos in bad_pos or (pos in ("ADJ", "VERB", "ADV", "NUM") and f not in fn):
                return False  # "mi papá tiene", "su abogado durante"
            return f in fn or pos is None or pos in ("PROPN", "NOUN", "X")

        def take(k: int, lower_first: bool, max_tokens: int = 4) -> tuple[int, int] | None:
            """Name starting at token k: returns (first, last) token indices."""
            if k >= n:
                return None
            # initial like "T. Haskins"
            if (
                len(toks[k].text) == 1
                and toks[k].text.isupper()
                and text[toks[k].end : toks[k].end + 1] == "."
                and k + 1 < n
                and name_word(k + 1, False)
            ):
                last = take(k + 1, False, max_tokens - 1)
                return (k, last[1]) if last else None
            if not name_word(k, lower_first):
                return None
            last = k
            j = k + 1
            while j < n and j - k < max_tokens:
                gap = ctx.gap(j)
                if gap not in (" ", "-") and gap.strip():
                    break
                if "\n" in gap:
                    break
                if (
                    toks[j].f in NAME_CONNECTORS
                    and j + 1 < n
                    and toks[j + 1].text[0].isupper()
                    and (name_word(j + 1, False))
                    and toks[j + 1].f not in US_STATES
                ):
                    last = j + 1
                    j += 2
                    continue
                lower_next = (
                    (ctx.style == "lower" or lower_first)
                    and not toks[last].text[0].isupper()
                    and toks[j].f in fn
                )
                if name_word(j, lower_next) and (toks[j].text[0].isupper() or lower_next):
                    if toks[j].f in ("county", "sheriff", "pd"):
                        break
                    last = j
                    j += 1
                    continue
                break
            # "Mario Jr."
            if last + 1 < n and toks[last + 1].f in ("jr", "sr") and ctx.gap(last + 1) == " ":
                last += 1
            # a name followed by "County", "Hwy", "Jail"... is a place
            if (
                last + 1 < n
                and (
                    toks[last + 1].f in STREET_SUFFIXES
                    or toks[last + 1].f in FACILITY_WORDS
                    or toks[last + 1].f in ("county", "sheriff", "pd", "police", "highway")
                )
                and ctx.gap(last + 1) == " "
            ):
                conn = [q for q in range(k + 1, last) if toks[q].f in NAME_CONNECTORS]
                if not conn:
                    return None
                last = conn[0] - 1
            return (k, last)

        def lower_ok_for(k: int) -> bool:
            if k >= n:
                return False
            if ctx.style != "normal":
                return True
            return toks[k].f in fn and toks[k].f not in AMBIGUOUS_NAMES

        def emit(span: tuple[int, int], label: str, score: float, why: str):
            s, e = toks[span[0]].start, toks[span[1]].end
            if text[e : e + 1] == "." and toks[span[1]].f in ("jr", "sr"):
                e += 1
            out.append(_res(label, s, e, score, why=why))

        def skip_fillers(k: int) -> int:
            """Skip ', is/es, don/doña/la licenciada' between a cue and a name."""
            while k < n and (
                toks[k].f in HONORIFICS
                or toks[k].f in ("is", "es", "was", "era", "named", "llamado", "llamada")
                or (toks[k].f in ("la", "el") and k + 1 < n and toks[k + 1].f in HONORIFICS)
            ):
                k += 1
            return k

        def antecedent(k: int) -> str:
            """'OFFICER' or 'PERSON': the nearest unresolved role noun before token k."""
            if k > 0 and toks[k - 1].f in GENERIC_PEOPLE:
                return "PERSON"
            saw_other = False
            for j in range(k - 1, max(-1, k - 90), -1):
                f = toks[j].f
                if f in OTHER_WORDS:
                    saw_other = True
                if j in resolved:
                    # "officer Blackwell and another one named Stokes"
                    if saw_other and f in OFFICER_NOUNS:
                        return "OFFICER"
                    if saw_other and f in KIN_NOUNS:
                        return "PERSON"
                    continue
                if f in OFFICER_NOUNS:
                    if f == "sheriff" and (
                        (j > 0 and toks[j - 1].f in ("county", "condado", "del", "de", "the", "el"))
                        or (
                            j + 1 < n
                            and toks[j + 1].f in ("office", "department", "de", "del", "dept")
                        )
                    ):
                        continue
                    return "OFFICER"
                if f in KIN_NOUNS and f not in GENERIC_PEOPLE:
                    return "PERSON"
                if f in ("i", "yo") and j + 1 < n and toks[j + 1].f in ("am", "soy"):
                    return "PERSON"
            return "PERSON"

        # 1. officer titles: "Deputy Ramsey", "el oficial Smith", "Sgt. OKAFOR", "trooper name X"
        for i, t in enumerate(toks):
            if t.f not in OFFICER_TITLES:
                continue
            # "sheriff de Harris" is an agency, "Sheriff Gonzalez" a person in office
            if t.f == "sheriff" and i + 1 < n and toks[i + 1].f in ("de", "del"):
                continue
            k = i + 1
            explicit = False
            fillers = 0
            while k < n and fillers < 5:
                f = toks[k].f
                if f in (
                    "name",
                    "nombre",
                    "named",
                    "llamado",
                    "llamada",
                    "tag",
                    "tape",
                    "said",
                    "says",
                    "read",
                    "was",
                    "is",
                    "era",
                    "es",
                    "se",
                    "llamaba",
                    "llama",
                    "de",
                    "identified",
                    "as",
                    "apellido",
                    "at",
                    "booking",
                    "a",
                    "an",
                    "un",
                    "una",
                    "woman",
                    "man",
                    "lady",
                    "guy",
                    "mujer",
                    "hombre",
                    "female",
                    "male",
                    "senora",
                    "senor",
                ):
                    explicit = explicit or f in (
                        "name",
                        "named",
                        "llamado",
                        "llamada",
                        "llamaba",
                        "llama",
                        "said",
                        "was",
                        "era",
                        "identified",
                        "apellido",
                    )
                    k += 1
                    fillers += 1
                    continue
                break
            if fillers and not explicit:
                continue
            allowed_gap = ("", ",", "(", ":", "'", '"', "“", "‘")
            if k == i + 1 and text[t.end : t.end + 1] == ".":
                allowed_gap = (".", ".,", ".:")  # "Lt. Voss", "Sgt. Ortiz"
            if k < n and ctx.gap(k).strip() not in allowed_gap:
                continue
            span = take(k, explicit and ctx.style != "normal" or lower_ok_for(k), 3)
            if span:
                resolved.add(i)
                emit(span, "OFFICER", 0.9, "title")

        # 2. relatives and other private people: "my husband Miguel", "mi hermano Eloy"
        for i, t in enumerate(toks):
            is_kin = t.f in KIN_NOUNS
            # "my 15 year old Cruz", "el más chiquito Jesusito"
            if (
                (
                    t.f in ("old", "year-old", "yr-old")
                    and i > 0
                    and toks[i - 1].f
                    in (
                        "year",
                        "years",
                        "yr",
                        "yrs",
                        "year-old",
                    )
                )
                or t.f in KIN_ADJ_NOUNS
                and i > 0
                and toks[i - 1].f in ("mas", "el", "la")
            ):
                is_kin = True
            if not is_kin:
                continue
            j = i - 1
            while j >= 0 and (toks[j].f in KIN_ADJECTIVES or toks[j].f in ("year", "years")):
                j -= 1
            if (j < 0 or toks[j].f not in POSSESSIVES) and not (
                t.text[0].isupper() and t.f in ("don", "dona")
            ):
                continue
            k = i + 1
            # "my son's friend" / "compañero de celda" / "brother-in-law"
            if (
                k < n
                and toks[k].f in ("de",)
                and k + 1 < n
                and toks[k + 1].f in ("celda", "trabajo", "cuarto", "casa")
            ):
                k += 2
            # "my sister in law Mercedes"
            if k + 1 < n and toks[k].f == "in" and toks[k + 1].f == "law":
                k += 2
            if k < n and ctx.gap(k).strip() not in ("", ","):
                continue
            k = skip_fillers(k)
            # "mi compa el Güero", "su novio el Flaco", "mi amiga la Lupe"
            if (
                k + 1 < n
                and toks[k].f in ("el", "la")
                and ctx.gap(k + 1) == " "
                and (toks[k + 1].text[0].isupper() or ctx.style != "normal")
                and toks[k + 1].f not in KIN_ADJ_NOUNS
            ):
                k += 1
            if k < n and ctx.gap(k).strip() not in ("", ",", "(", "'", '"'):
                continue
            span = take(k, lower_ok_for(k))
            if span:
                resolved.add(i)
                emit(span, "PERSON", 0.7, "kin")

        # 3. introductions, naming constructions and sign-offs
        for i in range(n):
            for key, kind in _INTRO.get(toks[i].f, ()):
                if i + len(key) > n:
                    continue
                if tuple(toks[i + q].f for q in range(len(key))) != key:
                    continue
                if any(ctx.gap(i + q).strip() not in ("",) for q in range(1, len(key))):
                    continue
                k = i + len(key)
                if k >= n:
                    break
                gap = ctx.gap(k)
                if gap.strip() not in ("", ",", ":", "(", "'", '"', "“", "‘", "-"):
                    break
                if kind == "none":  # "Lupe here" handled below
                    break
                k = skip_fillers(k) if kind != "ante_cap" else k
                if kind in ("self_cap", "close", "ante_cap"):
                    lower = False
                    if kind == "close" and gap.strip() != ",":
                        break
                else:
                    lower = ctx.style != "normal" or toks[k].f in fn
                span = take(k, lower) if k < n else None
                if not span:
                    break
                if (
                    kind in ("self_cap", "close", "ante_cap")
                    and toks[span[0]].f not in fn
                    and (span[0] == span[1])
                    and kind != "close"
                ):
                    # "I am Hispanic": one unknown capitalised word is not enough
                    if ctx.style == "caps" or toks[span[0]].f in NOT_NAME:
                        break
                    # "was Colby": trust only when the antecedent is an officer
                    if (
                        kind == "ante_cap"
                        and toks[span[0]].f not in fn
                        and (antecedent(i) != "OFFICER")
                    ):
                        break
                if toks[span[0]].start in intro_starts:
                    break
                if kind.startswith("ante") or kind == "nick":
                    label = antecedent(i)
                    emit(span, label, 0.9 if label == "OFFICER" else 0.7, "named")
                else:
                    emit(span, "PERSON", 0.7, kind)
                intro_starts.add(toks[span[0]].start)
                break

        # "Lupe here", "- Mark 817...", "Oscar Benitez 361 555 0107"
        for i, t in enumerate(toks):
            if t.f == "here" and i > 0 and ctx.gap(i) == " ":
                j = i - 1
                while j > 0 and ctx.gap(j) == " " and name_word(j - 1, False) and i - j < 3:
                    j -= 1
                before = text[max(0, toks[j].start - 4) : toks[j].start]
                if name_word(j, False) and (j == 0 or re.search(r"(^|[.!?,\n(]\s*)$", before)):
                    emit((j, i - 1), "PERSON", 0.7, "here")
        for m in re.finditer(
            r"(?:^|[-–—]\s*|[.!?]\s+|\n\s*)((?:[A-ZÁÉÍÓÚÑ][\w'’-]+\s?){1,4})[,\s]*"
            r"(?=\(?\+?\d[\d\s().-]{6,}\d|[\w.+-]+@)",
            text,
        ):
            k = ctx.index_at(m.start(1))
            span = take(k, False)
            if span:
                emit(span, "PERSON", 0.7, "signoff")
        # a name in parentheses right after a name: "Ignacio Villarreal ('Nacho')",
        # "mi hijo Chuy (Jesús Ramírez)"
        for m in re.finditer(
            r"\(\s*['\"‘“]?([A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+){0,3})['\"’”]?\s*\)",
            text,
        ):
            k = ctx.index_at(m.start(1))
            if not (k > 0 and toks[k - 1].end >= m.start() - 3 and name_word(k - 1, False)):
                continue
            k1 = ctx.index_at(m.end(1)) - 1
            group = toks[k : k1 + 1]
            if not group or any(
                tk.f in OFFICER_TITLES
                or tk.f in STREET_SUFFIXES
                or tk.f in FACILITY_WORDS
                or tk.f in US_STATES
                or tk.text in AGENCY_ACRONYMS
                or (tk.text.isupper() and len(tk.text) > 1)
                for tk in group
            ):
                continue
            gz_single, gz_multi = places()
            gfold = tuple(tk.f for tk in group)
            if (len(gfold) == 1 and gfold[0] in gz_single) or gfold in gz_multi.get(gfold[0], ()):
                continue  # "Miguel (Houston)"
            span = (k, k1)
            q = k - 1
            while q > 0 and name_word(q - 1, False) and ctx.gap(q).strip() == "":
                q -= 1
            officer = q > 0 and (
                toks[q - 1].f in OFFICER_TITLES
                or (q > 1 and toks[q - 2].f in OFFICER_TITLES and text[toks[q - 2].end] == ".")
            )
            emit(span, "OFFICER" if officer else "PERSON", 0.9 if officer else 0.7, "nickname")

        # people as the object of what officers do to them: "handcuffed Santos",
        # "detuvieron a Benito" ("lo llevaron a Stewart" is a place: see the gazetteer)
        for i, t in enumerate(toks):
            k = None
            if t.f in OBJECT_VERBS_EN:
                k = i + 1
                if k < n and toks[k].f in ("up", "over") and t.f in ("picked", "pulled"):
                    k += 1
            elif (
                t.f in OBJECT_VERBS_ES
                and i + 2 < n
                and toks[i + 1].f == "a"
                and not (i > 0 and toks[i - 1].f in CLITICS)
            ):
                k = i + 2
            if k is None or k >= n or ctx.gap(k).strip() not in ("", ","):
                continue
            if not toks[k].text[0].isupper():
                continue
            span = take(k, False)
            if span:
                emit(span, "PERSON", 0.6, "object")

        # 4. honorifics: "Mr. Ajcá", "Ms. Pineda", "doña Chayo"
        for i, t in enumerate(toks):
            if t.f in HONORIFIC_CUES and (
                t.f in ("don", "dona", "lic", "licenciada", "licenciado")
                or text[t.end : t.end + 1] == "."
            ):
                span = take(i + 1, ctx.style != "normal")
                if span:
                    emit(span, "PERSON", 0.7, "honorific")

        # 5. first names from the name list, with following surnames
        i = 0
        while i < n:
            t = toks[i]
            if (
                t.text[0].isupper()
                and t.f in fn
                and t.f not in NOT_NAME
                and (ctx.style != "caps" or False)
            ):
                span = take(i, False)
                if span:
                    single = span[0] == span[1]
                    prev = toks[i - 1].f if i > 0 else ""
                    ok = True
                    if single and t.f in AMBIGUOUS_NAMES:
                        ok = False
                    if prev in LOCATION_PREPS and i > 0 and ctx.gap(i) == " ":
                        ok = False
                    if single and _before_vehicle(ctx, span[1]):
                        ok = False  # "my old Mercedes van"
                    if (
                        single
                        and self.supported_language == "es"
                        and pos_of.get(t.start) in NOT_NAME_POS
                    ):
                        ok = False  # "Tiene", "Durante", "Salí" at the start of a sentence
                    if (
                        i > 1
                        and prev in ("la", "el")
                        and toks[i - 2].f in ("en", "por")
                        and ctx.gap(i) == " "
                    ):
                        ok = False  # "en la Dale Mabry": a road
                    if ok:
                        emit(span, "PERSON", 0.55, "firstname")
                    i = span[1] + 1
                    continue
            i += 1

        # "her kids Dulce and Angelito": a name coordinated with a cued name
        cued = [
            r
            for r in out
            if r.entity_type == "PERSON"
            and (r.recognition_metadata or {}).get("why")
            in ("kin", "self", "object", "named", "nickname", "honorific", "nick")
        ]
        for r in cued:
            k = ctx.index_at(r.end)
            if k + 1 >= n or toks[k].f not in ("and", "y", "e", "&") or ctx.gap(k).strip():
                continue
            if ctx.gap(k + 1).strip():
                continue
            lower = ctx.style != "normal" or (
                toks[k + 1].f in fn and toks[k + 1].f not in AMBIGUOUS_NAMES
            )
            span = take(k + 1, lower)
            if span and not _before_vehicle(ctx, span[1]):
                emit(span, "PERSON", 0.7, "coord")

        # 6. the spaCy parse
        if nlp_artifacts is not None:
            for ent in nlp_artifacts.entities:
                if ent.label_ not in ("PERSON", "PER"):
                    continue
                s, e = _trim_entity(ctx, ent.start_char, ent.end_char)
                if e <= s or re.search(r"[\d@#]", text[s:e]):
                    continue
                k0, k1 = ctx.index_at(s), ctx.index_at(e) - 1
                if k1 < k0:
                    continue
                span_toks = toks[k0 : k1 + 1]
                if any(
                    tk.f in NOT_NAME or tk.f in STREET_SUFFIXES or tk.f in FACILITY_WORDS
                    for tk in span_toks
                ):
                    # keep the leading run of name words only
                    good = []
                    for tk in span_toks:
                        if tk.f in NOT_NAME or tk.f in STREET_SUFFIXES or tk.f in FACILITY_WORDS:
                            break
                        good.append(tk)
                    if (
                        not good
                        or len(good) < len(span_toks)
                        and span_toks[len(good)].f
                        in (
                            STREET_SUFFIXES | FACILITY_WORDS | {"county", "sheriff", "pd", "police"}
                        )
                    ):
                        continue
                    span_toks = good
                if ctx.style == "normal" and not any(tk.text[0].isupper() for tk in span_toks):
                    continue
                if ctx.style == "normal" and all(
                    tk.text.isupper() and len(tk.text) > 1 for tk in span_toks
                ):
                    continue
                if len(span_toks) == 1 and span_toks[0].f in AMBIGUOUS_NAMES:
                    continue
                # lower-case text: the small models tag ordinary words ("booking") as names
                if not span_toks[0].text[0].isupper() and span_toks[0].f not in fn:
                    continue
                if any(
                    pos_of.get(tk.start) in NOT_NAME_POS and not tk.text[0].isupper()
                    for tk in span_toks
                ):
                    continue
                k0 = ctx.index_at(span_toks[0].start)
                if k0 > 0 and toks[k0 - 1].f in LOCATION_PREPS and ctx.gap(k0) == " ":
                    continue
                if (
                    k0 > 0
                    and toks[k0 - 1].f in ("la", "el")
                    and k0 > 1
                    and toks[k0 - 2].f in ("en", "por", "de")
                ):
                    continue  # "en la Dale Mabry": a road
                head = text[max(0, span_toks[0].start - 4) : span_toks[0].start]
                sent_start = k0 == 0 or bool(re.search(r"[.!?:\n]\s*['\"“]?$", head))
                if len(span_toks) == 1 and sent_start and span_toks[0].f not in fn:
                    continue
                out.append(_res("PERSON", span_toks[0].start, span_toks[-1].end, 0.45, why="ner"))
        return out
