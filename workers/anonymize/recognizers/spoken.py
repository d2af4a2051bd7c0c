"""Identifiers said rather than written (redacted): a name spelled letter by letter
("C-A-R-L-O-S", "M A R T A", "ele o pe e zeta"), an e-mail address read out
("juan punto perez arroba gmail punto com", "nevaeh dot mom at example dot com") and a
profile's address ("facebook dot com slash lupita92")."""

from __future__ import annotations

import re

from ..lexicon import AGENCY_ACRONYMS, words
from .common import DomainRecognizer, candidate

# Letters written one by one: joined by hyphens or dots (three or more), or by spaces in
# capitals (four or more: "I A M" is not a name).
SPELLED_RE = re.compile(
    r"(?<![\w.-])(?:[^\W\d_](?:-|\.-?)\s?){2,}[^\W\d_](?![\w-])\.?"
    r"|(?<![\w.-])(?-i:[A-ZÁÉÍÓÚÑ] ){3,}(?-i:[A-ZÁÉÍÓÚÑ])(?![\w.-])"
)
# Spanish letter names; the ones that are no Spanish word on their own mark a spelling.
LETTERS_ES = words(
    """a be ce de e efe ge hache i jota ka ele eme ene ene o pe cu erre ese te u uve ve doble
    equis ye zeta griega"""
)
LETTERS_ES_MARKED = words("be ce efe ge hache jota ka ele eme ene pe cu erre uve equis zeta")
WORD_RE = re.compile(r"[^\W\d_]+")

_PART = r"[a-z0-9]+"
_JOIN = r"(?:dot|punto|underscore|guion bajo|gui[oó]n|dash|raya|point)"
AT_RE = re.compile(r"\s(?:at|arroba)\s", re.IGNORECASE)
DOMAIN_RE = re.compile(rf"{_PART}(?:\s+(?:dot|punto)\s+{_PART}){{1,2}}(?!\w)", re.IGNORECASE)
# a local part may hold what an address does: "dwayne_k", "maria.g", "j-lopez"
_LOCAL_PART = r"[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?"
LOCAL_RE = re.compile(
    rf"(?<![\w.+-]){_LOCAL_PART}(?:\s+{_JOIN}\s+{_LOCAL_PART}){{0,3}}$", re.IGNORECASE
)
# "facebook dot com slash monika4195", "facebookcom/monika4195": a profile's address said
SPOKEN_URL_RE = re.compile(
    r"\b(?:www\s*(?:dot|punto|\.)?\s*)?(?:facebook|fb|instagram|tiktok|twitter|youtube|x)"
    r"\s*(?:\.|dot|punto)?\s*com\s*(?:/|slash|diagonal)\s*[\w.-]+",
    re.IGNORECASE,
)
MAIL_TAILS = words(
    """com net org edu gov mx us es co io me info gt hn sv ni cr pa do ve ar cl pe ec bo uy br
    gmail hotmail yahoo outlook icloud aol live msn proton protonmail example"""
)


def spelled_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in SPELLED_RE.finditer(text):
        letters = re.sub(r"[^\w]", "", m.group())
        if len(letters) >= 3 and letters.upper() not in AGENCY_ACRONYMS:
            if "." in m.group() and len(letters) < 4:
                continue  # "U.S.A", "p.m."
            out.append(m.span())
    out.extend(_spanish_letter_runs(text))
    out.extend(_lower_letter_runs(text))
    return out


LOWER_LETTERS_RE = re.compile(r"(?<![\w.-])(?:[^\W\d_] ){2,}[^\W\d_](?![\w.-])")


def _lower_letter_runs(text: str) -> list[tuple[int, int]]:
    """ "last name cux that is c u x": single letters with spaces, in any case, that spell
    a word written elsewhere in the same text (a name spelled after it is said)."""
    written = {w.lower() for w in WORD_RE.findall(text) if len(w) >= 3}
    out = []
    for m in LOWER_LETTERS_RE.finditer(text):
        letters = m.group().replace(" ", "").lower()
        # the longest spelled word from the run's start: "c u x i live" spells "cux"
        for n in range(len(letters), 2, -1):
            if letters[:n] in written and letters[:n].upper() not in AGENCY_ACRONYMS:
                out.append((m.start(), m.start() + 2 * n - 1))
                break
    return out


def _spanish_letter_runs(text: str) -> list[tuple[int, int]]:
    """Four or more Spanish letter names in a row, half of them no word on their own."""
    out, run = [], []
    for m in [*WORD_RE.finditer(text), None]:
        gap_ok = m is not None and (not run or not text[run[-1].end() : m.start()].strip(" ,-"))
        if m is not None and gap_ok and m.group().lower() in LETTERS_ES:
            run.append(m)
            continue
        marked = sum(r.group().lower() in LETTERS_ES_MARKED for r in run)
        if len(run) >= 4 and marked >= 2 and 2 * marked >= len(run):
            out.append((run[0].start(), run[-1].end()))
        run = [m] if m is not None and m.group().lower() in LETTERS_ES else []
    return out


def spoken_emails(text: str) -> list[tuple[int, int]]:
    """A local part, "at"/"arroba", and a domain read with "dot"/"punto" that ends like a
    mail domain ("gmail", "com")."""
    out = []
    for at in AT_RE.finditer(text):
        domain = DOMAIN_RE.match(text, at.end())
        local = LOCAL_RE.search(text[max(0, at.start() - 60) : at.start()])
        if domain and local:
            tail = re.findall(r"[a-z0-9]+", domain.group().lower())
            if any(w in MAIL_TAILS for w in tail):
                out.append((at.start() - len(local.group()), domain.end()))
    return out


class SpokenRecognizer(DomainRecognizer):
    """Names spelled out (PERSON), e-mail and profile addresses read out (EMAIL, URL)."""

    ENTITIES = ("PERSON", "EMAIL", "URL")

    def analyze(self, text, entities, nlp_artifacts=None):
        out = [candidate("PERSON", s, e, 0.7, why="spelled") for s, e in spelled_names(text)]
        out += [candidate("EMAIL", s, e, 1.0, why="spoken") for s, e in spoken_emails(text)]
        out += [
            candidate("URL", m.start(), m.end(), 1.0, why="spoken")
            for m in SPOKEN_URL_RE.finditer(text)
        ]
        return out
