"""ICE's 287(g) agency lists: import from the spreadsheet, offer in the form."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select

from ..extensions import db
from ..models import Agency
from ..vocabulary import US_STATES

Choices = dict[str, list[tuple[str, str]]]

# The form shows ~700 agencies on every page view and validates against them on every submit.
# They change only when someone imports a list, so each process keeps them, keyed by a
# signature that any import changes (row count and last update), checked with one cheap query.
_cache: dict[str, tuple[tuple[int, datetime | None], Choices]] = {}


def _signature() -> tuple[int, datetime | None]:
    count, updated = db.session.execute(
        select(func.count(Agency.id), func.max(Agency.updated_at))
    ).one()
    return count, updated


def grouped_choices() -> Choices:
    """Agencies for the form's select: {state name: [(id, label), ...]}, states alphabetical."""
    signature = _signature()
    key = db.engine.url.render_as_string()  # one cache per database (tests run several apps)
    cached = _cache.get(key)
    if cached and cached[0] == signature:
        return cached[1]
    groups: Choices = defaultdict(list)
    rows = db.session.execute(
        select(Agency.id, Agency.name, Agency.state, Agency.models, Agency.status).order_by(
            Agency.state, Agency.name
        )
    )
    for row in rows:
        label = Agency(name=row.name, models=row.models, status=row.status).label
        groups[US_STATES.get(row.state, row.state)].append((str(row.id), label))
    choices = dict(sorted(groups.items()))
    _cache[key] = (signature, choices)
    return choices
