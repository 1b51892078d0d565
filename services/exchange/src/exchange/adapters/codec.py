"""The nested values of an exchange (commitment, signatures, report, lump sum…) as JSON.

pydantic reads and writes the domain's frozen dataclasses as they are, so no field list is
spelled twice; the columns that queries filter on are plain columns (see queries).
"""

from typing import Any

from pydantic import TypeAdapter

from exchange.domain.lump_sum import LumpSum
from exchange.domain.records import (
    AtRisk,
    ClosingReport,
    Commitment,
    DayPlan,
    HistoryEntry,
    HostFeedback,
    Signature,
)

_KINDS: tuple[Any, ...] = (
    LumpSum,
    Commitment | None,
    tuple[Signature, ...],
    ClosingReport | None,
    HostFeedback | None,
    AtRisk | None,
    tuple[DayPlan, ...],
    HistoryEntry,
)
_ADAPTERS: dict[Any, TypeAdapter[Any]] = {kind: TypeAdapter(kind) for kind in _KINDS}


def to_json(kind: Any, value: Any) -> Any:
    """A JSON-ready value (dicts, lists, strings), for a jsonb column."""
    return _ADAPTERS[kind].dump_python(value, mode="json")


def from_json(kind: Any, value: Any) -> Any:
    return _ADAPTERS[kind].validate_python(value)
