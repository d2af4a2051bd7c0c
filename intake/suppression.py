"""Small-count suppression for anything that leaves the organisation: the public statistics
page, partner exports and their charts. One policy, one module (`small`, `small_count`,
`suppress`).

A published table is a set of cells (counts of reports) and aggregates (row, column and other
totals: each the sum of some cells). The policy:

1. Primary suppression: a cell or an aggregate between 1 and k-1 is hidden (0 is shown: it
   points at nobody).
2. Complementary suppression: a hidden number must not be recoverable from what is shown. Every
   shown aggregate is a linear equation over the hidden cells (its value minus the shown cells in
   it); a hidden cell, or a hidden aggregate, can be worked out exactly when its indicator lies in
   the row space of those equations. While any can, more numbers are hidden: the smallest shown
   number next to it (sharing an aggregate) that makes it unrecoverable, else the smallest
   neighbour and try again.

The test of the recovery attack (tests/patterns/test_suppression.py) solves the published
equations the way an attacker would. What this does not defend against: bounds (a hidden cell
lies between 0 and its row's total, which the page already says is small) and tables published
apart that overlap these; so publish one snapshot and derive nothing else from the same reports.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import numpy as np

DEFAULT_K = 5
TOLERANCE = 1e-9
MAX_ROUNDS = 500


@dataclass(frozen=True)
class Suppression:
    """What to hide: cell keys and aggregate keys."""

    cells: frozenset[Hashable]
    aggregates: frozenset[Hashable]

    def shown(self, key: Hashable, value: int, aggregate: bool = False) -> int | None:
        """The value as published: None when hidden."""
        return None if key in (self.aggregates if aggregate else self.cells) else value


def small(value: int, k: int = DEFAULT_K) -> bool:
    """Between 1 and k-1: a count that could point at a person (0 points at nobody)."""
    return 0 < value < k


FEWER_THAN = f"fewer than {DEFAULT_K}"


def small_count(count: int) -> int | str:
    """One count as it leaves the organisation on its own (a partner export's rows, a chart's
    bars): a small one reads "fewer than 5". Tables published together go through `suppress`,
    which also hides what could be worked out from their totals."""
    return FEWER_THAN if small(count) else count


def recoverable(
    cells: Mapping[Hashable, int],
    aggregates: Mapping[Hashable, frozenset],
    hidden_cells: set | frozenset,
    hidden_aggregates: set | frozenset,
) -> set[Hashable]:
    """The hidden cells and hidden aggregates an attacker can compute exactly from the shown
    cells and shown aggregates (linear algebra over the reals, as an attacker would)."""
    hidden = sorted(hidden_cells, key=repr)
    if not hidden:
        # Every cell is shown: every hidden aggregate is just their sum.
        return set(hidden_aggregates)
    index = {key: i for i, key in enumerate(hidden)}
    rows = []
    for key, members in aggregates.items():
        if key in hidden_aggregates:
            continue
        row = np.zeros(len(hidden))
        for member in members:
            if member in index:
                row[index[member]] = 1.0
        if row.any():
            rows.append(row)
    found: set[Hashable] = set()
    if rows:
        _, singular, vt = np.linalg.svd(np.array(rows), full_matrices=False)
        basis = vt[singular > TOLERANCE * max(1.0, singular.max())]
    else:
        basis = np.zeros((0, len(hidden)))
    # A vector v is determined by the equations when it lies in their row space: |Pv| = |v|.
    weight = (basis**2).sum(axis=0)
    for key, i in index.items():
        if weight[i] > 1 - 1e-7:
            found.add(key)
    for key in hidden_aggregates:
        vector = np.zeros(len(hidden))
        for member in aggregates[key]:
            if member in index:
                vector[index[member]] = 1.0
        norm = vector @ vector
        if norm == 0 or np.linalg.norm(basis @ vector) ** 2 > norm - 1e-7:
            found.add(key)
    return found


def suppress(
    cells: Mapping[Hashable, int],
    aggregates: Mapping[Hashable, frozenset],
    k: int = DEFAULT_K,
) -> Suppression:
    """Which cells and aggregates to hide so that nothing under k is shown or recoverable.

    `cells` maps each cell's key to its count; `aggregates` maps each total's key to the keys of
    the cells it sums. Keys of cells and aggregates must not collide."""
    totals = {key: sum(cells[m] for m in members) for key, members in aggregates.items()}
    hidden_cells = {key for key, value in cells.items() if small(value, k)}
    hidden_aggs = {key for key, value in totals.items() if small(value, k)}
    containing: dict[Hashable, list[Hashable]] = {}
    for key, members in aggregates.items():
        for member in members:
            containing.setdefault(member, []).append(key)
    for _ in range(MAX_ROUNDS):
        exposed = recoverable(cells, aggregates, hidden_cells, hidden_aggs)
        if not exposed:
            return Suppression(frozenset(hidden_cells), frozenset(hidden_aggs))
        item = min(exposed, key=repr)
        candidates = _neighbours(
            item, cells, aggregates, totals, containing, hidden_cells, hidden_aggs
        )
        if not candidates:
            break
        for kind, key in candidates[:25]:
            trial_cells = hidden_cells | ({key} if kind == "cell" else set())
            trial_aggs = hidden_aggs | ({key} if kind == "aggregate" else set())
            if item not in recoverable(cells, aggregates, trial_cells, trial_aggs):
                hidden_cells, hidden_aggs = trial_cells, trial_aggs
                break
        else:
            kind, key = candidates[0]
            (hidden_cells if kind == "cell" else hidden_aggs).add(key)
    # Could not protect it with neighbours: hide everything rather than publish a small count.
    return Suppression(frozenset(cells), frozenset(aggregates))


def _neighbours(item, cells, aggregates, totals, containing, hidden_cells, hidden_aggs):  # noqa: ANN001, ANN202
    """Shown numbers next to `item`, smallest first: cells in an aggregate with it (or in it),
    and aggregates that share a cell with those aggregates. Nonzero numbers only: hiding a zero
    protects little, since many tables have zeros an attacker can guess."""
    members = set(aggregates[item]) if item in aggregates else {item}
    near_aggs = {a for m in members for a in containing.get(m, [])}
    if item in aggregates:
        near_aggs.add(item)
    near_cells = {c for a in near_aggs for c in aggregates[a]} | members
    wider_aggs = {a for c in near_cells for a in containing.get(c, [])}
    found = [
        (cells[c], 0, repr(c), "cell", c)
        for c in near_cells
        if c not in hidden_cells and cells[c] > 0
    ] + [
        (totals[a], 1, repr(a), "aggregate", a)
        for a in wider_aggs
        if a not in hidden_aggs and a != item and totals[a] > 0
    ]
    return [(kind, key) for *_, kind, key in sorted(found)]


def one_way(counts: Mapping[Hashable, int], k: int = DEFAULT_K) -> tuple[dict, int | None]:
    """A one-dimensional table (counts by agency, by category...) published with its total:
    ({key: count or None when hidden}, total or None). For partner exports: one small count
    and the total would give it back, so a second count is hidden with it."""
    aggregates = {("total",): frozenset(counts)}
    hidden = suppress(counts, aggregates, k)
    total = sum(counts.values())
    return (
        {key: hidden.shown(key, value) for key, value in counts.items()},
        hidden.shown(("total",), total, aggregate=True),
    )
