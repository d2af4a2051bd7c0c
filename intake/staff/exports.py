"""Exports for partners: redacted records only (intake/reports/export.py decides the fields),
officer identifiers optional, and small counts hidden in every aggregate."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..models import Report
from ..reports.export import export_record
from ..suppression import small_count
from .related import OFFICER_LABELS

OFFICER_PLACEHOLDER = "[OFFICER]"

CSV_FIELDS = (
    "id",
    "status",
    "created_at",
    "processed_at",
    "language",
    "incident_date",
    "city",
    "state",
    "agency",
    "categories",
    "queue",
    "priority",
    "urgent",
    "level",
    "routing",
    "summary",
    "narrative_redacted",
    "attachments",  # kind:sha256 of each evidence file, ";"-separated (never the files)
)


def without_officers(report: Report, record: dict[str, Any]) -> dict[str, Any]:
    """The record with kept officer names and badge numbers replaced by a placeholder."""
    text = report.narrative_redacted or ""
    spans = sorted(
        (
            tag
            for tag in (report.redaction or {}).get("kept", [])
            if tag.get("label") in OFFICER_LABELS and 0 <= tag["start"] < tag["end"] <= len(text)
        ),
        key=lambda tag: tag["start"],
    )
    out, position, values = [], 0, set()
    for tag in spans:
        if tag["start"] < position:
            continue
        out.append(text[position : tag["start"]])
        out.append(OFFICER_PLACEHOLDER)
        values.add(text[tag["start"] : tag["end"]])
        position = tag["end"]
    out.append(text[position:])
    record = dict(record)
    if report.narrative_redacted is not None:
        record["narrative_redacted"] = "".join(out)
    summary = record.get("summary") or ""
    # The summary quotes the narrative: the same names leave it too (longest first).
    for value in sorted(values, key=len, reverse=True):
        summary = summary.replace(value, OFFICER_PLACEHOLDER)
    if record.get("summary") is not None:
        record["summary"] = summary
    return record


# The fields written in people's words: what a partner export for publication leaves out.
FREE_TEXT = ("summary", "narrative_redacted", "routing_explanation")


def records(
    reports: Iterable[Report], include_officers: bool, free_text: bool = True
) -> Iterable[dict[str, Any]]:
    for report in reports:
        record = export_record(report)
        record = record if include_officers else without_officers(report, record)
        if not free_text:
            record = {k: (None if k in FREE_TEXT else v) for k, v in record.items()}
        yield record


def as_json(rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=1)


# A byte-order mark first: without it Excel reads UTF-8 as Windows-1252 ("CÃ¡rcel").
BOM = "\ufeff"


def as_csv(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        for key in ("categories", "routing"):
            flat[key] = ";".join(flat.get(key) or [])
        flat["attachments"] = ";".join(
            f"{a['kind']}:{a['sha256']}" for a in flat.get("attachments") or []
        )
        # A cell starting with = + - @ runs as a formula in a spreadsheet: neutralise it.
        for key, value in flat.items():
            if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                flat[key] = "'" + value
        writer.writerow(flat)
    return buffer.getvalue()


def aggregate_csv(reports: Iterable[Report]) -> str:
    """Counts by agency, category, queue and month; under 5 shown as "fewer than 5"."""
    counters: dict[str, Counter[str]] = {
        "agency": Counter(),
        "category": Counter(),
        "queue": Counter(),
        "month": Counter(),
    }
    for report in reports:
        counters["agency"][report.agency.name if report.agency else "unknown or other"] += 1
        for code in set(report.categories or []):  # a report counts once per category
            counters["category"][code] += 1
        counters["queue"][report.queue or "none"] += 1
        counters["month"][report.created_at.strftime("%Y-%m")] += 1
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(["dimension", "value", "reports"])
    for dimension, counter in counters.items():
        for value, count in sorted(counter.items()):
            writer.writerow([dimension, value, small_count(count)])
    return buffer.getvalue()
