"""Anonymizer for complaint narratives (issues 3 and 12).

from workers.anonymize import get_anonymizer
get_anonymizer().anonymize_batch([{"id", "language", "text", "known"}, ...])  # contract dicts
get_anonymizer().redact_batch([...])  # the same as frozen `core.Result`s

Layout: `recognizers/` (one module per kind of thing found), `spans.py` (candidate spans and
recall-first resolution), `propagate.py` (a name found once is removed everywhere),
`placeholders.py` (the redacted text), `core.py` (the pipeline), `engine.py` (Presidio engines).
Another name detector joins through `Anonymizer(person_detectors=[detect])`, where
`detect(text, language)` yields PERSON spans (start, end, score): see
`recognizers.people.merge_person_candidates`; `get_anonymizer` joins the learned name detector
(`learned.py`, a spaCy NER trained by `training/` on generated narratives) that way.
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
