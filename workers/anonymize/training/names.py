"""Name pools for the generated corpus, split into two disjoint partitions by a hash.

Names come from Faker's person providers for the countries our reporters come from and others,
plus names that are ordinary words and nicknames. A name belongs to the eval partition when
its hash falls in EVAL_SHARE; a name written in the project's own corpora (the ones the rules
were written from) never enters the eval partition.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from faker import Faker


def words(s: str) -> list[str]:
    return s.split()


EVAL_SHARE = 30  # percent of names held for the evaluation partition
PARTITIONS = ("train", "eval")

# Latin-script locales (zh_CN is used through its romanised names).
HISPANIC_LOCALES = ("es_MX", "es_CO", "es_ES", "es_AR", "es_CL", "es_VE", "es_CA")
OTHER_LOCALES = (
    "en_US",
    "en_GB",
    "en_IE",
    "en_IN",
    "en_NG",
    "pt_BR",
    "pt_PT",
    "fr_FR",
    "fr_CA",
    "it_IT",
    "de_DE",
    "pl_PL",
    "ro_RO",
    "tr_TR",
    "id_ID",
    "sw",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "zu_ZA",
    "vi_VN",
    "nl_NL",
    "cs_CZ",
    "hr_HR",
    "sq_AL",
    "tw_GH",
)
ROMANISED_LOCALES = ("zh_CN", "ja_JP")

# Given names that are also ordinary words (en and es): a name detector must not need a cue.
WORD_NAMES = words(
    """Rosa Paz Dolores Guadalupe Blanca Socorro Pilar Salvador Ángel Jesús Luz Mercedes Consuelo
Esperanza Amparo Rocío Soledad Remedios Milagros Cruz Trinidad Concepción Asunción Rosario
Victoria Alegría Caridad Fe León Modesto Clemente Amado Dulce Linda Cielo Estrella Perla
Flor Luna Sol Marina Nieves Reyes Santos Inocencio Justo Feliz Bonifacio Primitivo Severo
Prudencio Hope Faith Will Grace Joy Rose Summer Autumn Dawn Sky Hunter Bill Mark Rich Penny
Ivy Jasmine Amber Crystal Daisy Lily Iris Star Destiny Patience Chance Cash King Angel
Precious Heaven Honor Justice Major Royal Melody Harmony Sunny Misty Candy Brandy Ginger
Holly Robin Jay Wade Chase Drew Pierce Miles Gene Earnest Frank Sterling Stone Ray Reed
Rusty Buddy"""
)
NICKNAMES = words(
    """Chuy Lupe Pancho Paco Memo Beto Toño Nacho Chepe Lalo Poncho Chava Chelo Chayo Pepe Tere
Lulú Nena Güero Flaca Gordo Chino Flaco Dago Quique Kike Lencho Moncho Tavo Cuco Pili Conchi
Goyo Checo Licha Chabela Meche Nando Rigo Fito Neto Tito Yeyo Cheo Juancho Mayito Chispa
Güera Bobby Mikey Jimmy Tony Danny Joey Stevie Benny Frankie Ricky Manny Sammy Junior Kiki
Gigi Coco Nico Rafa Javi Dani Santi Lucho Pato Toto Cholo Peque Chato Pelón Prieto Nené
Kathy Becky Lexi Maddy Sandy Mandy"""
)
# Words too common in narratives to pass as names in generated text (they would teach the
# model that any "the" is a name).
_STOP = frozenset(words("""de la del los las el y e van von da do dos das di le du san santa"""))

REPO = Path(__file__).resolve().parents[3]
PROJECT_CORPORA = (
    REPO / "tests" / "anonymize" / "data" / "dev.jsonl",
    REPO / "tests" / "anonymize" / "data" / "heldout.jsonl",
)


def fold(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in nfd if not unicodedata.combining(c))


def partition_of(word: str) -> str:
    digest = hashlib.blake2b(fold(word).encode("utf-8"), digest_size=4).digest()
    return "eval" if int.from_bytes(digest, "big") % 100 < EVAL_SHARE else "train"


_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'\-]{2,}$")


def _usable(word: str) -> bool:
    return bool(_LATIN.match(word)) and fold(word) not in _STOP


@functools.cache
def project_names() -> frozenset[str]:
    """Every word of a PERSON span in the project's own corpora (folded)."""
    out: set[str] = set()
    for path in PROJECT_CORPORA:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            for sp in item["spans"]:
                if sp["label"] in ("PERSON", "OFFICER"):
                    out.update(
                        fold(w) for w in re.findall(r"\w+", item["text"][sp["start"] : sp["end"]])
                    )
    return frozenset(out)


def _collect(locale: str, n: int, seed: int) -> tuple[set[str], set[str]]:
    fake = Faker(locale)
    fake.seed_instance(seed)
    firsts: set[str] = set()
    lasts: set[str] = set()
    romanised = locale in ROMANISED_LOCALES
    for _ in range(n):
        if romanised:
            f, last = fake.first_romanized_name(), fake.last_romanized_name()
        else:
            f, last = fake.first_name(), fake.last_name()
        for part in f.split():
            if _usable(part):
                firsts.add(part)
        for part in last.split():
            if _usable(part):
                lasts.add(part)
    return firsts, lasts


@dataclass(frozen=True)
class NamePool:
    hispanic_first: tuple[str, ...]
    hispanic_last: tuple[str, ...]
    other_first: tuple[str, ...]
    other_last: tuple[str, ...]
    word_names: tuple[str, ...]
    nicknames: tuple[str, ...]


@functools.cache
def name_pool(partition: str) -> NamePool:
    """The names of one partition; the two partitions share no name (folded)."""
    if partition not in PARTITIONS:
        raise ValueError(partition)
    taken = project_names() if partition == "eval" else frozenset()

    def keep(words) -> tuple[str, ...]:
        chosen = {w for w in words if partition_of(w) == partition and fold(w) not in taken}
        return tuple(sorted(chosen))

    groups = {}
    for key, locales in (
        ("hispanic", HISPANIC_LOCALES),
        ("other", OTHER_LOCALES + ROMANISED_LOCALES),
    ):
        firsts: set[str] = set()
        lasts: set[str] = set()
        for i, loc in enumerate(locales):
            f, last = _collect(loc, 1500, seed=1000 + i)
            firsts |= f
            lasts |= last
        groups[key] = (keep(firsts), keep(lasts))
    return NamePool(
        hispanic_first=groups["hispanic"][0],
        hispanic_last=groups["hispanic"][1],
        other_first=groups["other"][0],
        other_last=groups["other"][1],
        word_names=keep(WORD_NAMES),
        nicknames=keep(NICKNAMES),
    )


@dataclass(frozen=True)
class Person:
    first: str
    middle: str | None
    last: str
    last2: str | None
    nickname: str | None

    def full(self) -> str:
        return " ".join(p for p in (self.first, self.middle, self.last, self.last2) if p)


def random_person(pool: NamePool, rng: random.Random, hispanic_share: float) -> Person:
    hispanic = rng.random() < hispanic_share
    firsts = pool.hispanic_first if hispanic else pool.other_first
    lasts = pool.hispanic_last if hispanic else pool.other_last
    first = rng.choice(pool.word_names if rng.random() < 0.18 else firsts)
    middle = rng.choice(firsts) if rng.random() < (0.3 if hispanic else 0.1) else None
    last = rng.choice(lasts)
    if hispanic and rng.random() < 0.06:
        last = rng.choice(("de la ", "del ", "de ")) + last
    last2 = rng.choice(pool.hispanic_last) if hispanic and rng.random() < 0.45 else None
    nick = rng.choice(pool.nicknames) if rng.random() < 0.2 else None
    return Person(first, middle, last, last2, nick)
