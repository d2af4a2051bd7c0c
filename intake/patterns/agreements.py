"""Each 287(g) agreement of an agency (one per model, with its signing date and MOA column) as
ICE's published sheets list them. The agency table keeps the models and the earliest date; the
profile page shows every row, so it reads the same files the import reads (intake/data/ice-287g/),
once per process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..agencies.importer import STATE_CODES, _clean, _rows, _signed
from ..config import AGENCY_SEED
from ..models import Agency
from ..vocabulary import MODELS


@dataclass(frozen=True)
class AgreementRow:
    model: str  # JEM, TFM, WSO
    signed: date | None
    moa: str  # what ICE's MOA column says: "link", "link pending", ...
    source: str  # the file's name, which carries ICE's publication date


@lru_cache(maxsize=1)
def _sheet_rows(folder: Path) -> dict[tuple[str, str], tuple[AgreementRow, ...]]:
    found: dict[tuple[str, str], list[AgreementRow]] = {}
    for path in sorted(folder.glob("*.xlsx")):
        for raw in _rows(path):
            row = {_clean(k).upper(): v for k, v in raw.items() if k}
            state = STATE_CODES.get(_clean(row.get("STATE")).upper())
            model = MODELS.get(_clean(row.get("SUPPORT TYPE")))
            name = _clean(row.get("LAW ENFORCEMENT AGENCY"))
            if state and model and name:
                found.setdefault((state, name), []).append(
                    AgreementRow(
                        model, _signed(row.get("SIGNED")), _clean(row.get("MOA")), path.name
                    )
                )
    return {key: tuple(rows) for key, rows in found.items()}


def agreements_of(agency: Agency, folder: Path = AGENCY_SEED.parent) -> list[AgreementRow]:
    """The agency's rows in ICE's sheets, by model; empty for an agency not in them."""
    return sorted(_sheet_rows(folder).get((agency.state, agency.name), ()), key=lambda r: r.model)
