"""Statements and arguments built from one column list, so values are matched by column name.

A column list is the single place a table's columns are spelled; the INSERT, the UPDATE and
the arguments passed to asyncpg are all derived from it, never sliced by position.
"""

from collections.abc import Mapping, Sequence


def columns(names: Sequence[str]) -> str:
    return ", ".join(names)


def placeholders(names: Sequence[str], *, first: int = 1) -> str:
    return ", ".join(f"${first + i}" for i in range(len(names)))


def assignments(names: Sequence[str], *, first: int) -> str:
    """`a = $2, b = $3, …` for an UPDATE whose key is `$1`."""
    return ", ".join(f"{name} = ${first + i}" for i, name in enumerate(names))


def arguments(values: Mapping[str, object], names: Sequence[str]) -> list[object]:
    """The values in the column list's order; a missing column is a KeyError, not a shifted row."""
    return [_sql_value(values[name]) for name in names]


def _sql_value(value: object) -> object:
    # Domain objects hold tuples; asyncpg encodes PostgreSQL arrays from lists.
    return list(value) if isinstance(value, tuple) else value
