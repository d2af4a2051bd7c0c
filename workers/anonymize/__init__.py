"""Anonymizer for complaint narratives (issues 3 and 12).

from workers.anonymize import get_anonymizer
get_anonymizer().anonymize_batch([{"id", "language", "text", "known"}, ...])  # contract dicts
get_anonymizer().redact_batch([...])  # the same as frozen `core.Result`s
redact(items, parse=True)  # the same as `workers.contracts.Redaction`s, each with its parse

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

from workers.contracts import KeptValue, RedactedSpan, Redaction
from workers.parsed import redacted_doc

from .core import Anonymizer, Result
from .learned import LearnedPersonDetector


@functools.cache
def get_anonymizer() -> Anonymizer:
    """One anonymizer per process: spaCy models, the learned name detector and Presidio engines
    are loaded once."""
    return Anonymizer(person_detectors=[LearnedPersonDetector()])


def redaction(result: Result) -> Redaction:
    """The contract's shape of one result. When the text was parsed (`redact(parse=True)`),
    `doc` is the parse of the redacted text made from it (workers/parsed.py), if it can be."""
    spans = tuple(RedactedSpan(s.start, s.end, s.label, s.action) for s in result.spans)
    doc = redacted_doc(result.doc, result.redacted, spans) if result.doc is not None else None
    return Redaction(
        redacted=result.redacted,
        spans=spans,
        kept=tuple(KeptValue(k.start, k.end, k.label, k.text) for k in result.kept),
        mode=result.mode,
        doc=doc,
    )


def redact(items: list[dict], parse: bool = False) -> list[Redaction]:
    """`items` ({"id", "language", "text", "known"}) anonymized by the process's anonymizer,
    in order; `parse` keeps each text's full spaCy parse for the steps after this one."""
    return [redaction(result) for result in get_anonymizer().redact_batch(items, parse=parse)]


__all__ = ["Anonymizer", "get_anonymizer", "redact", "redaction"]
