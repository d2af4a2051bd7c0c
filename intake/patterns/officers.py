"""Which officer mentions in different reports are one officer.

The anonymizer keeps officers' names (OFFICER) and badge or car numbers (BADGE) as tagged spans.
Reporters write the same deputy many ways ("Dep. R. Treviño", "deputy Trevino", "badge 4127"),
so mentions are compared on a folded form: accents, case, punctuation and rank words dropped.
Two mentions are one officer when, within one agency, they share a badge number, or share a
surname with first names that do not contradict each other ("R." fits "Roberto", nothing fits
anything, "Roberto" does not fit "Maria"). Agencies are kept apart because badge numbers and
common surnames repeat across departments. Plain data in and out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

# Rank and role words that may precede a name (English and Spanish, abbreviations included).
RANK_WORDS = frozenset(
    """
    deputy dep sgt sergeant sargento officer ofc oficial oficiala trooper tpr cpl
    corporal cabo lt lieutenant teniente capt captain capitan det detective investigator
    inv agent agente alguacil jailer carcelero guard guardia policia cop sheriff
    comandante inspector marshal patrolman patrolwoman el la the mr mrs ms sr sra srta
    senor senora sgto tte
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Words right before a number that make it a vehicle, not a badge ("unit 23", "patrulla 23").
CAR_CONTEXT = re.compile(
    r"(?:unit|unidad|car|carro|patrol car|patrulla|cruiser|vehicle|vehiculo|truck|troca)"
    r"(?:\s*(?:number|no\.?|num\.?|numero|#|is|was|es|era|:|de|el))*\W*$"
)


def fold(text: str) -> str:
    """Lower case without accents: "Treviño" and "TREVINO" fold to "trevino"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name without rank words or punctuation: ("r", "trevino")."""
    words = re.findall(r"[a-z]+(?:['’-][a-z]+)*", fold(name))
    return tuple(w.replace("’", "'") for w in words if w not in RANK_WORDS)


def number_key(value: str) -> str:
    """A badge or car number as compared: "#L-228", "l 228" and "L228" are one number."""
    return re.sub(r"[^0-9a-z]", "", fold(value)).upper()


@dataclass(frozen=True)
class Mention:
    """One officer as one report names them: a name, a badge, a car number, or some of these
    (a badge written next to a name in the same sentence belongs to that name)."""

    report_id: int
    agency_key: str
    name: tuple[str, ...] = ()
    badge: str | None = None
    car: str | None = None
    shown: str = ""  # as the report wrote it, for staff

    @property
    def surname(self) -> str | None:
        longer = [w for w in self.name if len(w) > 1]
        return longer[-1] if longer else None

    @property
    def first(self) -> str | None:
        """The first name, or its initial, if the mention has one before the surname."""
        return self.name[0] if len(self.name) > 1 else None


@dataclass
class Officer:
    """Mentions judged to be one officer, with what staff need to check that judgement."""

    agency_key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def report_ids(self) -> list[int]:
        return sorted({m.report_id for m in self.mentions})

    @property
    def badges(self) -> list[str]:
        return sorted({m.badge for m in self.mentions if m.badge})

    @property
    def cars(self) -> list[str]:
        return sorted({m.car for m in self.mentions if m.car})

    @property
    def names(self) -> list[str]:
        """The ways reports wrote the name, most frequent first."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.name:
                counts[m.shown] = counts.get(m.shown, 0) + 1
        return sorted(counts, key=lambda n: (-counts[n], n))

    @property
    def keys(self) -> list[str]:
        """Stable identities of this officer, to remember an alert once per pattern: every
        badge and every name as written in full (or with an initial) within the agency; the
        surname alone only when nothing fuller is known, since colleagues can share it."""
        keys = [f"badge:{self.agency_key}:{b}" for b in self.badges]
        named = sorted({" ".join(m.name) for m in self.mentions if m.first})
        keys += [f"name:{self.agency_key}:{n}" for n in named]
        if not named:
            surnames = sorted({m.surname for m in self.mentions if m.surname})
            keys += [f"surname:{self.agency_key}:{s}" for s in surnames]
        return keys or [f"car:{self.agency_key}:{c}" for c in self.cars]

    @property
    def label(self) -> str:
        parts = []
        if self.names:
            # The fullest form reports gave: most name words, then the longest first name.
            parts.append(
                max(self.names, key=lambda n: (len(name_tokens(n)), len("".join(name_tokens(n)))))
            )
        if self.badges:
            parts.append("badge " + ", ".join(self.badges))
        if self.cars:
            parts.append("car " + ", ".join(self.cars))
        return " · ".join(parts)


def _fits(a: str | None, b: str | None) -> bool:
    """Two first names (or initials) that could be the same person's."""
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def group_officers(mentions: Iterable[Mention]) -> list[Officer]:
    """Mentions grouped into officers, most reports first."""
    items = list(mentions)
    union = _Union(len(items))
    by_number: dict[tuple[str, str, str], int] = {}
    by_surname: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(items):
        for kind, value in (("badge", m.badge), ("car-only", None if m.name or m.badge else m.car)):
            if value:
                key = (m.agency_key, kind, value)
                if key in by_number:
                    union.join(i, by_number[key])
                else:
                    by_number[key] = i
        if m.surname:
            by_surname.setdefault((m.agency_key, m.surname), []).append(i)
    for indices in by_surname.values():
        _join_names(items, indices, union)
    groups: dict[int, Officer] = {}
    for i, m in enumerate(items):
        groups.setdefault(union.find(i), Officer(m.agency_key)).mentions.append(m)
    return sorted(groups.values(), key=lambda o: (-len(o.report_ids), o.label))


def _join_names(items: list[Mention], indices: list[int], union: _Union) -> None:
    """Within one agency and surname: different full first names are different people; an
    initial joins the one full name it fits (or others with the same initial when none does);
    a mention without a first name joins the one person there is, and stays apart when the
    surname belongs to several."""
    people: dict[str, int] = {}  # a full first name or a lone initial -> one of its mentions
    for i in indices:
        first = items[i].first
        if first and len(first) > 1:
            if first in people:
                union.join(i, people[first])
            else:
                people[first] = i
    for i in indices:
        first = items[i].first
        if first and len(first) == 1:
            fitting = [j for name, j in people.items() if len(name) > 1 and _fits(first, name)]
            if len(fitting) == 1:
                union.join(i, fitting[0])
            elif not fitting:
                if first in people:
                    union.join(i, people[first])
                else:
                    people[first] = i
    bare = [i for i in indices if not items[i].first]
    for i in bare:
        if len(people) == 1:
            union.join(i, next(iter(people.values())))
        elif not people and i != bare[0]:
            union.join(i, bare[0])


def mentions_in_text(
    report_id: int, agency_key: str, text: str, kept: Iterable[dict]
) -> list[Mention]:
    """Officer mentions of one redacted text from its kept spans: each name, with a badge or
    car number that follows it in the same sentence; numbers on their own as mentions too."""
    tags = sorted(
        (t for t in kept if t.get("label") in ("OFFICER", "BADGE")),
        key=lambda t: t.get("start", 0),
    )
    found: list[Mention] = []
    current: dict | None = None
    last_end = 0
    for tag in tags:
        start, end = int(tag.get("start", 0)), int(tag.get("end", 0))
        if not 0 <= start < end <= len(text):
            continue
        value = text[start:end].strip()
        gap = text[last_end:start]
        same_sentence = current is not None and len(gap) <= 60 and not re.search(r"[.!?;\n]", gap)
        if tag["label"] == "OFFICER":
            if current:
                found.append(_mention(report_id, agency_key, current))
            tokens = name_tokens(value)
            current = {"name": tokens, "shown": value} if tokens else None
        else:
            before = fold(text[max(0, start - 28) : start])
            kind = "car" if CAR_CONTEXT.search(before) else "badge"
            key = number_key(value)
            if not key:
                continue
            if same_sentence and current is not None and kind not in current:
                current[kind] = key
            else:
                if current:
                    found.append(_mention(report_id, agency_key, current))
                current = {kind: key, "shown": value}
        last_end = end
    if current:
        found.append(_mention(report_id, agency_key, current))
    return found


def _mention(report_id: int, agency_key: str, parts: dict) -> Mention:
    return Mention(
        report_id=report_id,
        agency_key=agency_key,
        name=parts.get("name", ()),
        badge=parts.get("badge"),
        car=parts.get("car"),
        shown=parts.get("shown", ""),
    )
