"""Places that recur across reports: the county and city fields of the form, and highways and
intersections among the places the anonymizer kept in the narrative. Plain data in and out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .officers import fold

ROAD_NUMBER = re.compile(
    r"^(?P<kind>i|interstate|us|u\.s\.|sr|state road|state route|hwy|highway|fm|farm to market|"
    r"route|rte|ruta|carretera|autopista|loop|spur)[\s.-]*(?P<number>\d{1,4}[a-z]?)\b"
)
ROAD_KINDS = {
    "i": "I",
    "interstate": "I",
    "us": "US",
    "u.s.": "US",
    "sr": "SR",
    "state road": "SR",
    "state route": "SR",
    "hwy": "Hwy",
    "highway": "Hwy",
    "fm": "FM",
    "farm to market": "FM",
    "route": "Route",
    "rte": "Route",
    "ruta": "Route",
    "carretera": "Hwy",
    "autopista": "Hwy",
    "loop": "Loop",
    "spur": "Spur",
}
NAMED_ROAD = re.compile(
    r"^(?P<name>[a-z][a-z .'-]*?)\s+(?:hwy|highway|fwy|freeway|pkwy|parkway|expressway|tollway)\.?$"
)
STREET = re.compile(
    r"\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|pike|calle|avenida)"
    r"\.?$|\b(?:calle|avenida)\b"
)
JOINER = re.compile(r"^\s*(?:and|&|y|at|con|with|/)\s*$")
COUNTY = re.compile(
    r"^(?P<name>[a-z][a-z .'-]*?)\s+(?:county|parish)$|^condado de (?P<es>[a-z .'-]+)$"
)


def road(text: str) -> str | None:
    """A highway's canonical name ("I-45", "FM 646", "Buford Hwy"), or None."""
    folded = " ".join(fold(text).split())
    if match := ROAD_NUMBER.match(folded):
        kind = ROAD_KINDS[match["kind"]]
        joiner = "-" if kind in ("I", "US", "SR") else " "
        return f"{kind}{joiner}{match['number'].upper()}"
    if match := NAMED_ROAD.match(folded):
        return f"{match['name'].title()} Hwy"
    return None


def county(text: str) -> str | None:
    folded = " ".join(fold(text).split())
    if match := COUNTY.match(folded):
        return f"{(match['name'] or match['es']).strip().title()} County"
    return None


def _is_street(text: str) -> bool:
    return bool(road(text) or STREET.search(" ".join(fold(text).split())))


def places_in_text(text: str, kept: Iterable[dict]) -> list[tuple[str, str]]:
    """(kind, name) of highways, intersections and counties among the kept PLACE spans."""
    spans = sorted(
        (t for t in kept if t.get("label") == "PLACE" and 0 <= t["start"] < t["end"] <= len(text)),
        key=lambda t: t["start"],
    )
    found: list[tuple[str, str]] = []
    for i, tag in enumerate(spans):
        value = text[tag["start"] : tag["end"]]
        if name := road(value):
            found.append(("highway", name))
        if name := county(value):
            found.append(("county", name))
        if i + 1 < len(spans):
            nxt = spans[i + 1]
            between = text[tag["end"] : nxt["start"]]
            other = text[nxt["start"] : nxt["end"]]
            if (
                len(between) <= 6
                and JOINER.match(between)
                and _is_street(value)
                and _is_street(other)
            ):
                a, b = sorted((_street_name(value), _street_name(other)))
                found.append(("intersection", f"{a} & {b}"))
    return found


def _street_name(text: str) -> str:
    return road(text) or " ".join(fold(text).split()).title()
