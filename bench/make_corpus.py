"""Build an annotated corpus (JSON lines) from its inline-markup authoring form.

    .venv/bin/python bench/make_corpus.py [SRC] [OUT]

Defaults: tests/anonymize/data/heldout.src.txt -> tests/anonymize/data/heldout.jsonl.

Authoring form (plain text, UTF-8): lines starting with "#" outside a block are comments, and so
are lines "# <word>..." at the end of a block (notes on the next block). A block
starts with "### ID LANG"; its next non-empty line is the JSON object of the known fields
({"reporter_name", "phone", "email", "other_names"}), and the remaining lines up to the next block
are the narrative (inner newlines kept, surrounding blank lines dropped). Spans are marked inline,
as in tests/anonymize/data/dev.src.json, with [[redact:LABEL|text]] or [[keep:LABEL|text]].
The output has the corpus format: {"id", "language", "text", "known", "spans": [{"start", "end",
"label", "action", "text"}]} with offsets into the text without markup.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SRC = REPO / "tests" / "anonymize" / "data" / "heldout.src.txt"
DEFAULT_OUT = REPO / "tests" / "anonymize" / "data" / "heldout.jsonl"

sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo
from workers.anonymize.recognizers import KEEP_LABELS, REDACT_LABELS  # noqa: E402

MARK = re.compile(r"\[\[(redact|keep):([A-Z_]+)\|([^\]|]+)\]\]")
HEADER = re.compile(r"^### (\S+) (en|es)\s*$")
COMMENT = re.compile(r"^# [^\W\d_]")  # "# style: ..."; "#118" or "# 118" stays narrative text


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Strip the inline markup; return the plain text and its spans with offsets."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        action, label, value = m.group(1), m.group(2), m.group(3)
        allowed = REDACT_LABELS if action == "redact" else KEEP_LABELS
        if label not in allowed:
            raise ValueError(f"label {label} is not a {action} label: {m.group(0)}")
        if value != value.strip():
            raise ValueError(f"span has surrounding spaces: {m.group(0)!r}")
        spans.append(
            {"start": length, "end": length + len(value), "label": label, "action": action}
        )
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unparsed markup left in: {text[:80]!r}")
    for sp in spans:
        sp["text"] = text[sp["start"] : sp["end"]]
    return text, spans


def parse_source(source: str) -> list[dict]:
    items: list[dict] = []
    current: dict | None = None
    body: list[str] = []

    def flush() -> None:
        if current is None:
            return
        # Comment lines between a narrative and the next block ("# style: ...") are the
        # author's notes on the next one, not the end of this one.
        while body and (not body[-1].strip() or COMMENT.match(body[-1])):
            body.pop()
        text, spans = parse_markup("\n".join(body).strip())
        if not text:
            raise ValueError(f"{current['id']}: empty narrative")
        current["text"] = text
        current["spans"] = spans
        items.append(current)

    for raw in source.splitlines():
        header = HEADER.match(raw)
        if header:
            flush()
            current = {"id": header.group(1), "language": header.group(2), "known": None}
            body = []
            continue
        if current is None:
            if raw.strip() and not raw.startswith("#"):
                raise ValueError(f"text outside a block: {raw[:60]!r}")
            continue
        if current["known"] is None:
            if not raw.strip():
                continue
            current["known"] = json.loads(raw)
            continue
        body.append(raw)
    flush()
    ids = [it["id"] for it in items]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate ids")
    # Key order as in the shared corpus.
    return [
        {
            "id": it["id"],
            "language": it["language"],
            "text": it["text"],
            "known": it["known"],
            "spans": it["spans"],
        }
        for it in items
    ]


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT_SRC
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    items = parse_source(src.read_text(encoding="utf-8"))
    with out.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    by_lang: dict[str, int] = {}
    for it in items:
        by_lang[it["language"]] = by_lang.get(it["language"], 0) + 1
    n_spans = sum(len(it["spans"]) for it in items)
    print(f"wrote {out}: {len(items)} narratives {by_lang}, {n_spans} spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
