"""The name walker shared by the people passes: which tokens can be part of a name, how far a
name runs, and who a "his name was X" refers to (an officer or a private person)."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..demonyms import is_country_word
from ..lexicon import (
    AMBIGUOUS_NAMES,
    FACILITY_WORDS,
    HONORIFICS,
    KIN_NOUNS,
    NOT_NAME,
    OFFICER_NOUNS,
    OFFICER_TITLES,
    STREET_SUFFIXES,
    US_STATES,
    everyday_word,
    first_names,
    name_like_word,
    very_common,
    words,
    zipf,
)
from .common import FUNCTION_WORDS, GENERIC_PEOPLE, NAME_CONNECTORS, Ctx, candidate

CLOSED_CLASS_POS = frozenset(["AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART"])
NOT_NAME_POS = frozenset(
    ["VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "DET", "PRON", "NUM", "PART", "INTJ"]
)
OTHER_WORDS = words("another other otro otra otros otras")
PLACE_AFTER_NAME = STREET_SUFFIXES | FACILITY_WORDS | words("county sheriff pd police highway")
NICK_VERBS = words("dicen decian decia dice decimos llaman llamaban llama")  # "le dicen el Tigre"
FILLERS = words("is es was era named llamado llamada")
# Connectors inside a person's name: Spanish and the rest of NAME_CONNECTORS, and Portuguese
# "do", "das", "e" ("Maria do Carmo", "Francisco das Chagas", "Ana e Silva"); only ever between
# two name words, never a part of a name on its own.
PERSON_CONNECTORS = NAME_CONNECTORS | words("do das e")


def _never_a_name(f: str) -> bool:
    """Role, kin, street, facility and function words never belong to a name."""
    return (
        f in NOT_NAME
        or f in OFFICER_TITLES
        or f in KIN_NOUNS
        or f in FUNCTION_WORDS
        or f in STREET_SUFFIXES
        or f in FACILITY_WORDS
        or f in GENERIC_PEOPLE
    )


class NameScan:
    """One text seen by the people passes: tokens, parts of speech and the results so far."""

    def __init__(self, ctx: Ctx, nlp_artifacts: NlpArtifacts | None, language: str):
        self.ctx, self.text, self.toks = ctx, ctx.text, ctx.toks
        self.n = len(ctx.toks)
        self.language = language
        self.fn = first_names()
        self.out: list[RecognizerResult] = []
        self.resolved: set[int] = set()  # role-noun token indices followed by their own name
        self.intro_starts: set[int] = set()
        self.pos_of: dict[int, str] = {}
        self.tag_of: dict[int, str] = {}
        if nlp_artifacts is not None and nlp_artifacts.tokens is not None:
            self.pos_of = {tk.idx: tk.pos_ for tk in nlp_artifacts.tokens}
            self.tag_of = {tk.idx: tk.tag_ for tk in nlp_artifacts.tokens}

    # -- single tokens ------------------------------------------------------------------
    def cap(self, k: int) -> bool:
        return self.toks[k].text[0].isupper()

    def name_word(self, k: int, lower_ok: bool) -> bool:
        """Can token k be part of a name? Lower-case words only when `lower_ok`."""
        t = self.toks[k]
        if _never_a_name(t.f):
            return False
        if t.text[0].isupper():
            if self.ctx.style == "caps":  # every word has capitals: "DEPUTY TOOK" is a word
                return t.f in self.fn or not everyday_word(t.f, self.language)
            return not (t.text.isupper() and len(t.text) > 1)
        if not lower_ok or len(t.f) < 2 or everyday_word(t.f, self.language):
            return False  # "his friends made a page", "y tenia la placa"
        return self._lower_name_word(t.f, self.pos_of.get(t.start))

    def _lower_name_word(self, f: str, pos: str | None) -> bool:
        """A lower-case word that is no everyday word, in text where names may be lower case."""
        if len(f) > 2 and (name_like_word(f) or (f in self.fn and f not in AMBIGUOUS_NAMES)):
            return True  # lower-case text: the tagger's guess about "pineda" is worthless
        if len(f) == 2:
            # a short given name after its cue ("my wife vy", "mi hijo xu"): only if no word
            # of either language ("ya", "ok", "tu") and not shorthand without a vowel ("pq")
            return (
                max(zipf(f, "en"), zipf(f, "es")) < 3.4
                and any(c in "aeiouy" for c in f)
                and pos not in CLOSED_CLASS_POS
            )
        if f in self.fn and self.language == "en":
            return True  # the English model tags Spanish names as anything ("teodoro": PRON)
        # the Spanish model knows Spanish verbs
        bad_pos = NOT_NAME_POS if self.language == "es" else CLOSED_CLASS_POS
        if pos in bad_pos or (pos in ("ADJ", "VERB", "ADV", "NUM") and f not in self.fn):
            return False  # "mi papá tiene", "su abogado durante"
        return f in self.fn or pos is None or pos in ("PROPN", "NOUN", "X")

    def word_name(self, f: str) -> bool:
        """A first name that is also a word: one of the known word-names ("paz", "hope"), or
        a first name the language does not use all the time (not "así")."""
        return f in AMBIGUOUS_NAMES or (f in self.fn and not very_common(f, self.language))

    def lower_ok_for(self, k: int) -> bool:
        """May a lower-case token k start a name? In lower-case text, or a known first name."""
        if k >= self.n:
            return False
        if self.ctx.style != "normal":
            return True
        return self.toks[k].f in self.fn and self.toks[k].f not in AMBIGUOUS_NAMES

    # -- spans of tokens ----------------------------------------------------------------
    def take_named(self, k: int) -> tuple[int, int] | None:
        """After an explicit naming cue ("se llama", "my name is"), the word at k is a name
        whatever the tagger makes of it ("se llama yordi", tagged a verb), unless it is a
        function word or a role; the surnames after it as in `take`."""
        if k >= self.n:
            return None
        f = self.toks[k].f
        if f in NOT_NAME or f in FUNCTION_WORDS or f in OFFICER_TITLES or f in KIN_NOUNS:
            return None
        # "se llama paz", "my name is hope": after the cue a first name is a name, though
        # the language also uses it as a word
        if len(f) < 2 or (everyday_word(f, self.language) and not self.word_name(f)):
            return None
        return (k, self._extend(k, True, 4))

    def take(self, k: int, lower_first: bool, max_tokens: int = 4) -> tuple[int, int] | None:
        """The name starting at token k as (first, last) token indices, or None."""
        toks, n = self.toks, self.n
        if k >= n:
            return None
        # initial like "T. Haskins"
        if (
            len(toks[k].text) == 1
            and toks[k].text.isupper()
            and self.text[toks[k].end : toks[k].end + 1] == "."
            and k + 1 < n
            and self.name_word(k + 1, False)
        ):
            last = self.take(k + 1, False, max_tokens - 1)
            return (k, last[1]) if last else None
        if not self.name_word(k, lower_first):
            return None
        last = self._extend(k, lower_first, max_tokens)
        # "Mario Jr."
        if last + 1 < n and toks[last + 1].f in ("jr", "sr") and self.ctx.gap(last + 1) == " ":
            last += 1
        # a name followed by "County", "Hwy", "Jail"... is a place
        if last + 1 < n and toks[last + 1].f in PLACE_AFTER_NAME and self.ctx.gap(last + 1) == " ":
            conn = [q for q in range(k + 1, last) if toks[q].f in PERSON_CONNECTORS]
            if not conn:
                return None
            last = conn[0] - 1
        return (k, last)

    def _extend(self, k: int, lower_first: bool, max_tokens: int) -> int:
        """Last token of the name that starts at k: surnames and "de la" connectors."""
        toks, n, ctx = self.toks, self.n, self.ctx
        last = k
        j = k + 1
        while j < n and j - k < max_tokens:
            gap = ctx.gap(j)
            if (gap not in (" ", "-") and gap.strip()) or "\n" in gap:
                break
            after = self._after_connectors(j, lower_first or ctx.style == "lower")
            if after is not None:
                last = after
                j = after + 1
                continue
            lower_next = (
                (ctx.style == "lower" or lower_first)
                and not self.cap(last)
                and (toks[j].f in self.fn or name_like_word(toks[j].f))
            )
            if self.name_word(j, lower_next) and (self.cap(j) or lower_next):
                if toks[j].f in ("county", "sheriff", "pd"):
                    break
                last = j
                j += 1
                continue
            break
        return last

    def _after_connectors(self, j: int, lower: bool) -> int | None:
        """ "de la Cruz", "maria de los angeles": the name word after one or two connectors
        at token j, or None."""
        toks, n = self.toks, self.n
        q = j
        while q < n and q - j < 2 and toks[q].f in PERSON_CONNECTORS and self.ctx.gap(q + 1) == " ":
            q += 1
        if q == j or q >= n or toks[q].f in US_STATES or is_country_word(toks[q].f):
            return None  # "Pedro Pérez de Guatemala" is from there
        if q + 1 < n and toks[q + 1].f in US_STATES and self.ctx.gap(q + 1).strip() in ("", ","):
            return None  # "soy victoria de victoria texas": a town and its state, not a surname
        if self.cap(q):
            return q if self.name_word(q, False) else None
        return q if lower and toks[q].f in self.fn and self.name_word(q, True) else None

    def emit(self, span: tuple[int, int], label: str, score: float, why: str) -> None:
        s, e = self.toks[span[0]].start, self.toks[span[1]].end
        if self.text[e : e + 1] == "." and self.toks[span[1]].f in ("jr", "sr"):
            e += 1
        if self.text[s:e].endswith(("'s", "’s")):
            e -= 2  # "Adeyemi's license": the placeholder keeps the possessive
        self.out.append(candidate(label, s, e, score, why=why))

    def skip_fillers(self, k: int) -> int:
        """Skip ', is/es, don/doña/la licenciada' between a cue and a name."""
        toks, n = self.toks, self.n
        while k < n and (
            toks[k].f in HONORIFICS
            or toks[k].f in FILLERS
            or (toks[k].f in ("la", "el") and k + 1 < n and toks[k + 1].f in HONORIFICS)
            or (
                toks[k].f in ("la", "el")
                and k + 1 < n
                and self.cap(k + 1)
                and k > 0
                and toks[k - 1].f in NICK_VERBS
            )
        ):
            k += 1
        return k

    # -- who is meant -------------------------------------------------------------------
    def antecedent(self, k: int) -> str:
        """'OFFICER' or 'PERSON': who "his name was X" at token k refers to.

        Recall first: an officer needs a role word in this sentence or the one before, with
        no relative or other private person nearer; otherwise the name is a private person's."""
        toks = self.toks
        if k > 0 and (toks[k - 1].f in GENERIC_PEOPLE or self._private_name_at(k - 1)):
            return "PERSON"  # "un señor ...", "Flaco real name Rigoberto Zelaya"
        saw_other = False
        boundaries = 0
        for j in range(k - 1, max(-1, k - 60), -1):
            f = toks[j].f
            if re.search(r"[.!?\n]", self.ctx.gap(j + 1)):
                boundaries += 1
                if boundaries > 1:
                    break
            if f in OTHER_WORDS:
                saw_other = True
            if j in self.resolved:
                # "officer Blackwell and another one named Stokes"
                if saw_other and f in OFFICER_NOUNS:
                    return "OFFICER"
                if saw_other and f in KIN_NOUNS:
                    return "PERSON"
                continue
            if f in OFFICER_NOUNS:
                if self._sheriff_as_agency(j):
                    continue
                return "OFFICER"
            if f in KIN_NOUNS or f in GENERIC_PEOPLE:
                return "PERSON"
            if f in ("i", "yo") and j + 1 < self.n and toks[j + 1].f in ("am", "soy"):
                return "PERSON"
        return "PERSON"

    def _private_name_at(self, j: int) -> bool:
        """Is token j a word of a private person's name found so far ("my brother Flaco ...
        Flaco real name X")?"""
        f = self.toks[j].f
        return self.toks[j].text[0].isupper() and any(
            r.entity_type == "PERSON" and f in words(self.text[r.start : r.end]) for r in self.out
        )

    def _sheriff_as_agency(self, j: int) -> bool:
        """ "the County Sheriff's office", "sheriff del condado": an agency, not a person."""
        toks = self.toks
        if toks[j].f != "sheriff":
            return False
        return (j > 0 and toks[j - 1].f in ("county", "condado", "del", "de", "the", "el")) or (
            j + 1 < self.n and toks[j + 1].f in ("office", "department", "de", "del", "dept")
        )

    def sentence_start(self, k: int) -> bool:
        head = self.text[max(0, self.toks[k].start - 4) : self.toks[k].start]
        return k == 0 or bool(re.search(r"[.!?:\n]\s*['\"“]?$", head))
