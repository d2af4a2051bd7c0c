"""Text from outside, made safe once at the edge: every form field and query parameter of every
page (public and staff) passes through `clean_text` before any view, form or model sees it.

- NUL and the other C0 and C1 control characters are removed (PostgreSQL refuses NUL in text,
  so one would make a report unprocessable); tab and newline stay; CR LF and a lone CR become a
  newline, so text typed on any system is stored the same way.
- Bidirectional embedding, override and isolate characters are removed: they reorder what staff
  see on screen ("Trojan Source") and carry no meaning in a report. The plain direction marks
  (LRM, RLM, ALM) stay: they cannot reorder text outside themselves.

The worker applies the same function to what it stores, so a row written before this existed
cannot make it fail either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items

_NEWLINES = re.compile(r"\r\n?")
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (not tab or newline), DEL, C1
    "\u202a-\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066-\u2069"  # LRI, RLI, FSI, PDI
    "]"
)


def clean_text(value: str) -> str:
    """`value` without control or bidi-override characters, newlines as LF (see above)."""
    return _UNSAFE.sub("", _NEWLINES.sub("\n", value))


MAX_ID = 2**31 - 1  # the database's integer: ids, versions and page numbers fit in it


def whole_number(value: str | None) -> int | None:
    """`value` as an id-sized whole number (ASCII digits, at most MAX_ID), else None."""
    if value and value.isascii() and value.isdigit() and int(value) <= MAX_ID:
        return int(value)
    return None


def clean_optional(value: str | None) -> str | None:
    return None if value is None else clean_text(value)


class CleanedMultiDict(ImmutableMultiDict):
    """The request's form and query parameters, every key and text value cleaned."""

    def __init__(self, mapping: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None):
        if mapping is None:
            super().__init__()
            return
        super().__init__(
            [
                (clean_text(key), clean_text(value) if isinstance(value, str) else value)
                for key, value in iter_multi_items(mapping)
            ]
        )


class CleanedRequest(Request):
    """Flask's request, whose `args` and `form` hold cleaned text only."""

    parameter_storage_class = CleanedMultiDict
