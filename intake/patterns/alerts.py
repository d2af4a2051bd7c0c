"""The pattern alert: an officer (or badge) in reports from PATTERN_ALERT_REPORTERS different
reporters within PATTERN_ALERT_DAYS days is recorded once in a ledger, and supervisors are told
"a pattern needs review" with a link (workers/accountability_tasks.py sends it).

Once per pattern: each identity of the officer (every badge, every name within the agency) is a
unique key in pattern_alert_key. An officer found again under any identity already recorded is
not alerted again, however often the check runs or on how many hosts; new identities found
later are added to the same alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import PatternAlert, PatternAlertKey
from ..timeutil import utcnow
from .officers import Officer
from .queries import (
    PatternFilters,
    ReportFacts,
    agency_names,
    load_facts,
    officers_of,
    reporter_map,
)


@dataclass(frozen=True)
class Window:
    """The reports of one officer that fall within one window, and their distinct reporters."""

    report_ids: tuple[int, ...]
    reporters: int
    first: date
    last: date


def busiest_window(
    officer: Officer, days: dict[int, date], reporter: dict[int, str], width: int
) -> Window | None:
    """The window of `width` days holding the most distinct reporters for this officer."""
    ids = sorted(officer.report_ids, key=lambda i: (days[i], i))
    best: Window | None = None
    start = 0
    for end in range(len(ids)):
        while days[ids[end]] - days[ids[start]] > timedelta(days=width):
            start += 1
        chosen = ids[start : end + 1]
        count = len({reporter[i] for i in chosen})
        if best is None or count > best.reporters:
            best = Window(tuple(sorted(chosen)), count, days[chosen[0]], days[chosen[-1]])
    return best


def due_alerts(
    facts: list[ReportFacts], reporter: dict[int, str], min_reporters: int, width: int
) -> list[tuple[Officer, Window]]:
    """Officers with at least `min_reporters` distinct reporters within `width` days."""
    days = {f.id: f.day for f in facts}
    found = []
    for officer in officers_of(facts):
        if len({reporter[i] for i in officer.report_ids}) < min_reporters or not officer.keys:
            continue
        window = busiest_window(officer, days, reporter, width)
        if window and window.reporters >= min_reporters:
            found.append((officer, window))
    return found


def record(officer: Officer, window: Window, agency_label: str) -> PatternAlert | None:
    """The new ledger row for this pattern, or None when one of its identities is already
    recorded (then identities new since are added to that alert)."""
    known = db.session.scalars(
        select(PatternAlertKey).where(PatternAlertKey.key.in_(officer.keys))
    ).all()
    if known:
        alert_id = known[0].alert_id
        for key in set(officer.keys) - {k.key for k in known}:
            db.session.add(PatternAlertKey(key=key, alert_id=alert_id))
        _commit_or_forget()
        return None
    alert = PatternAlert(
        kind="officer",
        label=officer.label[:300],
        agency_key=agency_label[:240],
        reporters=window.reporters,
        report_ids=list(window.report_ids),
        first_day=window.first,
        last_day=window.last,
    )
    db.session.add(alert)
    db.session.flush()
    for key in officer.keys:
        db.session.add(PatternAlertKey(key=key[:300], alert_id=alert.id))
    return alert if _commit_or_forget() else None


def _commit_or_forget() -> bool:
    """Commit; a unique key taken meanwhile (another check running) means someone else has it."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def check_patterns() -> list[int]:
    """Record every pattern due and not yet recorded; the ids of the new alerts.

    Reads the reports that came in during the last two windows: an incident is usually
    reported within months, and the check stays cheap however old the database grows."""
    config = current_app.config
    width = config["PATTERN_ALERT_DAYS"]
    since = (utcnow() - timedelta(days=2 * width)).date()
    facts = load_facts(PatternFilters(date_from=None, min_reports=1, received_from=since), None)
    reporter = reporter_map([f.id for f in facts])
    due = due_alerts(facts, reporter, config["PATTERN_ALERT_REPORTERS"], width)
    names = agency_names({officer.agency_key for officer, _ in due})
    created = []
    for officer, window in due:
        alert = record(officer, window, names.get(officer.agency_key, officer.agency_key))
        if alert is not None:
            created.append(alert.id)
    return created
