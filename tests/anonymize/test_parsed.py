"""The redacted text's parse made from the anonymizer's (workers/parsed.py): parsed once."""

import json
import re
from pathlib import Path

from workers.anonymize import redaction
from workers.parsed import parses, redacted_doc

DEV = Path(__file__).resolve().parent / "data" / "dev.jsonl"
PLACEHOLDER = re.compile(r"\[[A-Z_]+ \d+\]")


def corpus() -> list[dict]:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    return [{key: item.get(key) for key in ("id", "language", "text", "known")} for item in items]


def test_every_redacted_text_gets_the_original_parse(anon):
    items = corpus()
    results = anon.redact_batch(items, parse=True)
    for item, result in zip(items, results, strict=True):
        made = redaction(result)
        doc = made.doc
        assert doc is not None, item["id"]
        assert doc.text == made.redacted and parses(doc, made.redacted), item["id"]
        # One token per placeholder, and the sentences are the original's, one for one.
        tokens = {token.idx: token.text for token in doc}
        for match in PLACEHOLDER.finditer(made.redacted):
            assert tokens.get(match.start()) == match.group(), (item["id"], match.group())
        assert len(list(doc.sents)) == len(list(result.doc.sents)), item["id"]
        for token in doc:  # a tree: every head chain ends at its sentence's root
            seen = 0
            while token.head.i != token.i:
                token, seen = token.head, seen + 1
                assert seen < len(doc), item["id"]


def test_no_parse_unless_asked_and_none_when_the_text_does_not_line_up(anon):
    [plain] = anon.redact_batch([{"id": 1, "language": "en", "text": "Call Ana Ruiz."}])
    assert plain.doc is None and redaction(plain).doc is None
    [result] = anon.redact_batch(
        [{"id": 1, "language": "en", "text": "Call Ana Ruiz now."}], parse=True
    )
    made = redaction(result)
    assert made.redacted == "Call [PERSON 1] now."
    assert redacted_doc(result.doc, "Call [PERSON 1] later.", made.spans) is None
    assert not parses(made.doc, "Call [PERSON 1] later.")


def test_the_tokens_outside_a_placeholder_keep_every_annotation(anon):
    """Tagged, lemmatised and parsed as in the original; a placeholder is one token, its own
    lemma, in the tree where the words it replaced were."""
    texts = [
        ("en", "Deputy Mark Olsen pushed my brother Luis Gómez against the truck."),
        ("en", "I called Ana Ruiz at 555-201-3344 and she did not answer."),
        ("en", "They took Pedro to the county jail, and nobody told us why."),
        ("es", "El agente Mario Pérez empujó a mi hermano contra la camioneta."),
        ("es", "Llamé a Ana Ruiz al 555-201-3344 y no contestó."),
        ("es", "Se llevaron a Pedro a la cárcel del condado y nadie nos dijo por qué."),
    ]
    items = [{"id": n, "language": lang, "text": text} for n, (lang, text) in enumerate(texts)]
    for item, result in zip(items, anon.redact_batch(items, parse=True), strict=True):
        made = redaction(result)
        assert made.spans and made.doc is not None, item["text"]
        inside = [(s.start, s.end) for s in made.spans if s.action == "redact"]
        kept = [
            t for t in result.doc if not any(a < t.idx + len(t) and t.idx < b for a, b in inside)
        ]
        others = [t for t in made.doc if not PLACEHOLDER.fullmatch(t.text)]
        assert [t.text for t in kept] == [t.text for t in others], item["text"]
        for before, after in zip(kept, others, strict=True):
            assert (before.pos_, before.tag_, str(before.morph), before.lemma_, before.dep_) == (
                after.pos_, after.tag_, str(after.morph), after.lemma_, after.dep_
            ), (item["text"], before.text)  # fmt: skip
        for token in made.doc:
            if PLACEHOLDER.fullmatch(token.text):
                assert token.lemma_ == token.text and token.dep_ and token.pos_, item["text"]
