"""The report page's one actions form: status, assignee and labels, saved together.

Each field carries the value the page was loaded with. A field the member of staff did not
touch is never written, so one colleague's labels and another's assignment never clash; a
conflict is only two people changing the same field. The version column still guards the
write itself: if anything changed between reading and writing, the comparison is made again.
"""

from __future__ import annotations

from dataclasses import dataclass

from workers.states import Status

from ..extensions import db
from ..models import Report, StaffUser
from ..models.audit import audit
from .workflow import TRANSITIONS, Conflict, NotAllowed, change_status_now, claim_version

FIELDS = ("status", "assignee", "labels")
MAX_LABELS = 10
ATTEMPTS = 3


def parse_labels(value: str) -> list[str]:
    labels: list[str] = []
    for raw in value.split(","):
        label = " ".join(raw.split())[:40]
        if label and label not in labels:
            labels.append(label)
    return labels[:MAX_LABELS]


def current_values(report: Report) -> dict[str, object]:
    return {
        "status": report.status,
        "assignee": report.assigned_to_id,
        "labels": list(report.labels or []),
    }


@dataclass(frozen=True)
class Outcome:
    saved: tuple[str, ...]  # fields written
    conflicts: tuple[str, ...]  # fields someone else changed first; not written


def save_actions(
    report: Report,
    actor: StaffUser,
    wanted: dict[str, object],
    loaded: dict[str, object],
) -> Outcome:
    """Write the fields of `wanted` that differ from `loaded` (what the form showed), unless
    someone else changed that same field since. Raises NotAllowed for a step the status may
    not take, and for "referred", which only a recorded referral sets."""
    for _ in range(ATTEMPTS):
        db.session.refresh(report)
        now = current_values(report)
        changed = {f: v for f, v in wanted.items() if v != loaded.get(f)}
        conflicts = tuple(f for f in changed if now[f] != loaded.get(f) and now[f] != changed[f])
        apply = {f: v for f, v in changed.items() if f not in conflicts and now[f] != v}
        if not apply:
            return Outcome((), conflicts)
        step = apply.get("status")
        # "Referred" is a fact with details (to whom, when, consent): casework.record_referral.
        if step is not None and (step == Status.REFERRED or step not in TRANSITIONS[report.status]):
            raise NotAllowed
        try:
            claim_version(report, report.version)
        except Conflict:
            continue  # a write landed between our read and ours: compare again
        if "status" in apply:
            change_status_now(report, str(apply["status"]), actor)
        if "assignee" in apply:
            audit(
                "report.assign",
                actor=actor,
                report_id=report.id,
                target_user_id=apply["assignee"],
                frm=report.assigned_to_id,
            )
            report.assigned_to_id = apply["assignee"]  # type: ignore[assignment]
        if "labels" in apply:
            audit("report.labels", actor=actor, report_id=report.id, to=apply["labels"])
            report.labels = list(apply["labels"])  # type: ignore[call-overload]
        return Outcome(tuple(apply), conflicts)
    raise Conflict
