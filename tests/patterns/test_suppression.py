"""The suppression policy against the recovery attack: with the published numbers only, an
attacker solves the equations the totals give; no hidden cell may come out exact."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from intake.suppression import recoverable, suppress


def table(values: list[list[int]]) -> tuple[dict, dict]:
    """Cells and aggregates (row totals, column totals, grand total) of a grid."""
    cells = {(r, c): v for r, row in enumerate(values) for c, v in enumerate(row)}
    aggregates = {
        ("row", r): frozenset((r, c) for c in range(len(values[0]))) for r in range(len(values))
    }
    aggregates |= {
        ("col", c): frozenset((r, c) for r in range(len(values))) for c in range(len(values[0]))
    }
    aggregates[("all",)] = frozenset(cells)
    return cells, aggregates


def attack(cells: dict, aggregates: dict, hidden: set, hidden_aggs: set) -> dict:
    """What an attacker computes exactly: Gaussian elimination over the rationals on the
    published totals (each minus its published cells), independent of suppress()'s own check.
    Returns {hidden cell: its value} for every cell the equations pin down."""
    # Hidden totals are unknowns too, each tied to its cells: total - its hidden cells = its
    # shown cells.
    unknowns = sorted(hidden, key=repr) + sorted(hidden_aggs, key=repr)
    index = {u: i for i, u in enumerate(unknowns)}
    rows = []
    for key in hidden_aggs:
        row = [Fraction(0)] * (len(unknowns) + 1)
        row[index[key]] = Fraction(1)
        for m in aggregates[key]:
            if m in index:
                row[index[m]] = Fraction(-1)
            else:
                row[-1] += cells[m]
        rows.append(row)
    for key, members in aggregates.items():
        if key in hidden_aggs:
            continue
        total = sum(cells[m] for m in members)
        row = [Fraction(0)] * (len(unknowns) + 1)
        for m in members:
            if m in index:
                row[index[m]] = Fraction(1)
            else:
                total -= cells[m]
        row[-1] = Fraction(total)
        if any(row[:-1]):
            rows.append(row)
    # Reduced row echelon form.
    pivot_row, pivots = 0, []
    for col in range(len(unknowns)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [v / lead for v in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivots.append((pivot_row, col))
        pivot_row += 1
    solved = {}
    for r, col in pivots:
        if all(rows[r][c] == 0 for c in range(len(unknowns)) if c != col):
            solved[unknowns[col]] = rows[r][-1]
    return solved


def published(cells, aggregates, result):
    shown_cells = {k: v for k, v in cells.items() if k not in result.cells}
    totals = {k: sum(cells[m] for m in ms) for k, ms in aggregates.items()}
    shown_totals = {k: v for k, v in totals.items() if k not in result.aggregates}
    return shown_cells, shown_totals


def test_one_small_cell_needs_three_more_hidden():
    cells, aggregates = table([[12, 3, 9], [8, 10, 7], [6, 11, 14]])
    result = suppress(cells, aggregates, k=5)
    assert (0, 1) in result.cells
    assert len(result.cells) >= 4  # a 2 x 2 rectangle at least
    assert attack(cells, aggregates, set(result.cells), set(result.aggregates)) == {}


def test_without_complements_the_attack_recovers_the_cell():
    """The attack is real: hiding only the small cell gives it back from its row's total."""
    cells, aggregates = table([[12, 3, 9], [8, 10, 7], [6, 11, 14]])
    assert attack(cells, aggregates, {(0, 1)}, set()) == {(0, 1): 3}
    assert recoverable(cells, aggregates, {(0, 1)}, set()) == {(0, 1)}


def test_a_small_row_total_is_hidden_and_not_recoverable_from_the_grand_total():
    cells, aggregates = table([[1, 2, 0], [10, 20, 9], [7, 8, 6]])
    result = suppress(cells, aggregates, k=5)
    assert ("row", 0) in result.aggregates
    shown_cells, shown_totals = published(cells, aggregates, result)
    assert all(not 0 < v < 5 for v in [*shown_cells.values(), *shown_totals.values()])
    # Neither the row's cells nor its total: not from the grand total minus the other rows.
    assert attack(cells, aggregates, set(result.cells), set(result.aggregates)) == {}
    assert attack(cells, aggregates, set(result.cells), {("row", 0)}) == {("row", 0): 3}


@pytest.mark.parametrize("seed", range(25))
def test_random_tables_never_show_or_leak_a_small_count(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(2, 7), rng.randint(2, 8)
    values = [
        [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 30]) for _ in range(cols)] for _ in range(rows)
    ]
    cells, aggregates = table(values)
    # Roll-ups across rows too, like states and 287(g) models on the public page.
    aggregates[("group", "odd")] = frozenset(k for k in cells if k[0] % 2)
    result = suppress(cells, aggregates, k=5)
    shown_cells, shown_totals = published(cells, aggregates, result)
    assert all(not 0 < v < 5 for v in shown_cells.values())
    assert all(not 0 < v < 5 for v in shown_totals.values())
    # Neither a hidden cell nor a hidden total comes out exact.
    leaked = attack(cells, aggregates, set(result.cells), set(result.aggregates))
    assert leaked == {}, (values, leaked)


def test_one_way_tables_for_partner_exports():
    from intake.suppression import one_way

    shown, total = one_way({"a": 12, "b": 3, "c": 9, "d": 0}, k=5)
    assert shown["b"] is None and total == 24
    assert sum(v is None for v in shown.values()) == 2  # b, and one more so b stays hidden
    assert shown["d"] == 0
    shown, total = one_way({"a": 2, "b": 1}, k=5)
    assert total is None and set(shown.values()) == {None}
