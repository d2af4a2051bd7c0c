"""The official channels a referral packet can go to, read from channels.yaml (one data file,
with the date it was checked and its sources)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CHANNELS_FILE = Path(__file__).with_name("channels.yaml")
SECTIONS = (
    "when",
    "where",
    "agency",
    "officers",
    "what_happened",
    "people",
    "wants",
    "evidence",
    "steps_taken",
    "contact",
)
UNVERIFIED = "verify before launch"


@dataclass(frozen=True)
class Channel:
    code: str
    name: str
    handles: str
    how: str
    web_form: str
    email: str
    phone: str
    fax: str
    mail: str
    source: tuple[str, ...]
    asks_for: tuple[str, ...]
    notes: str
    checked: str

    @property
    def contacts(self) -> list[tuple[str, str]]:
        return [
            ("Web form", self.web_form),
            ("Email", self.email),
            ("Phone", self.phone),
            ("Fax", self.fax),
            ("Mail", self.mail),
        ]


@lru_cache(maxsize=1)
def channels(path: Path = CHANNELS_FILE) -> dict[str, Channel]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = {}
    for code, entry in data["channels"].items():
        asks = tuple(entry["asks_for"])
        unknown = set(asks) - set(SECTIONS)
        if unknown:
            raise ValueError(f"{path.name}: {code} asks for unknown sections {sorted(unknown)}")
        found[code] = Channel(
            code=code,
            name=entry["name"],
            handles=" ".join(entry["handles"].split()),
            how=entry["how"],
            web_form=entry["web_form"],
            email=entry["email"],
            phone=entry["phone"],
            fax=entry["fax"],
            mail=" ".join(entry["mail"].split()),
            source=tuple(entry.get("source") or ()),
            asks_for=asks,
            notes=" ".join(entry.get("notes", "").split()),
            checked=str(data["checked"]),
        )
    return found
