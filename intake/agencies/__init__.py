"""ICE's 287(g) agency lists: import from the spreadsheet, offer in the form."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ..extensions import db
from ..models import Agency
from ..vocabulary import US_STATES


def grouped_choices() -> dict[str, list[tuple[str, str]]]:
    """Agencies for the form's select: {state name: [(id, label), ...]}, states alphabetical."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = db.session.scalars(select(Agency).order_by(Agency.state, Agency.name))
    for agency in rows:
        groups[US_STATES.get(agency.state, agency.state)].append((str(agency.id), agency.label))
    return dict(sorted(groups.items()))
