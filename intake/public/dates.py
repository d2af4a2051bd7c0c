"""The incident date as a reporter's phone shows it.

A phone's date picker writes the date in its own language's order (03/31/2025 in English,
31/03/2025 in Spanish) and sends it as 2025-03-31; a browser without a picker sends what was
typed. So the hint gives the order of the page's language (from CLDR, through Babel, so a new
language needs no rule here), the field accepts both, and public.js, which can ask the browser
which order its picker uses, says that one instead when they differ.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from babel.dates import get_date_format
from flask_babel import LazyString, get_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms import DateField

EXAMPLE = date(2025, 3, 31)
PARTS = {"d": "day", "M": "month", "y": "year"}
PART_WORDS = {"day": _l("day"), "month": _l("month"), "year": _l("year")}
STRFTIME = {"day": "%d", "month": "%m", "year": "%Y"}
SEPARATORS = re.compile(r"[./\-\s]+")


def date_order(locale: str) -> tuple[str, ...]:
    """("month", "day", "year") for English: the order of CLDR's short date pattern."""
    pattern = get_date_format("short", locale=locale).pattern
    seen: list[str] = []
    for letter in re.findall(r"[dMy]", pattern):
        if PARTS[letter] not in seen:
            seen.append(PARTS[letter])
    return tuple(seen) if len(seen) == 3 else ("year", "month", "day")


def current_order() -> tuple[str, ...]:
    return date_order(str(get_locale() or "en"))


def example(order: tuple[str, ...]) -> str:
    return "/".join(EXAMPLE.strftime(STRFTIME[part]) for part in order)


def order_words(order: tuple[str, ...]) -> str:
    return "/".join(str(PART_WORDS[part]) for part in order)


def hint_text(order: str, example: str) -> str:
    return str(
        _l(
            "Tap the box and choose the day on the calendar. Or type it as %(order)s, "
            "for example %(example)s.",
            order=order,
            example=example,
        )
    )


def _hint() -> str:
    order = current_order()
    return hint_text(order_words(order), example(order))


DATE_HINT = LazyString(_hint)


class LocalDateField(DateField):
    """A date from the phone's picker (YYYY-MM-DD) or typed in the page language's order."""

    def __call__(self, **kwargs: object) -> Markup:
        # What public.js needs to say the picker's own order in the page's language.
        kwargs.setdefault("data-date-words", json.dumps({k: str(v) for k, v in PART_WORDS.items()}))
        kwargs.setdefault("data-date-template", hint_text("{order}", "{example}"))
        return super().__call__(**kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist:
            return
        text = " ".join(valuelist).strip()
        try:
            self.data = datetime.strptime(text, "%Y-%m-%d").date()
            return
        except ValueError:
            self.data = None
        typed = SEPARATORS.split(text)
        if len(typed) == 3 and all(piece.isdigit() for piece in typed):
            values = dict(zip(current_order(), (int(piece) for piece in typed), strict=True))
            try:
                if values["year"] >= 1000:
                    self.data = date(values["year"], values["month"], values["day"])
                    return
            except ValueError:
                pass
        raise ValueError(self.invalid_value_message or self.gettext("Not a valid date value."))
