"""The parse of a redacted text, made from the anonymizer's parse of the original (issue 18).

Routing (workers/route/situation.py) and the summary (workers/summarize/extractive.py) read the
redacted narrative's sentences, tags, lemmas, morphology and dependencies. Parsing it again
cost as much as the whole anonymizer, on a text the anonymizer had just parsed. Here the
original's tokens become the redacted text's: a token outside every redacted span is kept as it
is, and the tokens a redacted span touches become one token, the placeholder ("[PERSON 1]"),
which takes the annotations of the one of them nearest the root of its sentence. Heads are
re-pointed, so the tree stays a tree, and named entities keep their labels.

The result's text is exactly the redacted text; when that cannot be made so (spans that do not
fall on token boundaries in a way this can follow), `redacted_doc` returns None and the steps
parse the redacted text themselves, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .contracts import RedactedSpan

if TYPE_CHECKING:  # spaCy loads with the models, not with this module (workers.route imports it)
    from spacy.tokens import Doc, Token

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


def _depth(token: Token) -> int:
    # By index: spaCy makes a new Token object on each access, so `is` never holds.
    depth = 0
    while token.head.i != token.i and depth < 500:
        token, depth = token.head, depth + 1
    return depth


def _groups(doc: Doc, marks: list[tuple[int, int, int, int]]) -> list[list[int]]:
    """Runs of token indexes: one per token, except that tokens one redacted span touches
    (and a token two spans share) make one run."""
    groups: list[list[int]] = []
    previous: set[int] = set()
    mark = 0
    for token in doc:
        start, end = token.idx, token.idx + len(token)
        while mark < len(marks) and marks[mark][1] <= start:
            mark += 1
        touching = set()
        k = mark
        while k < len(marks) and marks[k][0] < end:
            touching.add(k)
            k += 1
        if touching & previous:
            groups[-1].append(token.i)
        else:
            groups.append([token.i])
        previous = touching
    return groups


def parses(doc: Doc | None, text: str) -> bool:
    """Whether `doc` is a parse of all of `text`, cheaply: `Doc.text` joins every token again,
    and the caller's doc is made for this text (`redacted_doc`), so its length is the check."""
    if doc is None or not len(doc):
        return False
    last = doc[-1]
    return doc[0].idx == 0 and last.idx + len(last.text_with_ws) == len(text)


def redacted_doc(doc: Doc, redacted: str, spans: Sequence[RedactedSpan]) -> Doc | None:
    """`doc` (the parse of the original text) re-made over `redacted`; None if it cannot be."""
    from spacy.tokens import Doc, Span
    from spacy.util import filter_spans

    if not len(doc) or not doc.has_annotation("DEP"):
        return None
    # The lengths, not `Doc.text`: that joins a new Token object for every token.
    last = doc[-1]
    marks = _placeholders(last.idx + len(last.text_with_ws), redacted, spans)
    if marks is None:
        return None
    groups = _groups(doc, marks)
    if not groups:
        return None

    def to_redacted(position: int) -> int | None:
        shift = 0
        for start, end, red_start, red_end in marks:
            if end <= position:
                shift += (red_end - red_start) - (end - start)
            elif start < position:
                return None  # inside a redacted span: not a token boundary of the result
            else:
                break
        return position + shift

    new_index: dict[int, int] = {}
    heads_of: list[int] = []
    words: list[str] = []
    spaces: list[bool] = []
    fields: dict[str, list[str]] = {"pos": [], "tags": [], "morphs": [], "lemmas": [], "deps": []}
    for number, group in enumerate(groups):
        first, last = doc[group[0]], doc[group[-1]]
        begin, finish = to_redacted(first.idx), to_redacted(last.idx + len(last))
        if begin is None or finish is None:
            return None
        word = redacted[begin:finish]
        root = min((doc[i] for i in group), key=_depth) if len(group) > 1 else first
        for i in group:
            new_index[i] = number
        words.append(word)
        spaces.append(bool(last.whitespace_))
        fields["pos"].append(root.pos_)
        fields["tags"].append(root.tag_)
        fields["morphs"].append(str(root.morph))
        fields["lemmas"].append(root.lemma_ if len(group) == 1 else word)
        fields["deps"].append(root.dep_)
        heads_of.append(root.head.i)
    if "".join(word + " " * space for word, space in zip(words, spaces, strict=True)) != redacted:
        return None  # the text the Doc would have (its words and spaces), checked on strings
    heads = [new_index[i] for i in heads_of]
    try:
        made = Doc(
            doc.vocab,
            words=words,
            spaces=spaces,
            heads=heads,
            deps=fields["deps"],
            pos=fields["pos"],
            tags=fields["tags"],
            morphs=fields["morphs"],
            lemmas=fields["lemmas"],
        )
    except ValueError:
        return None
    entities = [
        Span(made, new_index[ent.start], new_index[ent.end - 1] + 1, label=ent.label_)
        for ent in doc.ents
    ]
    made.ents = filter_spans(entities)
    return made
