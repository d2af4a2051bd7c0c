"""A map of reports drawn on the server as SVG: one square per state (a tile grid), so it needs
no geometry, no tiles from anyone and no JavaScript. Plain data in, SVG text out."""

from __future__ import annotations

from html import escape

# (row, column) of each state on a tile grid that keeps neighbours near each other.
GRID: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (0, 11),
    "VT": (1, 10), "NH": (1, 11),
    "WA": (2, 1), "ID": (2, 2), "MT": (2, 3), "ND": (2, 4), "MN": (2, 5), "IL": (2, 6),
    "WI": (2, 7), "MI": (2, 8), "NY": (2, 9), "RI": (2, 10), "MA": (2, 11),
    "OR": (3, 1), "NV": (3, 2), "WY": (3, 3), "SD": (3, 4), "IA": (3, 5), "IN": (3, 6),
    "OH": (3, 7), "PA": (3, 8), "NJ": (3, 9), "CT": (3, 10),
    "CA": (4, 1), "UT": (4, 2), "CO": (4, 3), "NE": (4, 4), "MO": (4, 5), "KY": (4, 6),
    "WV": (4, 7), "VA": (4, 8), "MD": (4, 9), "DE": (4, 10),
    "AZ": (5, 2), "NM": (5, 3), "KS": (5, 4), "AR": (5, 5), "TN": (5, 6), "NC": (5, 7),
    "SC": (5, 8), "DC": (5, 9),
    "OK": (6, 4), "LA": (6, 5), "MS": (6, 6), "AL": (6, 7), "GA": (6, 8),
    "HI": (7, 0), "TX": (7, 4), "FL": (7, 9),
}  # fmt: skip
# Light to dark blue; text turns white on the two darkest.
SHADES = ("#eef3f8", "#c6dbef", "#9ecae1", "#4292c6", "#08519c")
SIZE, GAP = 48, 4


def shade(count: int, top: int) -> int:
    """0 for no reports, else 1..4 by the share of the busiest state (never 0 for a report)."""
    if count <= 0 or top <= 0:
        return 0
    return min(4, 1 + (4 * count - 1) // top)


def state_tile_map(counts: dict[str, int], title: str, link: str | None = None) -> str:
    """The SVG of the tile map; each tile's <title> names the state and its count.

    `link`, when given, is a URL with `{state}` where the state code goes (a tile becomes a
    link to those reports)."""
    top = max(counts.values(), default=0)
    width = 12 * (SIZE + GAP)
    height = 8 * (SIZE + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="map-title"><title id="map-title">{escape(title)}</title>'
    ]
    for state, (row, col) in GRID.items():
        count = counts.get(state, 0)
        level = shade(count, top)
        x, y = col * (SIZE + GAP), row * (SIZE + GAP)
        ink = "#fff" if level >= 3 else "#1b1b1b"
        tile = (
            f"<g><title>{state}: {count}</title>"
            f'<rect x="{x}" y="{y}" width="{SIZE}" height="{SIZE}" rx="3" fill="{SHADES[level]}" '
            f'stroke="#8aa" stroke-width="0.5"/>'
            f'<text x="{x + SIZE / 2}" y="{y + 20}" text-anchor="middle" font-size="13" '
            f'font-family="sans-serif" fill="{ink}">{state}</text>'
            f'<text x="{x + SIZE / 2}" y="{y + 38}" text-anchor="middle" font-size="13" '
            f'font-weight="700" font-family="sans-serif" fill="{ink}">{count or ""}</text></g>'
        )
        if link and count:
            tile = f'<a href="{escape(link.format(state=state))}">{tile}</a>'
        parts.append(tile)
    parts.append("</svg>")
    return "".join(parts)
