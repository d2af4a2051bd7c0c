"""What the round tests of the narrative reader share: the shipped rules, a narrative routed as
a report's would be, the signals given at a level, and a round's mechanisms as test cases."""

from __future__ import annotations

import pytest

from workers.route import default_rules_path, dry_run, load_rules

RULES = load_rules(default_rules_path())


def decide(text: str, language: str) -> dict:
    """The dry run of the shipped rules on a redacted narrative alone."""
    return dry_run({"narrative_redacted": text, "language": language}, RULES)


def signals(result: dict, level: str) -> set[str]:
    """The urgency signals the result gives at `level`."""
    return {u["signal"] for u in result["urgency"] if u["level"] == level}


def mechanism_cases(mechanisms: list[tuple]) -> list:
    """(name, [(language, text)], level, signal) groups as parameters, one per wording."""
    return [
        pytest.param(language, text, level, signal, id=f"{name}: {text[:40]}")
        for name, cases, level, signal in mechanisms
        for language, text in cases
    ]


def assert_level(language: str, text: str, level: str, signal: str | None) -> None:
    """The narrative is routed at `level`, with `signal` among that level's signals if given."""
    result = decide(text, language)
    assert result["level"] == level, result["explanation"]
    assert signal is None or signal in signals(result, level)
