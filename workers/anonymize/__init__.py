"""Anonymizer for complaint narratives (issue 3).

from workers.anonymize import get_anonymizer
get_anonymizer().anonymize_batch([{"id", "language", "text", "known"}, ...])
"""

from __future__ import annotations

import functools

from .core import Anonymizer
from .learned import LearnedPersonDetector


@functools.cache
def get_anonymizer() -> Anonymizer:
    """One anonymizer per process: spaCy models, the learned name detector and Presidio engines
    are loaded once."""
    return Anonymizer(person_detectors=[LearnedPersonDetector()])


__all__ = ["Anonymizer", "get_anonymizer"]
