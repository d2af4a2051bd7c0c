"""`python -m workers.anonymize`: JSON lines in, JSON lines out, in order (CONTRACT.md).

Each input line: {"id", "language", "text", "known": {...}}. Each output line:
{"id", "redacted", "spans": [{"start", "end", "label", "action"}], "kept": [...], "mode"}.
A malformed line gives {"id": null, "error": "line N: ..."} and processing continues.

Outside the app, the spaCy models are read from the environment by the settings' own parser
(SPACY_MODEL_EN / SPACY_MODEL_ES, workers/settings.py); a bad one stops it with a message naming
the variable (exit status 2).
"""

from __future__ import annotations

import json
import sys

BATCH = 32


def _parse(line: str, lineno: int):
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, {"id": None, "error": f"line {lineno}: invalid JSON: {exc}"}
    if not isinstance(item, dict):
        return None, {"id": None, "error": f"line {lineno}: expected a JSON object"}
    text = item.get("text")
    if text is not None and not isinstance(text, str):
        return None, {"id": item.get("id"), "error": f"line {lineno}: 'text' must be a string"}
    return item, None


def _anonymize(anon, items: list[dict], linenos: list[int]) -> list[dict]:
    """The batch's results; if the batch fails, each item alone, so one text that breaks the
    anonymizer gives its own error line and the others their results (never a crash)."""
    try:
        return anon.anonymize_batch(items)
    except Exception:  # noqa: BLE001, S110  (each item is retried, and reported, below)
        out: list[dict] = []
    for item, lineno in zip(items, linenos, strict=True):
        try:
            out.extend(anon.anonymize_batch([item]))
        except Exception as exc:  # noqa: BLE001  (the text is never echoed)
            out.append(
                {
                    "id": item.get("id"),
                    "error": f"line {lineno}: could not anonymize: {type(exc).__name__}",
                }
            )
    return out


def run(stdin=sys.stdin, stdout=sys.stdout, batch_size: int = BATCH) -> int:
    from workers.anonymize import get_anonymizer

    anon = get_anonymizer()
    pending: list[tuple[dict | None, dict | None]] = []
    linenos: list[int] = []  # line numbers of the items in `pending` that parsed

    def flush():
        items = [it for it, err in pending if it is not None]
        results = iter(_anonymize(anon, items, linenos)) if items else iter(())
        for it, err in pending:
            out = err if it is None else next(results)
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
        pending.clear()
        linenos.clear()

    for lineno, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        pending.append(_parse(line, lineno))
        if pending[-1][0] is not None:
            linenos.append(lineno)
        if len(pending) >= batch_size:
            flush()
    flush()
    return 0


def main() -> int:
    from workers.nlp import use_models
    from workers.settings import spacy_models_from_env

    try:
        use_models(spacy_models_from_env())
    except ValueError as exc:
        print(f"python -m workers.anonymize: {exc}", file=sys.stderr)
        return 2
    return run(sys.stdin, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
