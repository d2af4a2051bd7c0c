"""The rules in force for one process: parsed once, parsed again only when the file changes.

Pure (no `intake`, no database, no broker): the worker routes with it (workers/pipeline.py) and the
web process shows the same state to admins (intake/staff/admin.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .errors import RulesError
from .schema import Rules, load_rules

log = logging.getLogger(__name__)


class RulesCache:
    """The routing rules, parsed once per process and again only when the file changes.

    A rules file that no longer validates is refused: the last good rules stay in force and the
    error is kept for the staff UI and logs, so a typo never stops routing. With no good rules
    yet (the file was bad from the start) `get` raises the RulesError.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rules: Rules | None = None
        self.mtime: float | None = None
        self.error: str | None = None

    def get(self) -> Rules:
        mtime = self.path.stat().st_mtime
        if mtime != self.mtime:
            try:
                self.rules, self.error = load_rules(self.path), None
            except RulesError as exc:
                if self.rules is None:
                    raise
                self.error = str(exc)
                log.error("routing rules refused, keeping the last good ones: %s", exc)
            self.mtime = mtime
        return self.rules
