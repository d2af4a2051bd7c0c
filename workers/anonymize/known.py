"""What the reporter typed in separate fields, turned into an ad-hoc Presidio recognizer."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from . import patterns as P
from .lexicon import AMBIGUOUS_NAMES, NICKNAMES, VEHICLE_NOUNS, fold
from .recognizers import FUNCTION_WORDS, NAME_CONNECTORS, ctx_of

VEHICLE_AFTER = r"\s(?:" + "|".join(sorted(VEHICLE_NOUNS)) + r")\b"
_REVERSE_NICK: dict[str, set[str]] = {}
for _full, _nicks in NICKNAMES.items():
    for _n in _nicks.split():
        _REVERSE_NICK.setdefault(_n, set()).add(_full)


def name_variants(name: str) -> set[str]:
    """Folded variants of a name: full, each part, hyphen parts, nicknames."""
    f = re.sub(r"\s+", " ", fold(name)).strip(" .,")
    if not f:
        return set()
    out = {f, f.replace("-", " ")}
    parts = [p for p in re.split(r"[\s-]+", f) if p]
    for p in parts:
        p = p.strip(".'’")
        if len(p) >= 2 and p not in NAME_CONNECTORS and p not in FUNCTION_WORDS:
            out.add(p)
    if len(parts) >= 2:
        out.add(" ".join(parts[:2]))
        out.add(" ".join(parts[-2:]))
    for key in (parts[0] if parts else "", " ".join(parts[:2])):
        out.update(NICKNAMES.get(key, "").split())
    for p in parts[:1]:
        for full in _REVERSE_NICK.get(p, ()):
            out.add(full)
    return {v for v in out if len(v) >= 2}


def known_names(known: dict | None) -> list[str]:
    if not known:
        return []
    names = []
    rn = known.get("reporter_name")
    if isinstance(rn, str) and rn.strip():
        names.append(rn)
    others = known.get("other_names") or []
    if isinstance(others, str):
        others = [others]
    names.extend(o for o in others if isinstance(o, str) and o.strip())
    return names


class KnownValuesRecognizer(EntityRecognizer):
    """Finds every variant of the reporter's name, phone, email and listed names."""

    def __init__(self, known: dict | None, language: str):
        super().__init__(
            supported_entities=["PERSON", "PHONE", "EMAIL"],
            supported_language=language,
            name="KnownValuesRecognizer",
        )
        self.names: list[tuple[int, set[str]]] = []
        for idx, name in enumerate(known_names(known)):
            self.names.append((idx, name_variants(name)))
        self.phone_res: list[re.Pattern] = []
        self.emails: list[str] = []
        if known:
            phone = known.get("phone")
            if isinstance(phone, str):
                d = P.digits(phone)
                if len(d) == 11 and d[0] == "1":
                    d = d[1:]
                if len(d) >= 7:
                    sep = r"[\s.()\-/]{0,3}"
                    body = sep.join(d)
                    self.phone_res.append(re.compile(rf"(?<!\d)(?:\+?\s?1{sep})?{body}(?!\d)"))
                    if len(d) >= 10:
                        local = sep.join(d[-7:])
                        self.phone_res.append(re.compile(rf"(?<!\d[\s.\-)])(?<!\d){local}(?!\d)"))
            email = known.get("email")
            if isinstance(email, str) and "@" in email:
                e = fold(email.strip())
                self.emails.append(e)
                local = e.split("@", 1)[0]
                if len(local) >= 6 and re.search(r"[\d._]", local):
                    self.emails.append(local)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        ctx = ctx_of(text, nlp_artifacts)
        return self._names(ctx) + self._contacts(ctx)

    def _names(self, ctx) -> list[RecognizerResult]:
        text, F = ctx.text, ctx.folded
        out = []
        for idx, variants in self.names:
            for v in sorted(variants, key=len, reverse=True):
                rx = re.compile(
                    r"(?<![\w@.])" + re.escape(v).replace(r"\ ", r"[\s-]+") + r"(?![\w@])"
                )
                for m in rx.finditer(F):
                    s, e = m.span()
                    orig = text[s:e]
                    if (
                        ctx.style == "normal"
                        and not orig[:1].isupper()
                        and (v in AMBIGUOUS_NAMES or v in FUNCTION_WORDS or len(v) <= 3)
                    ):
                        continue
                    if " " not in v and re.match(VEHICLE_AFTER, text[e : e + 16], re.IGNORECASE):
                        continue  # "my old Mercedes van"
                    out.append(
                        RecognizerResult(
                            "PERSON",
                            s,
                            e,
                            0.7,
                            recognition_metadata={
                                "recognizer_name": self.name,
                                "cluster": f"k{idx}",
                                "why": "known",
                            },
                        )
                    )
        return out

    def _contacts(self, ctx) -> list[RecognizerResult]:
        text, F = ctx.text, ctx.folded
        out = []
        for rx in self.phone_res:
            for m in rx.finditer(text):
                out.append(
                    RecognizerResult(
                        "PHONE",
                        m.start(),
                        m.end(),
                        1.0,
                        recognition_metadata={"recognizer_name": self.name},
                    )
                )
        for e in self.emails:
            for m in re.finditer(r"(?<![\w.])" + re.escape(e) + r"(?![\w])", F):
                out.append(
                    RecognizerResult(
                        "EMAIL",
                        m.start(),
                        m.end(),
                        1.0,
                        recognition_metadata={"recognizer_name": self.name},
                    )
                )
        return out
