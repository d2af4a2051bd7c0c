"""The parse of a redacted text, made from the anonymizer's parse of the original (issue 18).

Routing (workers/route/situation.py) and the summary (workers/summarize/extractive.py) read the
redacted narrative's sentences, tags, lemmas, morphology and dependencies. Parsing it again
cost as much as the whole anonymizer, on a text the anonymizer had just parsed. Here the
original's tokens become the redacted text's: a token outside every redacted span is kept as it
is, and the tokens a redacted span touches become one token, the placeholder ("[PERSON 1]"),
which takes the annotations of the one of them nearest the root of its sentence, except its
lemma: a placeholder is its own lemma (the original's would be the redacted word). Heads are
re-pointed, so the tree stays a tree, and named entities keep their labels.

The result's text is exactly the redacted text; when that cannot be made so (spans that do not
fall on token boundaries in a way this can follow), `redacted_doc` returns None and the steps
parse the redacted text themselves, as before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from .contracts import RedactedSpan

if TYPE_CHECKING:  # spaCy loads with the models, not with this module (workers.route imports it)
    from spacy.tokens import Doc
    from thinc.types import Ints2d

_PLACEHOLDER = re.compile(r"\[[A-Z_]+ \d+\]")


def _placeholders(
    original_length: int, redacted: str, spans: Sequence[RedactedSpan]
) -> list[tuple[int, int, int, int]] | None:
    """(original start, original end, redacted start, redacted end) of each redacted span,
    walking the texts the way the anonymizer rendered them; None if they do not line up."""
    out: list[tuple[int, int, int, int]] = []
    pos = shift = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos:
            return None  # overlapping spans: not what the renderer writes
        pos = span.end
        if span.action != "redact":
            continue
        at = span.start + shift
        found = _PLACEHOLDER.match(redacted, at)
        if found is None:
            return None
        out.append((span.start, span.end, at, found.end()))
        shift += (found.end() - at) - (span.end - span.start)
    if original_length + shift != len(redacted):
        return None
    return out


def _depth(heads: list[int], i: int) -> int:
    """How many arcs token `i` is below its sentence's root (`heads`: each token's head)."""
    depth = 0
    while heads[i] != i and depth < 500:
        i, depth = heads[i], depth + 1
    return depth


def _groups(
    starts: list[int], ends: list[int], marks: list[tuple[int, int, int, int]]
) -> tuple[list[list[int]], list[bool]]:
    """Runs of token indexes (the tokens' character `starts` and `ends`): one per token,
    except that tokens one redacted span touches (and a token two spans share) make one run;
    and for each run, whether a redacted span touches it (it becomes a placeholder)."""
    groups: list[list[int]] = []
    redacted: list[bool] = []
    previous: set[int] = set()
    mark = 0
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        while mark < len(marks) and marks[mark][1] <= start:
            mark += 1
        touching = set()
        k = mark
        while k < len(marks) and marks[k][0] < end:
            touching.add(k)
            k += 1
        if touching & previous:
            groups[-1].append(i)
        else:
            groups.append([i])
            redacted.append(bool(touching))
        previous = touching
    return groups, redacted


def _to_redacted(marks: list[tuple[int, int, int, int]]) -> Callable[[int], int | None]:
    """position in the original -> position in the redacted text; None inside a redacted
    span (not a token boundary of the result)."""
    ends = [end for _, end, _, _ in marks]
    shifts = [0]  # shifts[k]: how much the first k placeholders move what follows them
    for start, end, red_start, red_end in marks:
        shifts.append(shifts[-1] + (red_end - red_start) - (end - start))

    def to_redacted(position: int) -> int | None:
        k = bisect.bisect_right(ends, position)  # the spans that end at or before it
        if k < len(marks) and marks[k][0] < position:
            return None
        return position + shifts[k]

    return to_redacted


def parses(doc: Doc | None, text: str) -> bool:
    """Whether `doc` is a parse of all of `text`, cheaply: `Doc.text` joins every token again,
    and the caller's doc is made for this text (`redacted_doc`), so its length is the check."""
    if doc is None or not len(doc):
        return False
    last = doc[-1]
    return doc[0].idx == 0 and last.idx + len(last.text_with_ws) == len(text)


def redacted_doc(doc: Doc, redacted: str, spans: Sequence[RedactedSpan]) -> Doc | None:
    """`doc` (the parse of the original text) re-made over `redacted`; None if it cannot be."""
    import numpy
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, MORPH, POS, SPACY, TAG
    from spacy.tokens import Doc, Span
    from spacy.util import filter_spans

    if not len(doc) or not doc.has_annotation("DEP"):
        return None
    # The annotations are read and written as arrays (one row per token), not token by token:
    # spaCy makes a Token object, and a string, for every attribute read.
    kept: list[int | str] = [POS, TAG, MORPH, LEMMA, DEP]
    annotations = doc.to_array(kept).tolist()  # string ids (unsigned)
    layout = doc.to_array([HEAD, IDX, LENGTH, SPACY]).astype("int64").tolist()
    heads = [i + head for i, (head, _, _, _) in enumerate(layout)]  # HEAD is relative
    starts = [start for _, start, _, _ in layout]
    ends = [start + length for _, start, length, _ in layout]
    # The lengths, not `Doc.text`: that joins a new Token object for every token.
    marks = _placeholders(ends[-1] + layout[-1][3], redacted, spans)
    if marks is None:
        return None
    groups, placeholders = _groups(starts, ends, marks)
    to_redacted = _to_redacted(marks)
    new_index = {i: number for number, group in enumerate(groups) for i in group}
    words: list[str] = []
    spaces: list[bool] = []
    made_annotations: list[list[int]] = []
    made_heads: list[int] = []
    for number, (group, placeholder) in enumerate(zip(groups, placeholders, strict=True)):
        begin, finish = to_redacted(starts[group[0]]), to_redacted(ends[group[-1]])
        if begin is None or finish is None:
            return None
        word = redacted[begin:finish]
        # The tokens a placeholder stands for take the annotations of the one nearest the root.
        root = min(group, key=lambda i: _depth(heads, i)) if len(group) > 1 else group[0]
        pos, tag, morph, lemma, dep = annotations[root]
        if placeholder:
            # Its own lemma: the original's would carry the redacted word ("Pedro").
            lemma = doc.vocab.strings.add(word)
        words.append(word)
        spaces.append(bool(layout[group[-1]][3]))
        made_annotations.append([pos, tag, morph, lemma, dep])
        made_heads.append(new_index[heads[root]] - number)
    if "".join(word + " " * space for word, space in zip(words, spaces, strict=True)) != redacted:
        return None  # the text the Doc would have (its words and spaces), checked on strings
    made = Doc(doc.vocab, words=words, spaces=spaces)
    values = numpy.column_stack(
        [
            numpy.array(made_annotations, dtype="uint64"),
            numpy.array(made_heads, dtype="int64").astype("uint64"),  # as spaCy stores them
        ]
    )
    try:
        made.from_array([*kept, HEAD], cast("Ints2d", values))
    except ValueError:
        return None
    entities = [
        Span(made, new_index[ent.start], new_index[ent.end - 1] + 1, label=ent.label_)
        for ent in doc.ents
    ]
    made.ents = filter_spans(entities)
    return made
