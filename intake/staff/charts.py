"""Charts drawn on the server as inline SVG: no script, nothing loaded from elsewhere, prints."""

from __future__ import annotations

from flask_babel import gettext
from markupsafe import Markup, escape

from ..suppression import DEFAULT_K, small

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 230
BAR_WIDTH = 320
VALUE_WIDTH = 110


def bar_chart(rows: list[tuple[str, int]], title: str, suppress: bool = False) -> Markup:
    """Horizontal bars, one per (label, count), exact for staff. With `suppress` (anything that
    leaves the organisation), counts under 5 get no bar and read "fewer than 5", so the chart
    never shows more than the table beside it."""
    if not rows:
        return Markup("")
    floor = DEFAULT_K if suppress else 1
    shown = [count for _, count in rows if count >= floor]
    largest = max(shown, default=1)
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        text_y = y + BAR_HEIGHT - 5
        short = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{text_y}" text-anchor="end" font-size="12">'
            f"{escape(short)}</text>"
        )
        bar = 0 if count < floor else max(int(BAR_WIDTH * count / largest), 1)
        if bar:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" '
                f'fill="#0b5394"></rect>'
            )
        # In the page's language: the partner CSV's "fewer than 5" is data, this is a label.
        shown_as = gettext("fewer than %(k)s", k=DEFAULT_K) if suppress and small(count) else count
        parts.append(
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{text_y}" font-size="12">'
            f"{escape(str(shown_as))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every label and value above is escaped)
