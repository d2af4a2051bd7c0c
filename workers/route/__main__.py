"""`python -m workers.route [--rules PATH]`: route JSON lines, no database or broker (contract.md).

Each input line: {"id", "language": "en"|"es", "text"} plus, optionally, the form's facts (the
keys `rules test --sample` accepts: categories, detained_now, transfer_expected, urgent_signals,
affected_minor, agency, consent, contact_possible, ...). Each output line, in order:
{"id", "urgent", "level", "priority", "queue", "deadline_hours",
 "signals": [{"signal", "source", "evidence", "level", "time"}], "rules": [names]}: each
signal says which words, which concept, how urgent and when ("now", "imminent", "time
unclear"; null for the form's answers).
A line that cannot be routed (not JSON, not an object, empty, too long, a NUL character, a
wrong type) gives {"id": <id or null>, "error": "line N: ..."} and the next line is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any

from workers.contracts import ReportFacts

from .engine import route
from .errors import RulesError
from .schema import Rules, load_rules

MAX_LINE_BYTES = 1_000_000  # a narrative is a few KB; a megabyte is a paste gone wrong
LANGUAGES = ("en", "es")


class BadLine(ValueError):
    """A line that cannot be routed; the message says why, for the error line."""

    def __init__(self, message: str, item_id: Any = None) -> None:
        super().__init__(message)
        self.item_id = item_id


def _lines(stream: IO[bytes]):
    """(line number, bytes or None when too long) for each line, never holding a huge one."""
    number = 0
    while True:
        chunk = stream.readline(MAX_LINE_BYTES + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):  # skip the rest of the line
                chunk = stream.readline(MAX_LINE_BYTES)
            yield number, None
            continue
        yield number, chunk


def parse(raw: bytes | None) -> ReportFacts:
    """The report facts of one input line, or BadLine saying what is wrong with it."""
    if raw is None:
        raise BadLine(f"line longer than {MAX_LINE_BYTES} bytes")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadLine("not UTF-8 text") from None
    if not line.strip():
        raise BadLine("empty line (expected a JSON object)")
    if "\x00" in line:
        raise BadLine("contains a NUL character")
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"invalid JSON: {exc}") from None
    if not isinstance(item, dict):
        raise BadLine("expected a JSON object")
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        raise BadLine("'text' must be a string", item_id)
    if "\x00" in text:
        raise BadLine("'text' contains a NUL character", item_id)
    language = item.get("language", "en")
    if language not in LANGUAGES:
        raise BadLine(
            f"'language' must be one of {', '.join(LANGUAGES)}, not {language!r}", item_id
        )
    try:
        return ReportFacts.from_mapping(
            {**item, "id": item_id, "language": language, "narrative_redacted": text}
        )
    except TypeError as exc:
        raise BadLine(f"facts of the wrong type: {exc}", item_id) from None


def decide(facts: ReportFacts, rules: Rules) -> dict[str, Any]:
    """The contract's output line for one report's facts."""
    decision = route(facts, rules)
    return {
        "id": facts.id,
        "urgent": decision.urgent,
        "level": decision.level,
        "priority": decision.priority,
        "queue": decision.queue,
        "deadline_hours": decision.deadline_hours,
        "signals": [
            {
                "signal": s.signal,
                "source": s.source,
                "evidence": s.evidence,
                "level": s.level,
                "time": s.time,
            }
            for s in decision.signals
        ],
        "rules": decision.rule_names,
    }


def run(stdin: IO[bytes], stdout: IO[str], rules_path: str | None = None) -> int:
    try:
        rules = load_rules(rules_path)
    except RulesError as exc:
        print(f"cannot route: {exc}", file=sys.stderr)
        return 2
    for number, raw in _lines(stdin):
        item_id = None
        try:
            facts = parse(raw)
            item_id = facts.id
            out = decide(facts, rules)
        except BadLine as exc:
            out = {"id": exc.item_id, "error": f"line {number}: {exc}"}
        except (TypeError, ValueError, AttributeError) as exc:
            # Form facts of the wrong shape (a number where a list belongs): say so, go on.
            out = {"id": item_id, "error": f"line {number}: facts of the wrong type: {exc}"}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workers.route", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--rules", help="a rules file (default: the shipped workers/route/rules.yaml)"
    )
    args = parser.parse_args(argv)
    return run(sys.stdin.buffer, sys.stdout, args.rules)


if __name__ == "__main__":
    sys.exit(main())
