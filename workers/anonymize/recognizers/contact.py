"""Contact details (redacted): email, URL, social handles and accounts, phone numbers."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import fold, zipf
from .common import FUNCTION_WORDS, DomainRecognizer, candidate, ctx_of


class ContactRecognizer(DomainRecognizer):
    """Email, URL, social handles and phone numbers (US and Latin American formats)."""

    ENTITIES = ("EMAIL", "URL", "SOCIAL_HANDLE", "PHONE")
    FIND_ME_RE = re.compile(
        r"(?:(?:me|nos|la|lo|los|las|le|les) (?:encuentran|encuentras|pueden encontrar|"
        r"puedes encontrar|buscan|busquen|hallan|encuentra)|"
        r"(?:find|look up|search(?: for)?) (?:me|her|him|us|them)|look (?:me|her|him|us) up|"
        r"(?:busca|busquen|encuentra|encuentren)(?:me|nos|la|lo|las|los)|"
        r"look for (?:me|her|him|us)|"
        r"(?:my|mi|su|his|her|their|our) (?:page|profile|account|perfil|pagina|cuenta|"
        r"usuario|user(?:name)?|face|facebook|fb|insta|instagram|ig|tiktok|twitter|snap|"
        r"snapchat)(?: (?:is|es|era|was|:))?)"
        r"(?: (?:on|in|en) \w+)?(?: (?:as|como|under|:))? ?[\"“']?$"
    )

    # "snap dayannaaa_o", "my ig is flaca.92", "tiktok: lupita_mx": a handle without "@"
    PLATFORM_RE = re.compile(
        r"\b(?:snap(?:chat)?|ig|insta(?:gram)?|tik ?tok|twitter|telegram|kik|threads|fb|"
        r"facebook|face)\b(?:\s*(?:is|es|:|-|=|name|user(?:name)?|usuario|handle|account|"
        r"cuenta|me|as|como|at|en|its|it's)\b\.?|\s*[:=-]){0,3}\s*"
        r"([a-z0-9_][\w.]{2,29})(?![\w@])",
        re.IGNORECASE,
    )

    # Digits in groups the way the world writes phones: "730 064 218", "05.06.52.16.25",
    # "(1) 995-8140", "+41 (0)27 240 04 99", "650-752-7354x549"
    GROUPED_RE = re.compile(
        r"(?<![\w/.,:$+-])\+?(?:\(?\d{1,5}\)?[\s.-]?){1,5}\d{2,5}(?:\s?(?:x|ext\.?)\s?\d{1,5})?"
        r"(?![\w/:-]|[.,]\d)",
        re.IGNORECASE,
    )
    # a phone's label after it, in signatures: "723 813 266 office", "0494 41 18 24-Office"
    LABEL_AFTER_RE = re.compile(
        r"^\W{0,3}(?:office|fax|mobile|cell|home|work|desk|casa|celular|trabajo|whatsapp)\b",
        re.IGNORECASE,
    )
    # said right before a number that is a phone (beside patterns.PHONE_CONTEXT_RE)
    CALL_CONTEXT_RE = re.compile(
        r"(?:fax|desk|office|messages? to|registered|answering at|reach (?:me|us|him|her)|"
        r"call (?:me|us|him|her)|oficina|celular|mensajes? al?)\W[^.!?\n]{0,20}$"
        r"|(?:phone|telephone|tel|mobile|cell|fax|celular|telefono|whatsapp)\s*:\s*$"
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        out = self._addresses(text) + self._handles(ctx) + self._phones(ctx)
        return out

    def _handles(self, ctx) -> list[RecognizerResult]:
        text, out = ctx.text, []
        for m in P.HANDLE_RE.finditer(text):
            if len(m.group()) >= 3:
                out.append(candidate("SOCIAL_HANDLE", m.start(), m.end(), 1.0))
        for m in self.PLATFORM_RE.finditer(text):
            h = m.group(1).rstrip(".")
            f = fold(h)
            if re.search(r"[_.\d]", h) or (
                f not in FUNCTION_WORDS and max(zipf(f, "en"), zipf(f, "es")) < 3.5
            ):
                out.append(candidate("SOCIAL_HANDLE", m.start(1), m.start(1) + len(h), 1.0))
        out.extend(self._display_names(ctx))
        return out

    def _addresses(self, text: str) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        emails = []
        for m in P.EMAIL_RE.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in ".-":
                e -= 1
            emails.append((s, e))
            out.append(candidate("EMAIL", s, e, 1.0))
        for m in P.URL_RE.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in ".,;:!?":
                e -= 1
            if any(a <= s < b for a, b in emails):
                continue
            out.append(candidate("URL", s, e, 1.0))
        return out

    # "Lupita Gomez 2 on facebook": a display name before the platform it is on
    ON_PLATFORM_RE = re.compile(
        r"^\s*(?:on|en|in)\s+(?:the\s+|el\s+)?(?:facebook|fb|face|insta(?:gram)?|ig|"
        r"tik\s?tok|twitter|snap(?:chat)?|messenger|whatsapp|telegram)\b",
        re.IGNORECASE,
    )
    NUMBER_AFTER_RE = re.compile(r"^[ ._-]?\d{1,4}(?![\w/:.-]|[.,]\d)")

    def _display_names(self, ctx) -> list[RecognizerResult]:
        """ "my fb is Mari Lopez Ruiz", "búscame como Lupita Flores 2", "Lupita Gomez 2 on
        facebook": a display name, with the number people add to it."""
        out: list[RecognizerResult] = []
        toks, text = ctx.toks, ctx.text
        for i, tok in enumerate(toks):
            if not ctx.is_cap(tok) or (i and ctx.is_cap(toks[i - 1]) and ctx.gap(i) == " "):
                continue
            j = i
            while (
                j + 1 < len(toks)
                and j - i < 5
                and ctx.is_cap(toks[j + 1])
                and ctx.gap(j + 1).strip() in ("", ".", "-", "_")
            ):
                j += 1
            end = toks[j].end
            num = self.NUMBER_AFTER_RE.match(text[end:])
            end += num.end() if num else 0
            before = ctx.folded[max(0, tok.start - 45) : tok.start]
            if self.FIND_ME_RE.search(before):
                out.append(candidate("SOCIAL_HANDLE", tok.start, end, 1.0))
            elif j > i and self.ON_PLATFORM_RE.match(text[end : end + 25]):
                # below an agency's priority: "Harris County on facebook" stays
                out.append(candidate("SOCIAL_HANDLE", tok.start, end, 0.75))
        return out

    def _phones(self, ctx) -> list[RecognizerResult]:
        text, out = ctx.text, []
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
                out.append(candidate("PHONE", s, e, 1.0))
        return out + self._grouped_phones(ctx)

    def _grouped_phones(self, ctx) -> list[RecognizerResult]:
        """Numbers in digit groups with a phone's cue before or its label after; with a
        leading + or 0 and nine digits or more, the grouping alone is a phone's."""
        text, out = ctx.text, []
        for m in self.GROUPED_RE.finditer(text):
            s, e = m.span()
            d = P.digits(m.group())
            if not 7 <= len(d) <= 16 or not re.search(r"[\s.()-]", m.group()):
                continue
            if P.FULL_DATE_RE.fullmatch(m.group()) or P.DATE_RE.fullmatch(m.group()):
                continue  # "2019-03-04"
            before = P.window_before(ctx.folded, s, 40)
            if P.ID_CONTEXT_RE.search(before) or P.A_CONTEXT_RE.search(before):
                continue
            if P.SSN_CONTEXT_RE.search(before):
                continue
            cued = (
                P.PHONE_CONTEXT_RE.search(before)
                or self.CALL_CONTEXT_RE.search(before)
                or self.LABEL_AFTER_RE.match(text[e : e + 12])
            )
            if cued or (text[s] in "+0(" and len(d) >= 9):
                out.append(candidate("PHONE", s, e, 0.95, why="grouped"))
        return out
