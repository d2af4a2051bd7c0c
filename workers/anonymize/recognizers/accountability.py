"""What staff need to keep for accountability: agencies, badge and car numbers, incident dates
and times. Officers' names are found with the people (`people.officer_titles`), since an officer
and a private person are told apart by the same name walker."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import AGENCY_ACRONYMS, fold
from .common import Ctx, DomainRecognizer, candidate, ctx_of, near_officer, walk_back, walk_forward
from .government_ids import OWN_VEHICLE_RE


class AccountabilityRecognizer(DomainRecognizer):
    """Agencies, incident dates and times, badge numbers (kept)."""

    ENTITIES = ("AGENCY", "DATE", "BADGE")
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
    PRECINCT_RE = re.compile(
        r"\b(?:constable(?:['’]s\s+office)?\s+)?(?:precinct|precinto|distrito)\s+\d{1,2}"
        r"(?:\s+(?:del\s+condado(?:\s+de)?|de|of)\s+(?-i:[A-Z][\w]+)(?:\s+County)?)?"
        r"(?:\s+constables?(?:['’]s?\s+office)?)?",
        re.IGNORECASE,
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        return self._agencies(ctx) + self._dates(ctx) + self._badges(ctx)

    def _agencies(self, ctx: Ctx) -> list[RecognizerResult]:
        text, toks = ctx.text, ctx.toks
        out: list[RecognizerResult] = []
        for m in self.AGENCY_HEAD_RE.finditer(text):
            i = ctx.index_at(m.start())
            first = walk_back(ctx, i, 3)
            head_words = m.group().lower().split()
            if first is None and not (len(head_words) > 1 and head_words[0] == "county"):
                continue
            s = toks[first].start if first is not None else m.start()
            if first is None:
                continue
            out.append(candidate("AGENCY", s, m.end(), 0.82))
        for m in self.AGENCY_ES_RE.finditer(text):
            end = walk_forward(ctx, ctx.index_at(m.end()), 1 if ctx.style != "normal" else 3)
            if end is not None:
                out.append(candidate("AGENCY", m.start(), end, 0.82))
        for m in self.AGENCY_FIXED_RE.finditer(text):
            out.append(candidate("AGENCY", m.start(), m.end(), 0.82))
        for t in toks:
            if (
                t.text in AGENCY_ACRONYMS
                or (t.text in ("ice", "Ice") and ctx.style != "normal")
                or (t.text == "ice" and not text[t.end : t.end + 6].startswith((" cream", " cold")))
            ):
                out.append(candidate("AGENCY", t.start, t.end, 0.82))
        for m in self.PRECINCT_RE.finditer(text):
            if re.search(r"constable|precinct|precinto", m.group(), re.IGNORECASE):
                out.append(candidate("AGENCY", m.start(), m.end(), 0.82))
        return out

    def _dates(self, ctx: Ctx) -> list[RecognizerResult]:
        text = ctx.text
        out: list[RecognizerResult] = []
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
            out.append(candidate("DATE", m.start(), m.end(), 0.8))
        return out

    def _badges(self, ctx: Ctx) -> list[RecognizerResult]:
        text = ctx.text
        out: list[RecognizerResult] = []
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
                if OWN_VEHICLE_RE.search(P.window_before(ctx.folded, s, 45)):
                    continue  # "anotó mi placa 55123": the reporter's plate
                out.append(candidate("BADGE", s, e, 0.9))
            elif P.BADGE_WEAK_RE.search(before) and near_officer(ctx.folded, m.start(), 160):
                if re.search(
                    r"(?:phone|tel|cel|call|whatsapp|cuarto|room|apt)\W*(?:number|numero|#)?\W*$",
                    before,
                ):
                    continue
                out.append(candidate("BADGE", s, e, 0.9))
        return out
