"""ICE's 287(g) agency lists: import from the spreadsheet, offer in the form."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..extensions import db
from ..models import Agency
from ..vocabulary import US_STATES

Choices = dict[str, list[tuple[str, str]]]
Signature = tuple[str, int, datetime | None]


@dataclass(frozen=True)
class AgencyList:
    """The agencies of the form's select: {state name: [(id, label), ...]}, states in order.
    `signature` changes whenever the list does (any import): caches key on it."""

    signature: Signature
    groups: Choices

# The form shows ~700 agencies on every page view and validates against them on every submit.
# They change only when someone imports a list, so each process keeps them, keyed by a
# signature that any import changes (row count and last update). The signature query is cheap
# but is a round trip on the submit path, so a process checks it at most every CHECK_EVERY
# seconds: an import in another process shows up in the form within that time (an import in
# this process, as in the tests, calls `forget`).
CHECK_EVERY = 30.0
_cache: dict[str, tuple[Signature, float, AgencyList]] = {}


def forget() -> None:
    """Drop this process's copy (after an import) so the next page reads the new list."""
    _cache.clear()


def _signature() -> tuple[int, datetime | None]:
    count, updated = db.session.execute(
        select(func.count(Agency.id), func.max(Agency.updated_at))
    ).one()
    return count, updated


def grouped_choices() -> AgencyList:
    """The agencies for the form's select, read again only when their signature changes."""
    key = db.engine.url.render_as_string()  # one cache per database (tests run several apps)
    cached = _cache.get(key)
    now = time.monotonic()
    if cached and now - cached[1] < CHECK_EVERY:
        return cached[2]
    signature = (key, *_signature())
    if cached and cached[0] == signature:
        _cache[key] = (signature, now, cached[2])
        return cached[2]
    groups: Choices = defaultdict(list)
    rows = db.session.execute(
        select(Agency.id, Agency.name, Agency.state, Agency.models, Agency.status).order_by(
            Agency.state, Agency.name
        )
    )
    for row in rows:
        label = Agency(name=row.name, models=row.models, status=row.status).label
        groups[US_STATES.get(row.state, row.state)].append((str(row.id), label))
    agencies = AgencyList(signature, dict(sorted(groups.items())))
    _cache[key] = (signature, now, agencies)
    return agencies
