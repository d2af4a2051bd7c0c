"""The digest's small chart: a PNG drawn on the server with Pillow, sent inline in the email.

Email clients do not run scripts and many block remote images, so the chart travels inside the
message. Its counts are exact, like the table beside it: a staff digest is read by staff.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

WIDTH = 560
ROW = 26
BAR_HEIGHT = 18
LABEL_WIDTH = 170
VALUE_WIDTH = 110
TITLE_HEIGHT = 30
MARGIN = 10
BAR_COLOUR = (11, 83, 148)  # the staff pages' chart blue
TEXT_COLOUR = (20, 20, 20)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's bundled font: no system font needed, the same picture on every machine.
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: object, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def bar_chart_png(rows: list[tuple[str, int]], title: str) -> bytes | None:
    """Horizontal bars, one per (label, count), as PNG bytes; None when there is nothing to draw."""
    if not rows or not any(count for _, count in rows):
        return None
    height = TITLE_HEIGHT + len(rows) * ROW + MARGIN
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    title_font, font = _font(15), _font(13)
    draw.text(
        (MARGIN, 8),
        _fit(draw, title, title_font, WIDTH - 2 * MARGIN),
        fill=TEXT_COLOUR,
        font=title_font,
    )
    largest = max((count for _, count in rows), default=1) or 1
    bar_room = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * MARGIN
    for index, (label, count) in enumerate(rows):
        top = TITLE_HEIGHT + index * ROW
        text_y = top + (BAR_HEIGHT - 13) // 2
        shown = _fit(draw, label, font, LABEL_WIDTH - 2 * MARGIN)
        draw.text(
            (MARGIN + LABEL_WIDTH - 2 * MARGIN, text_y),
            shown,
            fill=TEXT_COLOUR,
            font=font,
            anchor="ra",
        )
        bar = 0 if count == 0 else max(round(bar_room * count / largest), 1)
        left = MARGIN + LABEL_WIDTH - MARGIN
        if bar:
            draw.rectangle((left, top, left + bar, top + BAR_HEIGHT), fill=BAR_COLOUR)
        value = str(count)
        draw.text((left + bar + 6, text_y), value, fill=TEXT_COLOUR, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
