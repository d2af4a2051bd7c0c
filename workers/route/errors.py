"""The one error the routing step raises, and the YAML loading that gives it line numbers."""

from __future__ import annotations

from typing import Any

import yaml


class RulesError(ValueError):
    """A rules file that cannot be used, with where it went wrong.

    `str(error)` reads like `rules.yaml line 42, rule 'wso-questioning': unknown operator 'equalz'`;
    the parts are also attributes (`source`, `line`, `where`, `detail`) for the staff UI.
    """

    def __init__(self, source: str, line: int | None, where: str | None, detail: str) -> None:
        self.source = source
        self.line = line
        self.where = where
        self.detail = detail
        head = source if line is None else f"{source} line {line}"
        if where:
            head = f"{head}, {where}"
        super().__init__(f"{head}: {detail}")


class LDict(dict):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LList(list):
    """A YAML sequence that remembers the line of itself and of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(key, line)
        self.key = key
        self.line = line


class _Loader(yaml.SafeLoader):
    """SafeLoader (no arbitrary objects) that records node.start_mark lines on containers."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LDict:
    loader.flatten_mapping(node)
    result = LDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int | float | bool) or key is None:
            raise _DuplicateKey(key, line)  # reported as "keys must be text" below
        if key in result:
            raise _DuplicateKey(key, line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LList:
    result = LList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(text: str, source: str) -> Any:
    """Parse YAML text into LDict/LList/scalars; syntax errors become RulesError with a line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except _DuplicateKey as exc:
        if isinstance(exc.key, str):
            detail = f"duplicate key '{exc.key}'"
        else:
            detail = f"keys must be text, not {exc.key!r}"
        raise RulesError(source, exc.line, None, detail) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = f"invalid YAML: {exc.problem or exc.context}"
        raise RulesError(source, line, None, detail) from None
    except yaml.YAMLError as exc:
        raise RulesError(source, None, None, f"invalid YAML: {exc}") from None
