"""Pages that are the same for every visitor but for one value, rendered once per process.

The empty form (~700 agency options, 40 fields) takes about 10 ms of CPU to render and the
receipt page about 1 ms; under a surge of reports that rendering, not the database, is what
makes reporters wait. Both differ between visitors only in one value (the CSRF token, the
receipt code), so each process renders a page once per language and variant, with a slot where
that value goes, and fills the slot per request. Nothing a visitor typed is ever kept: only
pages rendered from our own templates and data.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import current_app
from flask_babel import get_locale

# Where the per-visitor value goes: a string no rendered page contains (templates cannot
# produce a NUL; HTML escaping would not change it either).
SLOT = "\x00slot\x00"


def kept_page(
    variant: Hashable, render: Callable[[], str], value: str, source: object = None
) -> str:
    """`render()` (a page with SLOT in it) rendered once per language and `variant`, with SLOT
    replaced by `value`. A different `source` object (a new agency list) renders it again, as
    does debug mode, where templates change while the app runs."""
    if current_app.debug:
        return render().replace(SLOT, value)
    pages: dict = current_app.extensions.setdefault("kept_pages", {})
    key = (str(get_locale() or "en"), variant)
    entry = pages.get(key)
    if entry is None or entry[0] is not source:
        entry = pages[key] = (source, render())
    return entry[1].replace(SLOT, value)
