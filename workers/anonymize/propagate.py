"""A name found once is removed everywhere in the text.

The text is one report, or a report and its conversation (workers/tasks.py `redact_reply`
anonymizes the narrative, the earlier replies and the new reply as one text), so a person named
in the narrative is also removed from the replies and the other way round.

Every part of a name found anywhere (first name, surnames, the nicknames of the nickname table
in both directions, "chuys" for "Chuy's") is removed wherever it appears; a mention is then
widened over the name words around it, so a full name that extends a first name found earlier
("Carlos" ... "Carlos alberto Mendoza Ruiz") goes whole. Recall first: a word that names both an
officer and a private person is redacted where it appears without a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .demonyms import is_country_word
from .known import name_variants
from .lexicon import (
    AGENCY_ACRONYMS,
    AMBIGUOUS_NAMES,
    FACILITY_WORDS,
    HONORIFICS,
    KIN_NOUNS,
    NOT_NAME,
    OFFICER_TITLES,
    STREET_SUFFIXES,
    VEHICLE_NOUNS,
    everyday_word,
    first_names,
    fold,
    name_like_word,
    places,
    very_common,
    words,
    zipf,
)
from .recognizers import FUNCTION_WORDS, Ctx
from .recognizers.names import PERSON_CONNECTORS
from .spans import GUESSED_WHY, Span, covered

ARTICLES = words("la el una un the a an en de con sin in of with por para no any some mi my su")
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]")
# parts of speech a lower-case word next to a name cannot have and still be a surname
NOT_SURNAME_POS = frozenset(
    ["VERB", "AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART", "ADV", "NUM", "INTJ"]
)
CLOSED_POS = frozenset(["AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART"])
CAMEL_RE = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+|[a-záéíóúñü]+")
# Never a part of a name found elsewhere: "dos" of "João dos Santos" is no name ("dos horas").
NOT_A_PART = FUNCTION_WORDS | NOT_NAME | PERSON_CONNECTORS
HASHTAG_RE = re.compile(r"#([^\W_][\w]*)")


@dataclass(frozen=True)
class Mentions:
    """The name words of one text: private persons' (word -> cluster) and officers'."""

    persons: dict[str, str]
    officers: frozenset[str]
    firsts: frozenset[str]  # first words of persons' names


def collect(text: str, spans: list[Span]) -> Mentions:
    persons: dict[str, str] = {}
    officers: set[str] = set()
    firsts: set[str] = set()
    for s in spans:
        if s.label not in ("PERSON", "OFFICER"):
            continue
        value = text[s.start : s.end]
        if s.label == "OFFICER":
            officers.update(_parts(value))
            continue
        key = s.cluster or f"@{s.start}"  # placeholders: the same person as this span
        first = WORD_RE.search(value)
        if first:
            firsts.add(fold(first.group()))
        for w in _parts(value) | {v for v in name_variants(value) if " " not in v}:
            if len(w) >= 3 and w not in NOT_A_PART:
                persons.setdefault(w, key)
    return Mentions(persons, frozenset(officers), frozenset(firsts))


def _parts(value: str) -> set[str]:
    out = set()
    for m in WORD_RE.finditer(value):
        w = fold(m.group())
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if len(w) >= 3 and w not in NOT_A_PART:
            out.add(w)
    return out


def _ordinary_use(ctx: Ctx, idx: int, language: str) -> bool:
    """A repeat of a name word used as an ordinary word: "la luz de la placa", "I hope"."""
    tok = ctx.toks[idx]
    if tok.text[0].isupper() or ctx.style != "normal" and tok.f not in AMBIGUOUS_NAMES:
        return False
    prev = ctx.toks[idx - 1].f if idx > 0 else ""
    if tok.f in AMBIGUOUS_NAMES and (prev in ARTICLES or ctx.style == "normal"):
        return True  # "santos días", "dolores de cabeza" in a text that capitalises names
    return everyday_word(tok.f, language)


def _before_vehicle(ctx: Ctx, idx: int) -> bool:
    nxt = ctx.toks[idx + 1] if idx + 1 < len(ctx.toks) else None
    return nxt is not None and nxt.f in VEHICLE_NOUNS and ctx.gap(idx + 1) == " "


def _match(m: Mentions, w: str, language: str) -> str | None:
    if w in m.persons or w in m.officers:
        return w
    # possessive without an apostrophe: "chuys plate"
    if w.endswith("s") and len(w) > 4 and w[:-1] in m.persons and zipf(w, language) < 3.5:
        return w[:-1]
    # a short form of a long first name: "Dago" for Dagoberto, "Guille" for Guillermo
    if len(w) >= 4 and not very_common(w, language):
        for p in m.firsts:
            if len(p) >= len(w) + 3 and p.startswith(w) and p in m.persons:
                return p
    return None


def propagate(text: str, ctx: Ctx, spans: list[Span], language: str, pos_of: dict) -> list[Span]:
    """Spans plus every other mention of the names in them, each widened to the full name."""
    m = collect(text, spans)
    added: list[Span] = []
    for idx, tok in enumerate(ctx.toks):
        w = _match(m, tok.f, language)
        if w is None or covered(spans, tok.start, tok.end) or covered(added, tok.start, tok.end):
            continue
        if _ordinary_use(ctx, idx, language) or (w == tok.f and _before_vehicle(ctx, idx)):
            continue  # "my old Mercedes van"; but "chuys truck" is Chuy's
        if w in m.persons:
            added.append(Span(tok.start, tok.end, "PERSON", 0.7, "propagated", m.persons[w]))
        elif _after_a_first_name(ctx, idx):
            # "el oficial Ruiz ... Le escribe Amparo Ruiz": another person with his surname
            added.append(Span(tok.start, tok.end, "PERSON", 0.7, "propagated"))
        else:
            added.append(Span(tok.start, tok.end, "OFFICER", 0.9, "propagated"))
    added.extend(hashtags(text, spans, m))
    added.extend(initials(text, spans + added))
    keeps = [s for s in spans if s.action == "keep"]
    out = []
    for s in spans + added:
        if s.label == "PERSON" and s.why in GUESSED_WHY:
            s = _without_title(ctx, s)
        if s.label == "PERSON" and s.why != "conservative":
            s = widen(ctx, s, keeps, m, language, pos_of)
        out.append(s)
    return sorted(out, key=lambda s: s.start)


def _without_title(ctx: Ctx, s: Span) -> Span:
    """A guessed name that starts with an honorific ("Sra Gómez", "Sr. Ruiz" from the
    tagger): the title is no identifier, the name after it is."""
    i, j = ctx.index_at(s.start), ctx.index_at(s.end) - 1
    toks = ctx.toks
    if i >= j or i >= len(toks) or toks[i].f.rstrip(".") not in HONORIFICS:
        return s
    if toks[i].f.rstrip(".") in first_names():
        return s  # "Pastor" may be someone's first name before a surname
    return replace(s, start=toks[i + 1].start)


def _after_a_first_name(ctx: Ctx, idx: int) -> bool:
    """Is token idx right after a capitalised first name that is no role word?"""
    if idx == 0 or ctx.gap(idx) != " ":
        return False
    prev = ctx.toks[idx - 1]
    return (
        prev.text[0].isupper()
        and prev.f in first_names()
        and prev.f not in OFFICER_TITLES
        and prev.f not in NOT_NAME
        and not _sentence_start(ctx, idx - 1)
    )


def hashtags(text: str, spans: list[Span], m: Mentions) -> list[Span]:
    """#FreeMinh, #JusticiaParaChuy: a hashtag with a name in it is removed whole."""
    fn = first_names()
    out = []
    for h in HASHTAG_RE.finditer(text):
        if covered(spans, h.start(1), h.end(1)):
            continue
        parts = [fold(p) for p in CAMEL_RE.findall(h.group(1))]
        named = [
            p
            for p in parts
            if p in m.persons or (p in fn and p not in AMBIGUOUS_NAMES and p not in NOT_NAME)
        ]
        if named and any(len(p) >= 3 for p in named):
            out.append(Span(h.start(), h.end(), "PERSON", 0.7, "hashtag"))
    return out


INITIALS_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,5}|(?<![\w.])[A-Z]{2,4}(?![\w.])")


def initials(text: str, spans: list[Span]) -> list[Span]:
    """ "C.A.M.R.", "CM": the initials of a full name found in the text."""
    wanted: set[str] = set()
    for s in spans:
        if s.label == "PERSON":
            parts = [
                p
                for p in WORD_RE.findall(text[s.start : s.end])
                if fold(p) not in PERSON_CONNECTORS
            ]
            if len(parts) >= 2:
                letters = "".join(p[0].upper() for p in parts)
                wanted.update({letters, letters[:2]})
    out = []
    for mt in INITIALS_RE.finditer(text):
        letters = re.sub(r"[^A-Z]", "", mt.group())
        if (
            letters in wanted
            and mt.group() not in AGENCY_ACRONYMS
            and not covered(spans, *mt.span())
        ):
            end = mt.start() + len(mt.group().rstrip())
            out.append(Span(mt.start(), end, "PERSON", 0.7, "initials"))
    return out


def _never_name_part(f: str, text: str) -> bool:
    """A word (folded `f`, as written `text`) that is never part of a person's name: a word
    that is not a name, a title ("la Sra Gómez": the title is no part of the name), a kin noun,
    a street or facility word, an agency's acronym."""
    return (
        f in NOT_NAME
        or f in FUNCTION_WORDS
        or f in OFFICER_TITLES
        or f in KIN_NOUNS
        or f in HONORIFICS
        or f.rstrip(".") in HONORIFICS
        or f in STREET_SUFFIXES
        or f in FACILITY_WORDS
        or text in AGENCY_ACRONYMS
    )


def _name_like(ctx: Ctx, idx: int, m: Mentions, language: str, pos_of: dict) -> bool:
    """May token idx, next to a person's name, be part of that name?"""
    tok = ctx.toks[idx]
    f = tok.f
    if _never_name_part(f, tok.text):
        return False
    if f in m.persons:
        return True
    if tok.text[0].isupper():
        return ctx.style == "caps" or not (tok.text.isupper() and len(tok.text) > 1)
    if everyday_word(f, language) or very_common(f, language) and f not in first_names():
        return False
    written = tok.text.lower()  # "abrió": the accent tells the verb from a rare word
    if max(zipf(f, language), zipf(written, language)) < 3.0 and pos_of.get(tok.start) not in (
        CLOSED_POS
    ):
        return True  # a rare word after a name: a surname the tagger took for a verb
    if unseen_word(f):
        return True  # "marvin ajanel cux": no closed-class word is unseen in both languages
    if pos_of.get(tok.start) in NOT_SURNAME_POS:
        return False
    return f in first_names() or pos_of.get(tok.start) in (None, "PROPN", "NOUN", "X", "ADJ")


class _Widening:
    """The token tests `widen` needs, for one person's span."""

    def __init__(self, ctx: Ctx, keeps: list[Span], m: Mentions, language: str, pos_of: dict):
        self.ctx, self.toks, self.keeps, self.m = ctx, ctx.toks, keeps, m
        self.language, self.pos_of = language, pos_of
        self.lower_ok = False
        self.full_name = False  # the span already has two name words or more
        self.took_place = False
        self.two_words = False  # the span as found has two words or more

    def joinable(self, q: int, gap_at: int) -> bool:
        tok = self.toks[q]
        if self.ctx.gap(gap_at) not in (" ", "-") or covered(self.keeps, tok.start, tok.end):
            return False
        # after a capitalised name, a lower-case word only when it is a first name or tagged
        # as a proper noun
        if (
            not tok.text[0].isupper()
            and not self.lower_ok
            and tok.f not in self.m.persons
            and tok.f not in first_names()
            and self.pos_of.get(tok.start) != "PROPN"
        ):
            return False
        return _name_like(self.ctx, q, self.m, self.language, self.pos_of)

    def after_connectors(self, q: int) -> int | None:
        """ "de la Cruz", "del Valle", and in lower-case text "de la roma": the name word after
        the connectors that start at q, or None."""
        toks, c = self.toks, q
        while (
            c < len(toks)
            and c - q < 2
            and toks[c].f in PERSON_CONNECTORS
            and self.ctx.gap(c) == " "
        ):
            c += 1
        if c == q or c >= len(toks) or toks[c].f in PERSON_CONNECTORS:
            return None
        if not (toks[c].text[0].isupper() or self.lower_ok):
            return None
        if self.joinable(c, c):
            return c
        if self.took_place or not self._surname_place(c):
            return None
        self.took_place = True  # one: "Amparo Ruiz de León de Smyrna" is from Smyrna
        return c

    def _surname_place(self, c: int) -> bool:
        """ "Amparo Ruiz de León": after a full name and "de", a one-word place from the
        gazetteer is the second surname (recall first: "de Monterrey" is lost as a place)."""
        tok = self.toks[c]
        place = [k for k in self.keeps if k.start <= tok.start and tok.end <= k.end]
        return (
            self.full_name
            and tok.text[0].isupper()
            and bool(place)
            and all(
                k.why == "gazetteer" and (k.start, k.end) == (tok.start, tok.end) for k in place
            )
            and (tok.f in first_names() or name_like_word(tok.f))
            and not is_country_word(tok.f)  # "Pedro Pérez de Honduras" is from there
            and _name_like(self.ctx, c, self.m, self.language, self.pos_of)
        )

    def last_after(self, j: int) -> int:
        end_j = j
        while end_j + 1 < len(self.toks) and end_j - j < 4:
            c = self.after_connectors(end_j + 1)
            if c is not None and self.took_place:
                return c  # the second surname ends the name: "Ruiz de León | de Smyrna"
            if c is not None:
                end_j = c
            elif self.joinable(end_j + 1, end_j + 1):
                end_j += 1
            elif self.after_abbreviation(end_j):
                end_j += 1  # "Jose Ma. | Santos"
            elif (
                end_j + 2 < len(self.toks)
                and self.abbreviated_given(end_j + 1, end_j + 2)
                and self.ctx.gap(end_j + 1) == " "
                and self.after_abbreviation(end_j + 1)
            ):
                end_j += 2  # "Jose | Ma. Santos"
            elif self.bridged(end_j + 1):
                end_j += 2
            else:
                break
        return end_j

    def bridged(self, q: int) -> bool:
        """Text without capitals: a word between two name words belongs to the name ("phillip
        blanco harmon", "uriel guardia pacheco"), if the word after it reads as a surname."""
        toks = self.toks
        if self.ctx.style == "normal" or q + 1 >= len(toks) or not self.lower_ok:
            return False
        word, after = toks[q], toks[q + 1]
        if self.ctx.gap(q) != " " or self.ctx.gap(q + 1) != " " or len(word.f) < 3:
            return False
        if word.f in FUNCTION_WORDS or word.f in NOT_NAME or word.f in OFFICER_TITLES:
            return False
        if self.pos_of.get(word.start) in NOT_SURNAME_POS:
            return False  # "a deputy who called himself X took Y": a verb between two names
        strong = after.f in self.m.persons or name_like_word(after.f)
        return strong and not everyday_word(after.f, self.language) and self.joinable(q + 1, q + 1)

    def first_before(self, i: int) -> int:
        start_i = i
        while start_i > 0 and i - start_i < 3:
            q = start_i - 1
            if self.abbreviated_given(q, start_i):
                start_i -= 1  # "Ma. Cristina Dela Cruz", even at a sentence's start
                continue
            particle = self.particles_before(start_i)
            if particle is not None:
                start_i = particle  # "la familia De los Reyes"
                continue
            if self._lower_first_name(q):
                pass  # the tagger's part of speech is no guide on a lower-case name
            elif not self.toks[q].text[0].isupper() or not self.joinable(q, start_i):
                break
            if _sentence_start(self.ctx, q):
                break
            start_i -= 1
        return start_i

    def abbreviated_given(self, q: int, nxt: int) -> bool:
        """Token q is an abbreviated given name ("Ma." for María, "Fco." for Francisco) right
        before the capitalised name word nxt: part of the name, though it is no word of its own."""
        tok, after, gap = self.toks[q], self.toks[nxt], self.ctx.gap(nxt)
        if self.ctx.style != "normal" and gap in (". ", "."):
            cased = True  # "ma. cristina dela cruz": the full stop marks it in lower case
        else:
            cased = tok.text[0].isupper() and after.text[0].isupper() and gap in (". ", " ", ".")
        return tok.f in ABBREVIATED_GIVEN and cased and not covered(self.keeps, tok.start, tok.end)

    def particles_before(self, i: int) -> int | None:
        """Where the surname particles right before token i start ("De los | Reyes",
        "Del | Valle"), when the first of them is capitalised; None when there are none."""
        q = i
        while q > 0 and i - q < 2 and self.toks[q - 1].f in PERSON_CONNECTORS:
            if self.ctx.gap(q) != " ":
                break
            q -= 1
        if q == i or not self.toks[q].text[0].isupper() or self.toks[q].text.isupper():
            return None
        if i - q < 2 and everyday_word(self.toks[q].f, "es") and _sentence_start(self.ctx, q):
            return None  # "De Rosa no supe nada": a sentence's capital, not a particle's
        if covered(self.keeps, self.toks[q].start, self.toks[i - 1].end):
            return None
        return q

    def after_abbreviation(self, j: int) -> bool:
        """Token j is an abbreviated given name and the word after it a name word."""
        q = j + 1
        if q >= len(self.toks) or not self.abbreviated_given(j, q):
            return False
        tok = self.toks[q]
        return not covered(self.keeps, tok.start, tok.end) and _name_like(
            self.ctx, q, self.m, self.language, self.pos_of
        )

    def _lower_first_name(self, q: int) -> bool:
        """In text without capitals, a first name right before a name of two words is its first
        word ("jose luis pacheco", where the model found "luis pacheco"; not "me decia indio")."""
        tok = self.toks[q]
        return (
            self.lower_ok
            and self.two_words
            and not tok.text[0].isupper()
            and tok.f in first_names()
            and not everyday_word(tok.f, self.language)
            and self.ctx.gap(q + 1) == " "
            and not covered(self.keeps, tok.start, tok.end)
        )


# given names written abbreviated before a name: María ("Ma.", "Mª"), Francisco, Guadalupe
ABBREVIATED_GIVEN = frozenset(["ma", "mª", "fco", "gpe"])


def unseen_word(f: str) -> bool:
    """A word of three letters or more that neither language's frequency data has seen."""
    return len(f) >= 3 and f.isalpha() and max(zipf(f, "en"), zipf(f, "es")) == 0


def widen(ctx: Ctx, s: Span, keeps: list[Span], m: Mentions, language: str, pos_of: dict) -> Span:
    """Extend a person's span over the name words right before and after it."""
    toks = ctx.toks
    i = ctx.index_at(s.start)
    j = ctx.index_at(s.end) - 1
    if i >= len(toks) or j < i:
        return s
    w = _Widening(ctx, keeps, m, language, pos_of)
    w.lower_ok = ctx.style != "normal" or not toks[i].text[0].isupper()
    w.two_words = j > i
    start_i = w.first_before(i)
    if j > i and start_i == i and _family_name_before(ctx, i, keeps):
        start_i = i - 1
    w.full_name = j > start_i
    end_j = w.last_after(j)
    if (start_i, end_j) == (i, j) or _is_place(toks[start_i : end_j + 1]):
        return s
    return replace(s, start=toks[start_i].start, end=max(s.end, toks[end_j].end))


# capitalised short words that are not a family name: articles, places' particles, and the
# short forms of days and months ("on Sat Juan ...")
SHORT_NOT_FAMILY = words(
    """el la los las the a an y o i and or of de del san sta st ft mt fort mon tue wed thu
    fri sat sun jan feb mar apr may jun jul aug sep oct nov dec ene abr ago dic lun mie jue
    vie sab dom ok hey hi"""
)
NOT_A_FAMILY_NAME = OFFICER_TITLES | KIN_NOUNS | HONORIFICS | SHORT_NOT_FAMILY | STREET_SUFFIXES


def _family_name_before(ctx: Ctx, i: int, keeps: list[Span]) -> bool:
    """ "my neighbor Le Huu Phuc", "Vo Thi Lan": a short capitalised word in mid-sentence right
    before a name of two words or more is its family name written first, though it spells a
    word of either language ("le", "mi", "ha"): mid-sentence, a capital says name."""
    if i == 0 or ctx.style != "normal" or ctx.gap(i) != " ":
        return False
    t = ctx.toks[i - 1]
    return (
        len(t.text) <= 3
        and t.text[0].isupper()
        and t.text[1:].islower()
        and t.f not in NOT_A_FAMILY_NAME
        and not covered(keeps, t.start, t.end)
        and not _sentence_start(ctx, i - 1)
    )


def _is_place(group) -> bool:
    """ "Nuevo León": a name word inside a known multi-word place name stays a place."""
    _single, multi = places()
    folded = tuple(tk.f for tk in group)
    return folded in multi.get(folded[0], ())


def _sentence_start(ctx: Ctx, idx: int) -> bool:
    """A capitalised word that starts a sentence may be an ordinary word ("Yesterday")."""
    if idx == 0:
        return True
    head = ctx.text[max(0, ctx.toks[idx].start - 3) : ctx.toks[idx].start]
    return bool(re.search(r"[.!?:\n]\s*$", head)) and ctx.toks[idx].f not in first_names()


def conservative_extra(text: str, ctx: Ctx, spans: list[Span]) -> list[Span]:
    """Unknown language: also remove capitalised words, non-Latin-script words and numbers."""
    extra = []
    for tok in ctx.toks:
        if covered(spans, tok.start, tok.end):
            continue
        t = tok.text
        non_latin = any(ord(c) > 0x24F and c.isalpha() for c in t)
        if (t[0].isupper() and tok.f not in FUNCTION_WORDS and len(t) > 1) or non_latin:
            extra.append(Span(tok.start, tok.end, "PERSON", 0.5, "conservative"))
    for mt in re.finditer(r"\d[\d\s./-]{2,}\d", text):
        if not covered(spans, mt.start(), mt.end()):
            extra.append(Span(mt.start(), mt.end(), "ID_NUMBER", 0.5, "conservative"))
    return sorted(spans + extra, key=lambda s: s.start)
