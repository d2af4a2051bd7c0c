"""Pages that are the same for every visitor but for one value, rendered once per process.

The empty form (~700 agency options, 40 fields) takes about 10 ms of CPU to render and the
receipt page about 1 ms; under a surge of reports that rendering, not the database, is what
makes reporters wait. Both differ between visitors only in a value or two (the CSRF token and
submission id, the receipt code), so each process renders a page once per language and variant
with slots where those values go, and fills the slots per request. Nothing a visitor typed is
ever kept: only pages rendered from our own templates and data.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

from flask import current_app
from flask_babel import get_locale


def slot(name: str) -> str:
    """Where a per-visitor value goes: a string no rendered page contains (our templates never
    produce a NUL, and HTML escaping leaves it as it is)."""
    return f"\x00{name}\x00"


def kept_page(
    variant: Hashable,
    render: Callable[[], str],
    fills: Mapping[str, str],
    source: object = None,
) -> str:
    """`render()` (a page with slots in it) rendered once per language and `variant`, with each
    slot named in `fills` replaced by its value (which must need no HTML escaping). A different
    `source` object (a new agency list) renders it again, as does debug mode, where templates
    change while the app runs."""
    if current_app.debug:
        page = render()
    else:
        pages: dict = current_app.extensions.setdefault("kept_pages", {})
        key = (str(get_locale() or "en"), variant)
        entry = pages.get(key)
        if entry is None or entry[0] is not source:
            entry = pages[key] = (source, render())
        page = entry[1]
    for name, value in fills.items():
        page = page.replace(slot(name), value)
    return page
