"""Anonymizer for complaint narratives (issues 3 and 12).

from workers.anonymize import get_anonymizer
get_anonymizer().anonymize_batch([{"id", "language", "text", "known"}, ...])  # contract dicts
get_anonymizer().redact_batch([...])  # the same as frozen `core.Result`s
redact(items, parsed={"narrative"})  # `workers.contracts.Redaction`s, those ids with their parse

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
from collections.abc import Collection

from workers.contracts import KeptValue, RedactedSpan, Redaction
from workers.parsed import redacted_doc

from .core import Anonymizer, Result
from .learned import LearnedPersonDetector


@functools.cache
def get_anonymizer() -> Anonymizer:
    """One anonymizer per process: spaCy models, the learned name detector and Presidio engines
    are loaded once."""
    return Anonymizer(person_detectors=[LearnedPersonDetector()])


def redaction(result: Result, parsed: bool = True) -> Redaction:
    """The contract's shape of one result. When the text was parsed (`redact_batch(parse=True)`)
    and `parsed`, `doc` is the parse of the redacted text made from it (workers/parsed.py), if
    it can be."""
    spans = tuple(RedactedSpan(s.start, s.end, s.label, s.action) for s in result.spans)
    keep = parsed and result.doc is not None
    doc = redacted_doc(result.doc, result.redacted, spans) if keep else None
    return Redaction(
        redacted=result.redacted,
        spans=spans,
        kept=tuple(KeptValue(k.start, k.end, k.label, k.text) for k in result.kept),
        mode=result.mode,
        doc=doc,
    )


def redact(items: list[dict], parsed: Collection[object] = ()) -> list[Redaction]:
    """`items` ({"id", "language", "text", "known"}) anonymized by the process's anonymizer,
    in order; the items whose id is in `parsed` keep their full spaCy parse (`doc`) for the
    steps after this one."""
    results = get_anonymizer().redact_batch(items, parse=bool(parsed))
    return [redaction(result, result.id in parsed) for result in results]


__all__ = ["Anonymizer", "get_anonymizer", "redact", "redaction"]
