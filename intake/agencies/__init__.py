"""ICE's 287(g) agency lists: import from the spreadsheet, offer in the form."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..extensions import db
from ..models import Agency
from ..vocabulary import US_STATES

# How often an agency's status wins when two rows are the same agency (see same_agency).
STATUS_RANK = {"participating": 0, "pending": 1, "former": 2}


@dataclass(frozen=True)
class OfferedAgency:
    """One agency as the form offers it: one option, however many rows the sheets gave it."""

    id: str  # the row the option stands for (the first-ranked row of the agency)
    state: str  # two-letter code
    name: str  # as published, typos and all
    models: tuple[str, ...]  # JEM, TFM, WSO: every model any of its rows has
    status: str  # participating | pending | former


@dataclass(frozen=True)
class AgencyList:
    """The agencies the form offers, by state, and every agency id a form may send back.
    `signature` (database, row count, last update) changes with any import: caches key on it."""

    signature: tuple[str, int, datetime | None]
    by_state: dict[str, tuple[OfferedAgency, ...]]  # state code -> agencies, by name
    ids: frozenset[str]  # the options' ids and the ids of rows merged into them
    state_of: dict[str, str]  # any of those ids -> its state code

    def state_names(self) -> dict[str, str]:
        return {code: US_STATES.get(code, code) for code in self.by_state}


def same_agency(name: str) -> str:
    """The key under which two spellings of one agency meet: the sheets write "Sheriff's office"
    in one release and "Sheriff’s Office" in the next, with stray spaces and dots; kept as they
    are in the data, they are one option in the form."""
    folded = unicodedata.normalize("NFKD", name).casefold()
    return re.sub(r"[^0-9a-z]+", "", folded)


# The form shows the agencies on every page view and validates against them on every submit.
# They change only when someone imports a list, so each process keeps them, keyed by a
# signature that any import changes (row count and last update). The signature query is cheap
# but is a round trip on the submit path, so a process checks it at most every CHECK_EVERY
# seconds: an import in another process shows up in the form within that time (an import in
# this process, as in the tests, calls `forget`).
CHECK_EVERY = 30.0
Signature = tuple[int, datetime | None]
_cache: dict[str, tuple[Signature, float, AgencyList]] = {}


def forget() -> None:
    """Drop this process's copy (after an import) so the next page reads the new list."""
    _cache.clear()


def _signature() -> Signature:
    count, updated = db.session.execute(
        select(func.count(Agency.id), func.max(Agency.updated_at))
    ).one()
    return count, updated


def _build(signature: tuple[str, int, datetime | None]) -> AgencyList:
    rows = db.session.execute(
        select(Agency.id, Agency.name, Agency.state, Agency.models, Agency.status)
    ).all()
    merged: dict[tuple[str, str], list] = {}
    for row in sorted(rows, key=lambda r: (STATUS_RANK.get(r.status, 3), r.id)):
        merged.setdefault((row.state, same_agency(row.name)), []).append(row)
    by_state: dict[str, list[OfferedAgency]] = {}
    state_of: dict[str, str] = {}
    for (state, _), group in merged.items():
        first = group[0]
        models = tuple(sorted({m for row in group for m in (row.models or [])}))
        offered = OfferedAgency(str(first.id), state, first.name, models, first.status)
        by_state.setdefault(state, []).append(offered)
        state_of.update({str(row.id): state for row in group})
    ordered = {
        code: tuple(sorted(agencies, key=lambda a: a.name.casefold()))
        for code, agencies in sorted(by_state.items(), key=lambda kv: US_STATES.get(kv[0], kv[0]))
    }
    return AgencyList(signature, ordered, frozenset(state_of), state_of)


def offered_agencies() -> AgencyList:
    """The agencies for the form: one per agency (rows merged by state and `same_agency`),
    states in the order of their names."""
    key = db.engine.url.render_as_string()  # one cache per database (tests run several apps)
    cached = _cache.get(key)
    now = time.monotonic()
    if cached and now - cached[1] < CHECK_EVERY:
        return cached[2]
    signature = _signature()
    if cached and cached[0] == signature:
        _cache[key] = (signature, now, cached[2])
        return cached[2]
    agencies = _build((key, *signature))
    _cache[key] = (signature, now, agencies)
    return agencies
