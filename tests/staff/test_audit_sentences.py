"""Every action the code writes to the audit log reads as a sentence of its own on the audit
page, not as the fallback "who: action name (details)"."""

from __future__ import annotations

import re
from pathlib import Path

from intake.models import AuditEvent
from intake.staff.audit_text import describe

ROOT = Path(__file__).resolve().parents[2]
# audit("report.reveal", ...) and audit(f"user.{action}", ...) as the code writes them.
WRITTEN = re.compile(r'audit\(\s*f?"([a-z_.{}]+)"')
EXPANSIONS = {"user.{action}": ("user.activate", "user.deactivate")}


def written_actions() -> set[str]:
    found: set[str] = set()
    for source in [*ROOT.glob("intake/**/*.py"), *ROOT.glob("workers/**/*.py")]:
        for action in WRITTEN.findall(source.read_text(encoding="utf-8")):
            found.update(EXPANSIONS.get(action, (action,)))
    return found


def test_every_audited_action_has_its_own_sentence(app):
    actions = written_actions()
    with app.test_request_context("/staff/audit"):
        sentences = {
            a: describe(AuditEvent(action=a, actor_email="ana@example.org", detail={}), {})
            for a in sorted(actions)
        }
    assert len(actions) > 20, actions  # the scan found the audit calls
    fallbacks = [(a, s) for a, s in sentences.items() if s.startswith("ana@example.org: ")]
    assert fallbacks == []
