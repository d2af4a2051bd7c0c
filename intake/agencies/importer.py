"""Read ICE's 287(g) agency spreadsheets (as published, with their flaws) into Agency rows.

The files have blank rows, trailing spaces ("Task Force Model "), state names in capitals and
one row per agency *and model*. One agency with several models becomes one row with a list.
A CSV with the same header is accepted too (we keep our list of former agencies that way).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from ..extensions import db
from ..models import Agency
from ..vocabulary import MODELS, US_STATES
from . import forget

STATE_CODES = {name.upper(): code for code, name in US_STATES.items()}
REQUIRED_COLUMNS = ("STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE")
STATUSES = ("participating", "pending", "former")


class AgencyFileError(ValueError):
    """The file cannot be read as an ICE 287(g) list; the message says why."""


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # "row 12: no state" etc.


@dataclass
class AgencyRow:
    state: str
    name: str
    county: str | None
    agency_type: str | None
    models: set[str]
    signed: date | None


# The published sheets mix typographic and plain quotes ("Sheriff’s" in one row, "Sheriff's" in
# the next): one agency must not become two.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def _clean(value: Any) -> str:
    return " ".join(str(value).translate(_QUOTES).split()) if value is not None else ""


def _rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not xlsx
        raise AgencyFileError(f"{path.name}: not a readable .xlsx or .csv file ({exc})") from exc
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    if not rows:
        return []
    header = [_clean(cell).upper() for cell in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _signed(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _clean(value)
    for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _check_columns(path: Path, rows: list[dict[str, Any]]) -> None:
    """Refuse a file whose header lacks a required column (saying which it has)."""
    if rows and not all(col in {k.upper() for k in rows[0] if k} for col in REQUIRED_COLUMNS):
        raise AgencyFileError(
            f"{path.name}: expected columns {', '.join(REQUIRED_COLUMNS)}; "
            f"found {', '.join(k for k in rows[0] if k)}"
        )


def _state_code(value: Any) -> str | None:
    """A state's two-letter code from its name ("TEXAS") or its code ("TX")."""
    state_name = _clean(value).upper()
    return STATE_CODES.get(state_name) or (state_name if state_name in US_STATES else None)


def _merge_row(
    merged: dict[tuple[str, str], AgencyRow], number: int, row: dict[str, Any]
) -> str | None:
    """Add one file row to its agency in `merged`; the reason it was skipped or only partly
    read, if it was."""
    state, name = _state_code(row.get("STATE")), _clean(row.get("LAW ENFORCEMENT AGENCY"))
    if not state or not name:
        return f"row {number}: missing state or agency name"
    agency = merged.setdefault(
        (state, name),
        AgencyRow(
            state,
            name,
            _clean(row.get("COUNTY")) or None,
            _clean(row.get("TYPE")) or None,
            set(),
            None,
        ),
    )
    signed = _signed(row.get("SIGNED"))
    if signed and (agency.signed is None or signed < agency.signed):
        agency.signed = signed
    model = MODELS.get(_clean(row.get("SUPPORT TYPE")))
    if not model:
        return (
            f"row {number}: unknown support type {_clean(row.get('SUPPORT TYPE'))!r}"
            f" for {name} (agency kept)"
        )
    agency.models.add(model)
    return None


def read_agencies(path: Path) -> tuple[list[AgencyRow], list[str]]:
    """Agencies in the file, merged by (state, name), and the rows skipped with reasons."""
    rows = _rows(path)
    _check_columns(path, rows)
    merged: dict[tuple[str, str], AgencyRow] = {}
    skipped: list[str] = []
    for number, raw in enumerate(rows, start=2):
        row = {(_clean(k).upper()): v for k, v in raw.items() if k}
        if not any(_clean(v) for v in row.values()):
            continue  # the published files end with blank rows; they are not worth a mention
        if reason := _merge_row(merged, number, row):
            skipped.append(reason)
    return list(merged.values()), skipped


def guess_status(path: Path) -> str:
    name = path.name.lower()
    if "pending" in name:
        return "pending"
    if "former" in name:
        return "former"
    return "participating"


def import_agencies(path: Path, status: str | None = None) -> ImportResult:
    """Add or update the agencies of `path`; idempotent. Commits."""
    status = status or guess_status(path)
    if status not in STATUSES:
        raise AgencyFileError(f"status must be one of {', '.join(STATUSES)}")
    agencies, skipped = read_agencies(path)
    result = ImportResult(skipped=skipped)
    existing = {(a.state, _clean(a.name)): a for a in db.session.scalars(select(Agency))}
    for row in agencies:
        models = sorted(row.models)
        current = existing.get((row.state, row.name))
        if current is None:
            db.session.add(
                Agency(
                    state=row.state,
                    name=row.name,
                    county=row.county,
                    agency_type=row.agency_type,
                    models=models,
                    status=status,
                    signed=row.signed,
                )
            )
            result.added += 1
            continue
        if status == "pending" and current.status == "participating":
            # A pending list never demotes a participating agency nor adds models it lacks.
            result.unchanged += 1
            continue
        values = {
            "name": row.name,
            "county": row.county,
            "agency_type": row.agency_type,
            "models": models,
            "status": status,
            "signed": row.signed or current.signed,
        }
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        if changed:
            for key, value in changed.items():
                setattr(current, key, value)
            result.updated += 1
        else:
            result.unchanged += 1
    db.session.commit()
    forget()
    return result
