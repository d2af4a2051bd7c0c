"""People: private persons (PERSON, redacted) and officers in their role (OFFICER, kept).

Recall first: a name is a private person's unless there is positive evidence of an officer
(a rank or role word before it, a badge after it). Each pass below reads one kind of cue;
`PeopleRecognizer` runs them all over one `NameScan`.

The seam for another detector (a statistical name model): `merge_person_candidates` takes its
PERSON spans and merges them with the rules' candidates under the same resolution.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from presidio_analyzer import RecognizerResult

from ..lexicon import (
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
    STREET_SUFFIXES,
    US_STATES,
    everyday_word,
    places,
    words,
    zipf,
)
from .common import (
    FUNCTION_WORDS,
    GENERIC_PEOPLE,
    LOCATION_PREPS,
    DomainRecognizer,
    before_vehicle,
    candidate,
    ctx_of,
    trim_entity,
)
from .names import NOT_NAME_POS, NameScan
from .places import MOTION_EN

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
    ("hey", "greet"),
    ("oye", "greet"),
    ("ey", "greet"),
    ("hola", "greet"),
    ("hi", "greet"),
    ("hello", "greet"),
    ("dear", "greet"),
    ("querido", "greet"),
    ("querida", "greet"),
    ("estimado", "greet"),
    ("estimada", "greet"),
    ("named", "ante"),
    ("called", "ante_cap"),
    ("llamado", "ante"),
    ("llamada", "ante"),
    ("se llama", "ante"),
    ("se llamaba", "ante"),
    ("de nombre", "ante"),
    ("name is", "ante"),
    ("real name", "ante"),
    ("full name", "ante"),
    ("nombre completo", "ante"),
    ("nombre real", "ante"),
    ("verdadero nombre", "ante"),
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
HONORIFIC_CUES = words("mr mrs ms miss sr sra srta don dona dr lic licenciada licenciado")
POSSESSIVES = words(
    """my mi mis our his her their su sus nuestro nuestra nuestros nuestras the la el a an un una
    your tu tus this esta este that esa ese whose cuyo cuya"""
)


# Words allowed between an officer title and the name: "Deputy name was X", "the officer, a
# woman named X"; the "explicit" ones say a name follows.
TITLE_FILLERS = words(
    """name nombre named llamado llamada tag tape said says read was is era es se llamaba llama
    de identified as apellido at booking a an un una woman man lady guy mujer hombre female male
    senora senor"""
)
TITLE_EXPLICIT = words("name named llamado llamada llamaba llama said was era identified apellido")
OPEN_GAPS = ("", ",", "(", ":", "'", '"', "“", "‘")


def _one_of_the_officers(scan: NameScan, i: int) -> bool:
    """ "one of the ICE agents, Kevin Moss, ...", "uno de los agentes, Raúl Peña": a plural
    officer noun after "one of", then a comma and a name."""
    toks = scan.toks
    return (
        (toks[i].f in OFFICER_NOUNS or toks[i].f[:-1] in OFFICER_TITLES)
        and i + 1 < scan.n
        and scan.ctx.gap(i + 1).strip() == ","
        and any(toks[j].f in ("one", "uno", "una") for j in range(max(0, i - 5), i))
        and any(toks[j].f in ("of", "de") for j in range(max(0, i - 4), i))
    )


# Jail and detention staff named by their role: "the nurse Debbie", "la enfermera Pam" (kept,
# as officers are: accountability data), unless the role is a relative's or a friend's.
STAFF_TITLES = words("nurse enfermera enfermero medic caseworker")
STAFF_NOT_AFTER = KIN_NOUNS | words("my mi our nuestra nuestro his her su sus their tu your is es")


def _staff_title(scan: NameScan, i: int) -> bool:
    """Token i is a staff role said of jail or detention staff: no possessive, kin word or
    "is/es" in the four words before it ("my sister the nurse Ana" is a relative)."""
    toks = scan.toks
    return toks[i].f in STAFF_TITLES and not any(
        toks[j].f in STAFF_NOT_AFTER for j in range(max(0, i - 4), i)
    )


def officer_titles(scan: NameScan) -> None:
    """ "Deputy Ramsey", "el oficial Smith", "Sgt. OKAFOR", "trooper name X" (OFFICER, kept)."""
    toks, n = scan.toks, scan.n
    for i, t in enumerate(toks):
        if (
            t.f not in OFFICER_TITLES
            and not _staff_title(scan, i)
            and not _one_of_the_officers(scan, i)
        ):
            continue
        # "sheriff de Harris" is an agency, "Sheriff Gonzalez" a person in office
        if t.f == "sheriff" and i + 1 < n and toks[i + 1].f in ("de", "del"):
            continue
        after = _after_title(scan, i)
        if after is None:
            continue
        k, explicit = after
        lower = (explicit and scan.ctx.style != "normal") or scan.lower_ok_for(k)
        span = scan.take(k, lower, 3)
        if span:
            scan.resolved.add(i)
            scan.emit(span, "OFFICER", 0.9, "title")


def _initial(scan: NameScan, k: int) -> bool:
    """ "Deputy A. Kelly": a capital letter and a full stop is an initial, not the article "a"."""
    tok = scan.toks[k]
    return len(tok.text) == 1 and tok.text.isupper() and scan.text[tok.end : tok.end + 1] == "."


def _after_title(scan: NameScan, i: int) -> tuple[int, bool] | None:
    """Where the name after the officer title i starts, and whether a filler said a name
    follows ("Deputy name was X"); None when the title is not followed by a name."""
    toks, n, t = scan.toks, scan.n, scan.toks[i]
    k, explicit = i + 1, False
    agency_end = _agency_after_title(scan, i)
    if agency_end is not None:
        return agency_end, False
    while k < n and k - i <= 5 and toks[k].f in TITLE_FILLERS and not _initial(scan, k):
        explicit = explicit or toks[k].f in TITLE_EXPLICIT
        k += 1
    if k > i + 1 and not explicit:
        return None
    allowed_gap = OPEN_GAPS
    if k == i + 1 and scan.text[t.end : t.end + 1] == "." and len(t.text) <= 4 and t.f != "cop":
        allowed_gap = (".", ".,", ".:")  # "Lt. Voss", "Sgt. Ortiz"; not "a deputy. Ana"
    if k < n and scan.ctx.gap(k).strip() not in allowed_gap:
        return None
    return k, explicit


AGENCY_OF_WORDS = words("de del la el the of county condado sheriff police policia department")
# an agency named by what it does, in lower case: "el agente de migración Barrera"
AGENCY_NOUNS = words(
    """migracion inmigracion aduanas patrulla fronteriza frontera immigration customs border
    patrol policia police sheriff alguacil"""
)


def _agency_after_title(scan: NameScan, i: int) -> int | None:
    """ "un agente de ICE, Roberto Salinas, ...", "un deputy del condado Harris, Mark Ellison":
    the title's agency, then a comma and the name: where the name starts, or None. The agency
    is an acronym or capitalised words (with de/del/la/county between), up to five tokens."""
    toks, n, ctx = scan.toks, scan.n, scan.ctx
    k = i + 1
    if k >= n or toks[k].f not in ("de", "del", "of") or ctx.gap(k) != " ":
        return None
    k += 1
    named = by_noun = False
    while k < n and k - i <= 6 and ctx.gap(k) == " ":
        tk = toks[k]
        if by_noun and scan.cap(k) and tk.f not in AGENCY_OF_WORDS:
            return k  # "el agente de migración Barrera": the name right after the agency noun
        if tk.text in AGENCY_ACRONYMS or (scan.cap(k) and scan.ctx.style != "caps"):
            named = True
        elif tk.f in AGENCY_NOUNS:
            named = by_noun = True
        elif tk.f not in AGENCY_OF_WORDS:
            return None
        k += 1
    if not named or k >= n or ctx.gap(k).strip() != "," or not scan.cap(k):
        return None
    return k


def _is_kin_noun(scan: NameScan, i: int) -> bool:
    """ "my husband", and "my 15 year old Cruz", "el más chiquito Jesusito"."""
    toks = scan.toks
    f = toks[i].f
    if f in KIN_NOUNS:
        return True
    if f in ("old", "year-old", "yr-old") and i > 0:
        return toks[i - 1].f in ("year", "years", "yr", "yrs", "year-old")
    return f in KIN_ADJ_NOUNS and i > 0 and toks[i - 1].f in ("mas", "el", "la")


def _after_kin_noun(scan: NameScan, i: int) -> int | None:
    """Token index where the name after the kin noun i starts, or None."""
    toks, n, ctx = scan.toks, scan.n, scan.ctx
    k = i + 1
    # "compañero de celda", "my sister in law Mercedes"
    if k + 1 < n and toks[k].f == "de" and toks[k + 1].f in ("celda", "trabajo", "cuarto", "casa"):
        k += 2
    if k + 1 < n and toks[k].f == "in" and toks[k + 1].f == "law":
        k += 2
    if k < n and ctx.gap(k).strip() not in ("", ","):
        return None
    k = scan.skip_fillers(k)
    # "mi compa el Güero", "su novio el Flaco", "mi amiga la Lupe"
    if (
        k + 1 < n
        and toks[k].f in ("el", "la")
        and ctx.gap(k + 1) == " "
        and (scan.cap(k + 1) or ctx.style != "normal")
        and toks[k + 1].f not in KIN_ADJ_NOUNS
    ):
        k += 1
    if k < n and ctx.gap(k).strip() not in ("", ",", "(", "'", '"'):
        return None
    return k


def relatives(scan: NameScan) -> None:
    """Relatives and other private people: "my husband Miguel", "mi hermano Eloy"."""
    toks = scan.toks
    for i, t in enumerate(toks):
        if not _is_kin_noun(scan, i):
            continue
        j = i - 1
        while j >= 0 and (toks[j].f in KIN_ADJECTIVES or toks[j].f in ("year", "years")):
            j -= 1
        if (j < 0 or toks[j].f not in POSSESSIVES) and not (
            t.text[0].isupper() and t.f in ("don", "dona")
        ):
            continue
        k = _after_kin_noun(scan, i)
        span = scan.take(k, scan.lower_ok_for(k)) if k is not None else None
        if span:
            scan.resolved.add(i)
            scan.emit(span, "PERSON", 0.7, "kin")


def _intro_at(scan: NameScan, i: int) -> tuple[int, str] | None:
    """The naming cue that starts at token i ("my name is", "se llamaba"...): (end, kind)."""
    toks, n = scan.toks, scan.n
    for key, kind in _INTRO.get(toks[i].f, ()):
        if i + len(key) > n:
            continue
        if tuple(toks[i + q].f for q in range(len(key))) != key:
            continue
        if any(scan.ctx.gap(i + q).strip() for q in range(1, len(key))):
            continue
        if key == ("name",) and i > 0 and toks[i - 1].f == "by":
            continue  # "they asked for him by name, X's boyfriend": no one named here
        return i + len(key), kind
    return None


def _intro_name(scan: NameScan, i: int, k: int, kind: str) -> tuple[int, int] | None:
    """The name after the cue of `kind` at tokens i..k-1, or None."""
    toks = scan.toks
    gap = scan.ctx.gap(k)
    if gap.strip() not in ("", ",", ":", "(", "'", '"', "“", "‘", "-") or kind == "none":
        return None
    k = _name_start_after_cue(scan, k, kind)
    if kind in ("self_cap", "close", "ante_cap", "greet"):
        lower = False
        if kind == "close" and gap.strip() != ",":
            return None
    else:
        lower = scan.ctx.style != "normal" or (k < scan.n and toks[k].f in scan.fn)
    span = scan.take(k, lower) if k < scan.n else None
    if not span and (kind in ("self", "ante", "nick") or _lower_first_name(scan, k, kind)):
        span = scan.take_named(k)
    if not span:
        return None
    one_unknown = toks[span[0]].f not in scan.fn and span[0] == span[1]
    if kind in ("self_cap", "ante_cap") and one_unknown:
        # "I am Hispanic": one unknown capitalised word is not enough
        if scan.ctx.style == "caps" or toks[span[0]].f in NOT_NAME:
            return None
        # "was Colby": trust only when the antecedent is an officer
        if kind == "ante_cap" and scan.antecedent(i) != "OFFICER":
            return None
    return span


def _name_start_after_cue(scan: NameScan, k: int, kind: str) -> int:
    """Where the name after a cue ending at k starts: past fillers ("my name is, um, X") and a
    nickname's article ("soy la Güera", "me dicen el Chapo")."""
    k = scan.skip_fillers(k) if kind != "ante_cap" else k
    if kind in ("self", "self_cap", "nick") and _article_before_name(scan, k):
        k += 1
    return k


def _article_before_name(scan: NameScan, k: int) -> bool:
    toks = scan.toks
    return (
        k + 1 < scan.n
        and toks[k].f in ("el", "la")
        and scan.ctx.gap(k + 1) == " "
        and (scan.cap(k + 1) or scan.ctx.style != "normal")
        and toks[k + 1].f not in KIN_ADJ_NOUNS
    )


def _lower_first_name(scan: NameScan, k: int, kind: str) -> bool:
    """ "soy victoria", "i am rosa" in text written without capitals: a first name after a
    self-introduction is the writer's name (`NameScan.word_name`)."""
    if kind != "self_cap" or scan.ctx.style == "normal" or k >= scan.n:
        return False
    return scan.word_name(scan.toks[k].f)


def introductions(scan: NameScan) -> None:
    """Introductions, naming constructions and sign-offs: "me llamo X", "his name was X"."""
    for i in range(scan.n):
        found = _intro_at(scan, i)
        if found is None or found[0] >= scan.n:
            continue
        k, kind = found
        span = _intro_name(scan, i, k, kind)
        if not span or scan.toks[span[0]].start in scan.intro_starts:
            continue
        if kind.startswith("ante") or kind == "nick":
            label = scan.antecedent(i)
            if label == "OFFICER" and _names_a_known_person(scan, span):
                label = "PERSON"  # "my husband Carlos ... his whole name is Carlos Mendoza"
            scan.emit(span, label, 0.9 if label == "OFFICER" else 0.85, "named")
        else:
            # "me llamo María de los Ángeles": a naming cue outranks a place name inside it
            scan.emit(span, "PERSON", 0.85, kind)
        scan.intro_starts.add(scan.toks[span[0]].start)


def _names_a_known_person(scan: NameScan, span: tuple[int, int]) -> bool:
    """Does the name at `span` share a word with a private person found before it?"""
    words_of_span = {tk.f for tk in scan.toks[span[0] : span[1] + 1]}
    for r in scan.out:
        if r.entity_type == "PERSON" and r.start < scan.toks[span[0]].start:
            k0, k1 = scan.ctx.index_at(r.start), scan.ctx.index_at(r.end)
            if words_of_span & {tk.f for tk in scan.toks[k0:k1]}:
                return True
    return False


SIGNOFF_RE = re.compile(
    r"(?:^|[-–—]\s*|[.!?]\s+|\n\s*)((?:[A-ZÁÉÍÓÚÑ][\w'’-]+\s?){1,4})[,\s]*"
    r"(?=\(?\+?\d[\d\s().-]{6,}\d|[\w.+-]+@)"
)


def signoffs(scan: NameScan) -> None:
    """ "Lupe here", "- Mark 817...", "Oscar Benitez 361 555 0107"."""
    toks, text, ctx = scan.toks, scan.text, scan.ctx
    for i, t in enumerate(toks):
        if t.f == "here" and i > 0 and ctx.gap(i) == " ":
            j = i - 1
            while j > 0 and ctx.gap(j) == " " and scan.name_word(j - 1, False) and i - j < 3:
                j -= 1
            before = text[max(0, toks[j].start - 4) : toks[j].start]
            if scan.name_word(j, False) and (j == 0 or re.search(r"(^|[.!?,\n(]\s*)$", before)):
                scan.emit((j, i - 1), "PERSON", 0.7, "here")
    for m in SIGNOFF_RE.finditer(text):
        span = scan.take(ctx.index_at(m.start(1)), False)
        if span:
            scan.emit(span, "PERSON", 0.7, "signoff")


PAREN_NAME_RE = re.compile(
    r"\(\s*['\"‘“]?([A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+){0,3})['\"’”]?\s*\)"
)


def _not_a_name_group(group) -> bool:
    if not group or any(
        tk.f in OFFICER_TITLES
        or tk.f in STREET_SUFFIXES
        or tk.f in FACILITY_WORDS
        or tk.f in US_STATES
        or tk.text in AGENCY_ACRONYMS
        or (tk.text.isupper() and len(tk.text) > 1)
        for tk in group
    ):
        return True
    gz_single, gz_multi = places()
    gfold = tuple(tk.f for tk in group)
    return (len(gfold) == 1 and gfold[0] in gz_single) or gfold in gz_multi.get(gfold[0], ())


def parenthesised(scan: NameScan) -> None:
    """A name in parentheses right after a name: "Ignacio Villarreal ('Nacho')",
    "mi hijo Chuy (Jesús Ramírez)"; an officer's when the outer name has a title."""
    toks, text, ctx = scan.toks, scan.text, scan.ctx
    for m in PAREN_NAME_RE.finditer(text):
        k = ctx.index_at(m.start(1))
        if not (k > 0 and toks[k - 1].end >= m.start() - 3 and scan.name_word(k - 1, False)):
            continue
        k1 = ctx.index_at(m.end(1)) - 1
        if _not_a_name_group(toks[k : k1 + 1]):
            continue  # "Miguel (Houston)"
        q = k - 1
        while q > 0 and scan.name_word(q - 1, False) and ctx.gap(q).strip() == "":
            q -= 1
        officer = q > 0 and (
            toks[q - 1].f in OFFICER_TITLES
            or (q > 1 and toks[q - 2].f in OFFICER_TITLES and text[toks[q - 2].end] == ".")
        )
        label = "OFFICER" if officer else "PERSON"
        scan.emit((k, k1), label, 0.9 if officer else 0.7, "nickname")


NOT_NICKNAME = (
    OFFICER_TITLES | KIN_NOUNS | FACILITY_WORDS | STREET_SUFFIXES | GEO_WORDS | HONORIFICS
)  # "el Sr de la tienda", "la Sra Gómez": a title, the name after it is the honorific's


def article_nicknames(scan: NameScan) -> None:
    """ "el Güero", "la Flaca", "el Chino": a capitalised word after "el"/"la" that is no
    place, agency, institution or everyday word of the language is a nickname; in text written
    without capitals, a capital the writer put there says name all the more."""
    toks, ctx = scan.toks, scan.ctx
    if ctx.style == "caps":
        return
    single, multi = places()
    for i in range(1, scan.n):
        art, t = toks[i - 1], toks[i]
        if art.f not in ("el", "la") or ctx.gap(i) != " " or not scan.cap(i):
            continue
        if i > 1 and toks[i - 2].f in ("en", "por", "de", "a", "al", "del", "para", "hasta"):
            continue  # "fuimos a la Corte", "en el Walmart": a place
        f = t.f
        if f in NOT_NAME or f in NOT_NICKNAME or t.text in AGENCY_ACRONYMS or t.text.isupper():
            continue
        if f in single or (art.f, f) in {c[:2] for c in multi.get(art.f, ())}:
            continue
        if zipf(f, "es") >= 5.0 or zipf(f, "en") >= 5.0:
            continue
        span = scan.take(i, False)
        if span:
            scan.emit(span, "PERSON", 0.5, "nickname")


# Words of how someone looks or where they are from that Spanish uses as a person's nickname
# with an article ("el chele", "la gorda", "el flaco", "la china"), in any case.
DESCRIPTOR_NICKNAMES = words(
    """flaco flaca flaquito flaquita gordo gorda gordito gordita chele chelito chelita guero
    guera guerito guerita chino china chinito chinita prieto prieta negro negra negrito negrita
    moreno morena chaparro chaparra chato chata pelon pelona cholo chola enano enana canche
    colocho colocha catracho catracha chapin chapina guanaco guanaca tico tica nica gringo
    gringa cuate pelirrojo pelirroja mocho mocha tuerto tuerta"""
)
# Nouns that name a role or an institution with an article, never a nickname.
NOT_A_PERSON_NICKNAME = (
    NOT_NICKNAME
    | GENERIC_PEOPLE
    | words(
        """migra policia patrulla jefe jefa juez jueza gobierno abogado abogada doctor doctora
    senor senora muchacho muchacha gente familia corte carro troca camioneta perro perra"""
    )
)
ARTICLE_OBJECT_VERB_POS = ("VERB", "AUX")


def _nickname_word(scan: NameScan, k: int) -> bool:
    f = scan.toks[k].f
    if f in NOT_A_PERSON_NICKNAME or f in NOT_NAME or len(f) < 3 or not f.isalpha():
        return False
    if f in DESCRIPTOR_NICKNAMES:
        return True
    # "el memo", "la lupe"; a rare word is not enough ("la contraseña le iban a...")
    return f in scan.fn and not everyday_word(f, "es") and f not in AMBIGUOUS_NAMES


def _article_person_slot(scan: NameScan, art: int, k: int) -> bool:
    """ "el chele me dijo", "la gorda se fue" (subject of a verb, clitics between), or "con
    el flaco", "le pegaron al flaco" (with, or the object of a verb)."""
    toks, n, ctx = scan.toks, scan.n, scan.ctx
    j = k + 1
    while j < n and j - k <= 2 and toks[j].f in SLOT_SKIP_ES and ctx.gap(j) == " ":
        j += 1
    if j < n and ctx.gap(j) == " " and scan.pos_of.get(toks[j].start) in ARTICLE_OBJECT_VERB_POS:
        return not (j == k + 1 and toks[j].f in ("es", "era", "fue", "esta", "estaba"))
    if art == 0 or ctx.gap(art) != " ":
        return False
    before = toks[art - 1]
    if toks[art].f == "al":  # "le pegaron al flaco"
        return scan.pos_of.get(before.start) == "VERB"
    if before.f == "a" and art > 1:  # "vi a la gorda"
        return scan.pos_of.get(toks[art - 2].start) == "VERB"
    return before.f == "con"


def lower_article_nicknames(scan: NameScan) -> None:
    """Spanish nicknames written in lower case after "el"/"la"/"al" and used as a person
    ("y el chele me dijo que corriera", "la gorda me llamó"); not "la migra", "el jefe"."""
    if scan.language != "es" or scan.ctx.style == "caps":
        return
    toks = scan.toks
    taken = {r.start for r in scan.out if r.entity_type in ("PERSON", "OFFICER")}
    for k in range(1, scan.n):
        art, t = toks[k - 1], toks[k]
        if art.f not in ("el", "la", "al") or scan.ctx.gap(k) != " " or t.start in taken:
            continue
        if scan.cap(k) or not _nickname_word(scan, k):
            continue
        if k > 1 and toks[k - 2].f in ("de", "del"):
            continue  # "de la antón": a surname's connector, not an article
        if _article_person_slot(scan, k - 1, k):
            scan.emit((k, k), "PERSON", 0.6, "nickname")


# "le dicen el chapo", "lo conocen como pelón", "they call him Tank", "goes by Chuy": what
# follows is a nickname, whatever its case and however ordinary the word
NICK_CUE_RE = re.compile(
    r"\b(?:(?:le|les|lo|la|los|las|me|nos|te)\s+(?:dicen|decian|decia|dice|decimos|llaman|"
    r"llamaban|llamamos|apodan|conocen\s+como|conocian\s+como)|apodad[oa]|conocid[oa]\s+como|"
    r"alias|a\.?k\.?a\.?|nicknamed|goes\s+by|went\s+by|known\s+as|"
    r"(?:we|they|everyone|people|everybody)\s+call(?:s|ed)?\s+(?:him|her|me|them))"
    r"\s*:?\s+(?:(?:el|la|the)\s+)?$"
)


def nickname_cues(scan: NameScan) -> None:
    """The word after a nickname cue ("le dicen el chapo") is a nickname: a name."""
    toks = scan.toks
    for i, t in enumerate(toks):
        if t.f in NOT_NAME or t.f in FUNCTION_WORDS:
            continue
        if not NICK_CUE_RE.search(scan.ctx.folded[max(0, t.start - 40) : t.start]):
            continue
        j = i
        if j + 1 < scan.n and scan.cap(j + 1) and scan.cap(i) and scan.ctx.gap(j + 1) == " ":
            j += 1  # "known as Big Tony"
        scan.emit((i, j), "PERSON", 0.7, "nickname-cue")


QUOTED_RE = re.compile(r"[\"“'‘]([A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+){0,2})[\"”'’]")


def quoted_nicknames(scan: NameScan) -> None:
    """ "Flaco", 'Chepe': one to three capitalised words in quotes that are rare as words
    and no place or agency are a nickname ("she said 'Stop'" is a word)."""
    single, _multi = places()
    for m in QUOTED_RE.finditer(scan.text):
        k0 = scan.ctx.index_at(m.start(1))
        k1 = scan.ctx.index_at(m.end(1)) - 1
        group = scan.toks[k0 : k1 + 1]
        if group and not any(
            zipf(tk.f, scan.language) >= 4.0
            or tk.f in NOT_NAME
            or tk.f in single
            or tk.text in AGENCY_ACRONYMS
            or tk.f in OFFICER_TITLES
            for tk in group
        ):
            scan.emit((k0, k1), "PERSON", 0.5, "quoted")


def objects_of_force(scan: NameScan) -> None:
    """People as the object of what officers do: "handcuffed Santos", "detuvieron a Benito"
    ("lo llevaron a Stewart" is a place: see the gazetteer)."""
    toks, n = scan.toks, scan.n
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
        if k is None or k >= n or scan.ctx.gap(k).strip() not in ("", ",") or not scan.cap(k):
            continue
        span = scan.take(k, False)
        if span:
            scan.emit(span, "PERSON", 0.6, "object")


def honorifics(scan: NameScan) -> None:
    """ "Mr. Ajcá", "Ms. Pineda", "doña Chayo"."""
    for i, t in enumerate(scan.toks):
        if t.f in HONORIFIC_CUES and (
            t.f in ("don", "dona", "lic", "licenciada", "licenciado")
            or scan.text[t.end : t.end + 1] == "."
        ):
            span = scan.take(i + 1, scan.ctx.style != "normal")
            if span:
                scan.emit(span, "PERSON", 0.7, "honorific")


# Words before a name-that-is-a-word that make it the word or a place: "la Paz", "en Paz",
# "El Salvador", "the Will", "de Guadalupe".
WORD_BEFORE = words("la el los las de del en the of in at on from to a al por para san santa")


def _word_used_as_name(scan: NameScan, i: int) -> bool:
    """Rosa, Paz, Dolores, Will, Hope...: a first name that is also a word, alone. It is a
    name when capitalised where a word would not be (mid-sentence, not after an article or a
    preposition), or at the start of a sentence when the language rarely uses it as a word
    there and a verb follows ("Paz was there")."""
    toks, t = scan.toks, scan.toks[i]
    if i > 0 and toks[i - 1].f in WORD_BEFORE and scan.ctx.gap(i) == " ":
        return False
    if not scan.sentence_start(i):
        return scan.ctx.style == "normal"
    nxt = scan.pos_of.get(toks[i + 1].start) if i + 1 < scan.n else None
    return nxt in ("VERB", "AUX") and scan.pos_of.get(t.start) not in ("AUX", "VERB")


def _sentence_word(scan: NameScan, i: int) -> bool:
    """ "Tiene miedo", "Oren por nosotros": a listed first name that is an everyday word of
    the language, opening a sentence and not followed by a verb or another name."""
    if not scan.sentence_start(i):
        return False
    if everyday_word(scan.toks[i].f, scan.language):
        return True
    nxt = scan.pos_of.get(scan.toks[i + 1].start) if i + 1 < scan.n else None
    pos = scan.pos_of.get(scan.toks[i].start)
    return pos in NOT_NAME_POS or nxt in ("ADP", "DET", "PRON", "ADV", "NOUN", "ADJ")


def _first_name_ok(scan: NameScan, i: int, span: tuple[int, int]) -> bool:
    toks, t = scan.toks, scan.toks[i]
    single = span[0] == span[1]
    prev = toks[i - 1].f if i > 0 else ""
    if single and t.f in AMBIGUOUS_NAMES:
        if not _word_used_as_name(scan, i):
            return False
    elif single and _sentence_word(scan, i):
        return False
    if prev in LOCATION_PREPS and scan.ctx.gap(i) == " ":
        return False
    if single and before_vehicle(scan.ctx, span[1]):
        return False  # "my old Mercedes van"
    if single and scan.language == "es" and scan.pos_of.get(t.start) in NOT_NAME_POS:
        return False  # "Tiene", "Durante", "Salí" at the start of a sentence
    if not single and _is_place(toks[span[0] : span[1] + 1]):
        return False  # "Nuevo León", "San Pedro Sula"
    # "en la Dale Mabry": a road
    return not (i > 1 and prev in ("la", "el") and toks[i - 2].f in ("en", "por"))


def _is_place(group) -> bool:
    _single, multi = places()
    folded = tuple(tk.f for tk in group)
    return folded in multi.get(folded[0], ())


# In text without capitals a listed first name counts only when no language uses it as a word
# this often (wordfreq's Zipf scale): "ernesto", "yesenia", but not "will", "amor", "domingo".
RARE_WORD_ZIPF = 3.0


def _lower_case_name(scan: NameScan, i: int) -> bool:
    f = scan.toks[i].f
    return (
        scan.ctx.style == "lower"
        and not scan.cap(i)
        and len(f) > 2
        and f not in AMBIGUOUS_NAMES
        and max(zipf(f, "en"), zipf(f, "es")) < RARE_WORD_ZIPF
    )


def listed_first_names(scan: NameScan) -> None:
    """First names from the name list, with the surnames that follow them."""
    i = 0
    while i < scan.n:
        t = scan.toks[i]
        cased = scan.cap(i) and scan.ctx.style != "caps"
        if (cased or _lower_case_name(scan, i)) and t.f in scan.fn and t.f not in NOT_NAME:
            span = scan.take(i, not cased)
            if span:
                if _first_name_ok(scan, i, span):
                    scan.emit(span, "PERSON", 0.55, "firstname")
                i = span[1] + 1
                continue
        i += 1


LIST_JOINERS = words("and y e &")

# Where a given name that is also a word ("Rey", "Abril", "Hope", "Luz") stands as a person,
# with no role word next to it: after "with/con/según", after "to"/"a" when a verb of saying
# or giving comes before ("talked to Grace", "le dije a Rey"; not "we drove to Mercedes"), as
# the object of a verb of saying ("I told Hope"), as the subject of a verb ("Rey me contó",
# "Will came home"), coordinated with the writer or another name ("Abril y yo", "Rey y
# Marisol") or with an apposition that says who it is ("Esperanza, mi comadre, ...").
WITH_PREPS = words("with con segun")
TO_PERSON_VERBS = words(
    """talked talk talking talks spoke speak speaking speaks said say says saying according
    gave give giving gives wrote write writing texted text lied yelled screamed explained
    explain listen listened married belongs belonged introduced close next sorry hello hi"""
)
PERSON_OBJECT_VERBS = words(
    """told tell asked ask called call texted saw see met helped hugged warned begged thanked
    visited"""
)
SAYING_VERBS_ES = words(
    """dije dijo dijimos dijeron conte conto contaron pregunte pregunto preguntaron llame llamo
    llamaron avise aviso avisaron escribi escribio mande mando pedi pidio ayude ayudo acompane
    acompano vi vio vimos vieron explique explico grito grite marque marco encontre encontro
    abrace abrazo"""
)
SLOT_SKIP_ES = CLITICS | words("se ya tambien nunca no")
# before the noun of an apposition: "Faith, my neighbor", "Luz, la hija de mi vecina"
PERSON_POSSESSIVES = words("my mi our nuestra nuestro his her su their tu your the la el")
WRITER = words("yo i me")


def _person_slot(scan: NameScan, i: int, strong: bool) -> bool:
    """Does the context make the capitalised word at i a person (see above)? `strong`: not
    only as the subject of any verb (a month: "Abril me acompañó", not "Abril fue duro")."""
    return _slot_before(scan, i) or _slot_after(scan, i, strong)


def _slot_before(scan: NameScan, i: int) -> bool:
    toks, ctx = scan.toks, scan.ctx
    if i == 0 or ctx.gap(i) != " ":
        return False
    prev = toks[i - 1].f
    if prev in WITH_PREPS or prev in PERSON_OBJECT_VERBS:
        return True
    if prev == "to":  # "talked to Grace", "gave the keys to Rose"
        return any(toks[j].f in TO_PERSON_VERBS for j in range(max(0, i - 4), i - 1))
    if prev == "a" and scan.language == "es":
        return _after_personal_a(scan, i)
    if prev in LIST_JOINERS and i > 1 and scan.cap(i - 2):
        return toks[i - 2].f in scan.fn and toks[i - 2].f not in AMBIGUOUS_NAMES
    return False


def _after_personal_a(scan: NameScan, i: int) -> bool:
    """The Spanish personal "a" at i - 1 follows a verb of saying or an object verb ("le dije a
    Rey"), a clitic and a verb, or repeats after a coordination ("a Marisol y a Rey")."""
    toks = scan.toks
    before = toks[i - 2].f if i > 1 else ""
    clitic_verb = (
        i > 2 and toks[i - 3].f in CLITICS and scan.pos_of.get(toks[i - 2].start) == "VERB"
    )
    repeated = before in LIST_JOINERS and i > 3 and scan.cap(i - 3) and toks[i - 4].f == "a"
    return before in SAYING_VERBS_ES or before in OBJECT_VERBS_ES or clitic_verb or repeated


def _slot_after(scan: NameScan, i: int, strong: bool) -> bool:
    toks, ctx, n = scan.toks, scan.ctx, scan.n
    j = i + 1
    if j >= n or (i > 0 and toks[i - 1].f in WORD_BEFORE and ctx.gap(i) == " "):
        return False  # "En Abril nos mudamos", "la Luz se fue"
    if ctx.gap(j).strip() == ",":  # apposition: "Esperanza, mi comadre", "Faith, my neighbor"
        k = j + 1 if toks[j].f in PERSON_POSSESSIVES and j + 1 < n else j
        return k > j and _is_kin_noun(scan, k)
    if ctx.gap(j) != " ":
        return False
    if toks[j].f in LIST_JOINERS and j + 1 < n and ctx.gap(j + 1) == " ":
        other = toks[j + 1].f
        return other in WRITER or (
            scan.cap(j + 1) and other in scan.fn and other not in AMBIGUOUS_NAMES
        )
    return _subject_of_verb(scan, i, strong)


def _subject_of_verb(scan: NameScan, i: int, strong: bool) -> bool:
    """Is the word at i the subject of the verb after it (Spanish clitics and "ya", "no" may
    stand between)? `strong`: only with a clitic between ("Abril me dijo", not "Abril fue")."""
    toks, ctx, n = scan.toks, scan.ctx, scan.n
    j = i + 1
    while j < n and j - i <= 3 and scan.language == "es" and toks[j].f in SLOT_SKIP_ES:
        j += 1
    if strong and not (j > i + 1 and (toks[i + 1].f in CLITICS or toks[i + 1].f == "se")):
        return False
    if j >= n or ctx.gap(j).strip():
        return False
    if scan.pos_of.get(toks[j].start) not in ("VERB", "AUX"):
        return False
    if scan.pos_of.get(toks[i].start) in ("VERB", "AUX"):
        # "Will came home": a modal before a verb in the past or third person is a name
        return scan.tag_of.get(toks[j].start) in ("VBD", "VBZ")
    return True


def word_names_in_slots(scan: NameScan) -> None:
    """Given names that are ordinary words, alone, where the context makes them a person."""
    if scan.ctx.style != "normal":
        return
    taken = {r.start for r in scan.out if r.entity_type in ("PERSON", "OFFICER")}
    for i, t in enumerate(scan.toks):
        f = t.f
        if not scan.cap(i) or t.start in taken or t.text.isupper():
            continue
        if f not in AMBIGUOUS_NAMES and (f not in scan.fn or f in NOT_NAME):
            continue
        if f in OFFICER_TITLES or f in KIN_NOUNS or before_vehicle(scan.ctx, i):
            continue
        # a month ("Abril", "April", "May") is a name only where nothing but a person fits,
        # and then it outranks the date the parser took it for
        month = f in NOT_NAME
        if not _person_slot(scan, i, strong=month):
            continue
        span = scan.take(i, False) or (i, i)
        scan.emit(span, "PERSON", 0.85 if month else 0.55, "slot")


def _list_next(scan: NameScan, k: int) -> int | None:
    """After a name ending before token k: where the next name of a list starts
    (", Dagoberto", " and Tulvane", ", y Pedro"), or None."""
    toks, ctx = scan.toks, scan.ctx
    if k >= scan.n or ctx.gap(k).strip() not in ("", ","):
        return None
    if toks[k].f not in LIST_JOINERS:
        return k if ctx.gap(k).strip() == "," else None
    if k + 1 < scan.n and not ctx.gap(k + 1).strip():
        return k + 1
    return None


def coordinated(scan: NameScan) -> None:
    """The later names of a list: "her kids Dulce and Angelito", "Ixchel, Dagoberto and Tulvane"."""
    toks, ctx = scan.toks, scan.ctx
    single, _multi = places()
    queue = [
        r
        for r in scan.out
        if r.entity_type == "PERSON" and r.recognition_metadata.get("why") != "ner"
    ]
    seen = {r.start for r in queue}
    while queue:
        r = queue.pop()
        k = _list_next(scan, ctx.index_at(r.end))
        if k is None or k >= scan.n or toks[k].start in seen:
            continue
        t = toks[k]
        if (
            t.f in US_STATES
            or t.f in single
            or (not scan.cap(k) and ctx.gap(k).strip() == "," and ctx.style == "normal")
        ):
            continue
        lower = ctx.style != "normal" or (t.f in scan.fn and t.f not in AMBIGUOUS_NAMES)
        span = scan.take(k, lower)
        if span and not before_vehicle(ctx, span[1]):
            scan.emit(span, "PERSON", 0.7, "coord")
            seen.add(t.start)
            queue.append(scan.out[-1])


# Words that make a capitalised run a place or an organisation, not a person.
NOT_IN_PERSON_RUN = (
    GEO_WORDS
    | US_STATES
    | words(
        """corp corporation inc llc ltd co company companies group bank university college
    institute foundation services service foods farms farm construction restaurant store
    market church ministries charities center clinic hospital school academy association
    department office court club team news radio tv"""
    )
)


def capitalised_runs(scan: NameScan) -> None:
    """Recall first: two to four capitalised words mid-sentence that nothing else explains
    ("then Tulvane Quispe was handcuffed") are a person's name, at the lowest priority, so
    any place, agency or officer found over them wins."""
    if scan.ctx.style != "normal":
        return
    toks = scan.toks
    i = 0
    while i < scan.n:
        span = None
        if scan.cap(i) and toks[i].text not in AGENCY_ACRONYMS:
            span = scan.take(i, False)
        if span is None or span[1] == span[0]:
            i += 1
            continue
        group = toks[span[0] : span[1] + 1]
        prev = toks[i - 1].f if i > 0 else ""
        # at a sentence start capitals say nothing: only words that are rare as words
        rare = all(zipf(tk.f, scan.language) < 4.0 for tk in group)
        if not (
            prev in LOCATION_PREPS
            or (scan.sentence_start(i) and not rare)
            or _is_place(group)
            or any(tk.f in NOT_IN_PERSON_RUN or tk.text in AGENCY_ACRONYMS for tk in group)
        ):
            scan.emit(span, "PERSON", 0.4, "capitalised")
        i = span[1] + 1


# A capitalised word that frequency data has barely seen in either language, mid-sentence and
# where no place stands, is a name (invented given names: "Yoandry", "Dianelys").
UNSEEN_ZIPF = 1.5
OF_WORDS = words("de del of")
ARTICLES = words("el la los las the")
SPANISH_STREET_WORDS = words(
    "calle avenida av avda camino carretera callejon privada colonia barrio carrera calzada"
)
BELONGING_NOUNS = words(
    """casa carro troca carta celular telefono nombre familia hijo hija esposo esposa mama
    papa car truck house phone name family"""
)


def _rare_word_slot(scan: NameScan, i: int) -> bool:
    """Where a rare capitalised word i stands as a person: not at a sentence start, not after
    a place preposition, and after "de/of" only when a belonging noun or a kin word comes
    before ("el carro de Yoandry", "the son of Yuniesky"; not "vengo de Tlaxcala")."""
    toks = scan.toks
    if scan.sentence_start(i) or i == 0 or scan.ctx.gap(i) != " ":
        return False
    prev = toks[i - 1].f
    if prev == "to" and not any(toks[q].f in MOTION_EN for q in range(max(0, i - 4), i - 1)):
        return True  # "it belonged to Yoandry", "I gave it to Dianelys"; not "moved to X"
    if prev in LOCATION_PREPS or prev in ("at", "a", "al", "on", "en", "por"):
        return False
    if prev in ARTICLES or prev in STREET_SUFFIXES or prev in SPANISH_STREET_WORDS:
        return False
    if prev in FACILITY_WORDS or prev in GEO_WORDS:
        return False  # "por el Cheyrln", "avenida Dognood": a business, a street, a place
    if prev in OF_WORDS:
        before = [toks[q].f for q in range(max(0, i - 4), i - 1)]
        return any(w in BELONGING_NOUNS or w in KIN_NOUNS for w in before)
    return True


TYPO_OF_ZIPF = 3.0
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits(w: str):
    """Every word one keystroke away from w: a letter dropped, swapped with the next, or
    replaced."""
    for k in range(len(w)):
        yield w[:k] + w[k + 1 :]
        if k + 1 < len(w):
            yield w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        for c in LETTERS:
            if c != w[k]:
                yield w[:k] + c + w[k + 1 :]


@functools.cache
def typo_of_a_word(w: str) -> bool:
    """ "Cbnter", "Patroll", "Thuursday": a rare word one keystroke from a common word of
    either language is that word mistyped, not a name."""
    return any(max(zipf(e, "en"), zipf(e, "es")) >= TYPO_OF_ZIPF for e in _edits(w) if len(e) > 2)


def rare_capitalised_words(scan: NameScan) -> None:
    """Recall first: one capitalised word, rare in both languages (wordfreq) and in no
    gazetteer, standing where a person can ("then Yoandry ran", "el carro de Dianelys"), is a
    name, at the lowest priority (a place, agency or officer found over it wins)."""
    if scan.ctx.style != "normal":
        return
    single, multi = places()
    toks = scan.toks
    for i, t in enumerate(toks):
        f = t.f
        if not scan.cap(i) or t.text.isupper() or len(f) < 4 or not f.isalpha():
            continue
        if f in single or f in multi or f in NOT_NAME or f in US_STATES:
            continue
        if i + 1 < scan.n and scan.cap(i + 1) and scan.ctx.gap(i + 1) == " ":
            continue  # a run of capitals: `capitalised_runs`
        if max(zipf(f, "en"), zipf(f, "es")) >= UNSEEN_ZIPF or not _rare_word_slot(scan, i):
            continue
        if typo_of_a_word(f):
            continue
        scan.emit((i, i), "PERSON", 0.4, "capitalised")


PARSE_STOP = STREET_SUFFIXES | FACILITY_WORDS | words("county sheriff pd police")


def _parse_tokens(scan: NameScan, s: int, e: int):
    """The tokens of a spaCy PERSON entity worth trusting, or None."""
    ctx, toks = scan.ctx, scan.toks
    k0, k1 = ctx.index_at(s), ctx.index_at(e) - 1
    if k1 < k0:
        return None
    span_toks = toks[k0 : k1 + 1]
    bad = [q for q, tk in enumerate(span_toks) if tk.f in NOT_NAME or tk.f in PARSE_STOP]
    if bad:
        # keep the leading run of name words, unless a place word follows it
        if bad[0] == 0 or span_toks[bad[0]].f in PARSE_STOP:
            return None
        span_toks = span_toks[: bad[0]]
    return span_toks if _trusted_entity(scan, span_toks) else None


def _trusted_entity(scan: NameScan, span_toks) -> bool:
    """Is a tagger's PERSON entity, trimmed, shaped like a name in this text?"""
    if scan.ctx.style == "normal":
        if not any(tk.text[0].isupper() for tk in span_toks):
            return False
        if all(tk.text.isupper() and len(tk.text) > 1 for tk in span_toks):
            return False
    if len(span_toks) == 1 and span_toks[0].f in AMBIGUOUS_NAMES:
        return False
    # lower-case text: the small models tag ordinary words ("booking") as names
    if not span_toks[0].text[0].isupper() and span_toks[0].f not in scan.fn:
        return False
    return not any(
        scan.pos_of.get(tk.start) in NOT_NAME_POS and not tk.text[0].isupper() for tk in span_toks
    )


def parsed_persons(scan: NameScan, nlp_artifacts) -> None:
    """PERSON entities of the spaCy parse, trimmed and checked against what the rules know."""
    ctx, toks = scan.ctx, scan.toks
    for ent in nlp_artifacts.entities:
        if ent.label_ not in ("PERSON", "PER"):
            continue
        s, e = trim_entity(ctx, ent.start_char, ent.end_char)
        if e <= s or re.search(r"[\d@#]", scan.text[s:e]):
            continue
        span_toks = _parse_tokens(scan, s, e)
        if not span_toks:
            continue
        k0 = ctx.index_at(span_toks[0].start)
        if k0 > 0 and toks[k0 - 1].f in LOCATION_PREPS and ctx.gap(k0) == " ":
            continue
        if k0 > 1 and toks[k0 - 1].f in ("la", "el") and toks[k0 - 2].f in ("en", "por", "de"):
            continue  # "en la Dale Mabry": a road
        first = span_toks[0].f
        if (
            len(span_toks) == 1
            and scan.sentence_start(k0)
            and (first not in scan.fn or everyday_word(first, scan.language))
        ):
            continue  # "Solo porque...", "Salí con fianza"
        scan.out.append(candidate("PERSON", span_toks[0].start, span_toks[-1].end, 0.45, why="ner"))


class PeopleRecognizer(DomainRecognizer):
    """Names of private people (PERSON, redacted) and of officers in their role (OFFICER, kept)."""

    ENTITIES = ("PERSON", "OFFICER")

    def analyze(self, text, entities, nlp_artifacts=None):
        scan = NameScan(ctx_of(text, nlp_artifacts), nlp_artifacts, self.supported_language)
        officer_titles(scan)
        relatives(scan)
        introductions(scan)
        signoffs(scan)
        parenthesised(scan)
        objects_of_force(scan)
        honorifics(scan)
        article_nicknames(scan)
        lower_article_nicknames(scan)
        nickname_cues(scan)
        quoted_nicknames(scan)
        listed_first_names(scan)
        word_names_in_slots(scan)
        coordinated(scan)
        capitalised_runs(scan)
        rare_capitalised_words(scan)
        if nlp_artifacts is not None:
            parsed_persons(scan, nlp_artifacts)
        return scan.out


def merge_person_candidates(
    rule_results: list[RecognizerResult], extra: Iterable[tuple[int, int, float]]
) -> list[RecognizerResult]:
    """Add PERSON spans (start, end, score in 0..1) from another detector to the rules' results.

    This is the seam for a statistical name detector (workers/anonymize/learned.py): its spans
    join the same recall-first resolution as the rules' (`core.resolve`), where a redaction
    that overlaps another redaction is merged into one, and a keep (an officer, a place)
    only wins when its priority is higher. A detector's span gets priority 0.5 + score / 10
    (0.5..0.6): above the spaCy parse (0.45), below every cue-based rule, so it adds names the
    rules missed and widens partial ones, but does not overturn an officer with a title.
    """
    out = list(rule_results)
    for start, end, score in extra:
        if end > start:
            priority = 0.5 + max(0.0, min(1.0, float(score))) / 10
            out.append(candidate("PERSON", start, end, priority, why="learned"))
    return out
