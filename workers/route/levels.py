"""The three levels of a routing decision and how they combine.

`urgent` pages a person now (2 h); `check-now` goes to the top of the queue without a page-out
(4 h), for what might be urgent; `normal` is everything else. Recall first: a report that might
be urgent is never normal, so levels only ever combine upwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..states import Level

URGENT, CHECK_NOW, NORMAL = Level.URGENT, Level.CHECK_NOW, Level.NORMAL
LEVELS = tuple(Level)


def strongest(levels: Iterable[str]) -> str:
    """The most pressing of `levels` (normal when there are none)."""
    present = set(levels)
    return next((level for level in LEVELS if level in present), NORMAL)
