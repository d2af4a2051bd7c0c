"""Digest emails: the content of a daily or weekly digest, built from plain figures.

Pure: imports nothing from `intake`. The figures come from SQL on the intake side
(intake/digest/queries.py); sending and the once-per-period record are workers/digests.py,
the beat task is workers/tasks.py.

    digest = build_digest(figures, translator("es"))   # subject, text, html, chart_png
"""

from .content import CHART_CID, Digest, build_digest
from .periods import bounds_from_start, period_bounds, previous_start

__all__ = [
    "CHART_CID",
    "Digest",
    "bounds_from_start",
    "build_digest",
    "period_bounds",
    "previous_start",
]
