"""One page cache: a page the same for every visitor but for a few values, rendered once per key.

Measured (bench/RESULTS-form-cache.md): rendering the empty form per request took most of the
web process's time under 50 concurrent reporters and doubled submit latency, so the empty form
is rendered once per language and agency list. Each per-visitor value (the CSRF token, the
submission id) is a named slot: the page is rendered with a marker in its place, a marker made
of letters, digits and dashes with a random part per cache (escaping leaves it as it is, and
no page of ours can contain it by chance), and filled per request. It fails loudly rather than
serve a wrong page: a slot the rendered page lacks, or a marker left after filling, raises
SlotError. Only pages rendered from our own templates and data are kept, never anything a
visitor typed.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable, Mapping

MAX_PAGES = 200  # languages x states (~60) x the current agency list: every one kept


class SlotError(RuntimeError):
    """A page's slots and its values do not match (a template or caller changed)."""


class PageCache:
    def __init__(self, *slots: str) -> None:
        nonce = secrets.token_hex(12)
        self.markers = {name: f"slot-{name}-{nonce}" for name in slots}
        self._pages: dict[Hashable, str] = {}

    def marker(self, name: str) -> str:
        """What the page is rendered with where slot `name`'s value goes."""
        return self.markers[name]

    def page(self, key: Hashable, render: Callable[[], str], fills: Mapping[str, str]) -> str:
        """The page for `key` (rendered by `render()` the first time) with every slot filled
        from `fills`, whose values must need no HTML escaping."""
        if set(fills) != set(self.markers):
            raise SlotError(f"fills {sorted(fills)} for slots {sorted(self.markers)}")
        page = self._pages.get(key)
        if page is None:
            if len(self._pages) >= MAX_PAGES:  # older agency lists: start again
                self._pages.clear()
            page = render()
            missing = [name for name, marker in self.markers.items() if marker not in page]
            if missing:
                raise SlotError(f"the rendered page has no slot for {', '.join(missing)}")
            self._pages[key] = page
        for name, marker in self.markers.items():
            page = page.replace(marker, fills[name])
        if any(marker in page for marker in self.markers.values()):
            raise SlotError("a slot was left unfilled")  # a value contained a marker
        return page
