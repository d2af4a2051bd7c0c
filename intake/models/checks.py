"""CHECK constraints that hold a column to the codes of one state enum (workers/states.py).

Migration 0014_state_checks created them with the codes of its day; a new code needs a
migration that replaces the constraint as well as a new member.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint

from workers.states import Labelled


def state_check(column: str, codes: type[Labelled]) -> CheckConstraint:
    """`column IN (codes...)`, named ck_<table>_<column> by the naming convention. `info`
    keeps the column and its codes for code that needs a value the database accepts."""
    listed = ", ".join(f"'{value}'" for value in codes.values())
    return CheckConstraint(
        f"{column} IN ({listed})", name=column, info={"column": column, "codes": codes.values()}
    )
