"""A county map of reports drawn on the server as SVG, from the U.S. Census boundaries that the
npm package us-atlas ships already projected (intake/data/us-atlas/, in the repository: nothing is
downloaded at run time, no tiles, no script). Counties with reports are shaded; states are
outlined. Plain data in, SVG text out; the geometry is decoded once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from pathlib import Path

from .officers import fold
from .tilemap import SHADES, shade

ATLAS = Path(__file__).resolve().parents[1] / "data" / "us-atlas" / "counties-albers-10m.json"
STATE_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY",
}  # fmt: skip
SUFFIXES = (" county", " parish", " borough", " census area", " municipality", " city and borough")


def county_key(name: str) -> str:
    """A county name as compared: "Harris County", "harris" and "HARRIS CO." are one."""
    folded = " ".join(fold(name).replace(".", " ").split())
    for suffix in (*SUFFIXES, " co"):
        if folded.endswith(suffix):
            folded = folded[: -len(suffix)]
    return folded.replace("saint ", "st ").strip()


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute coordinates of every arc (TopoJSON stores them quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 1), round(y * sy + ty, 1)))
        decoded.append(points)
    return decoded


def _ring(arcs: list, indices: list[int]) -> str:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z"


def _path(arcs: list, geometry: dict) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return "".join(_ring(arcs, ring) for polygon in polygons for ring in polygon)


@lru_cache(maxsize=1)
def atlas() -> tuple[dict[tuple[str, str], tuple[str, str]], str]:
    """{(state code, county key): (name, SVG path)} and the states' outlines as one path."""
    topology = json.loads(ATLAS.read_text())
    arcs = _arcs(topology)
    counties = {}
    for geometry in topology["objects"]["counties"]["geometries"]:
        state = STATE_FIPS.get(str(geometry["id"])[:2])
        if state and geometry.get("arcs"):
            name = geometry["properties"]["name"]
            counties[(state, county_key(name))] = (name, _path(arcs, geometry))
    states = "".join(
        _path(arcs, g) for g in topology["objects"]["states"]["geometries"] if g.get("arcs")
    )
    return counties, states


def county_map(counts: dict[tuple[str, str], int], title: str) -> tuple[str, int]:
    """The SVG, and how many reports it could not place (a county name not in the atlas).
    `counts` is keyed by (state code, county name as reports give it)."""
    counties, states = atlas()
    placed: dict[tuple[str, str], int] = {}
    unplaced = 0
    for (state, name), count in counts.items():
        key = (state, county_key(name))
        if key in counties:
            placed[key] = placed.get(key, 0) + count
        else:
            unplaced += count
    top = max(placed.values(), default=0)
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 975 610" role="img" '
        f'aria-labelledby="county-map-title"><title id="county-map-title">{escape(title)}</title>',
        # The states once, filled and outlined; shaded counties are drawn over them.
        f'<path d="{states}" fill="{SHADES[0]}" stroke="#778" stroke-width="0.6"/>',
    ]
    for key, count in sorted(placed.items()):
        name, path = counties[key]
        parts.append(
            f'<path d="{path}" fill="{SHADES[shade(count, top)]}" stroke="#555" '
            f'stroke-width="0.3"><title>{escape(name)}, {key[0]}: {count}</title></path>'
        )
    parts.append("</svg>")
    return "".join(parts), unplaced
