"""Statements and arguments built from one column list, so values are matched by column name."""

from collections.abc import Mapping, Sequence
from typing import Any


def columns(names: Sequence[str], *, prefix: str = "") -> str:
    return ", ".join(f"{prefix}{name}" for name in names)


def placeholders(names: Sequence[str], *, first: int = 1) -> str:
    return ", ".join(f"${first + i}" for i in range(len(names)))


def updates(names: Sequence[str]) -> str:
    """`a = EXCLUDED.a, …` for an upsert."""
    return ", ".join(f"{name} = EXCLUDED.{name}" for name in names)


def upsert(table: str, names: Sequence[str], key: str, *, newer: str | None = None) -> str:
    """INSERT … ON CONFLICT (key) DO UPDATE; with `newer`, only when that column is not older."""
    guard = f"\n    WHERE {table}.{newer} <= EXCLUDED.{newer}" if newer else ""
    rest = [name for name in names if name != key]
    return (
        f"INSERT INTO {table} ({columns(names)}) VALUES ({placeholders(names)})\n"
        f"ON CONFLICT ({key}) DO UPDATE SET {updates(rest)}{guard}"
    )


def arguments(values: Mapping[str, Any], names: Sequence[str]) -> list[Any]:
    """The values in the column list's order; a missing column is a KeyError, not a shifted row."""
    return [sql_value(values[name]) for name in names]


def sql_value(value: Any) -> Any:
    # Domain objects hold tuples and frozensets; asyncpg encodes PostgreSQL arrays from lists.
    if isinstance(value, tuple | frozenset):
        return sorted(value) if isinstance(value, frozenset) else list(value)
    return value
