"""A valid instance of any registered event: the shared builders where they exist, otherwise one
filled in from the contract's own field types (so a new event gets a sample without a builder)."""

import types
import typing
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import uuid4

from pydantic import BaseModel

from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.registry import ALL_EVENTS
from cloth_shared.testing.examples import person_joined, sme_joined, stakeholder_joined

from .exchange_examples import exchange_requested, exchange_snapshot, report_overdue

BUILT: dict[str, Any] = {
    "SMEJoined": sme_joined,
    "StakeholderJoined": stakeholder_joined,
    "PersonJoined": person_joined,
    "ExchangeRequested": lambda: exchange_requested(exchange_snapshot()),
    "ExchangeReportOverdue": lambda: report_overdue(exchange_snapshot()),
}
# Field names whose values have a shape the type alone does not say.
BY_NAME: dict[str, Any] = {
    "country": "ES",
    "visitor_country": "ES",
    "host_country": "RO",
    "language": "ca",
    "email": "laia@example.org",
    "website": "https://example.org",
    "source_url": "https://example.org/analysis",
    "region_code": "ES51",
    "currency": "EUR",
}
EVENTS = {event.event_type: event for event in ALL_EVENTS}


def sample_event(event_type: str) -> Event:
    if event_type in BUILT:
        built: Event = BUILT[event_type]()
        return built
    return EVENTS[event_type].model_validate(_model_values(EVENTS[event_type]))


def _model_values(model: type[BaseModel]) -> dict[str, Any]:
    return {
        name: BY_NAME[name] if name in BY_NAME else _value(field.annotation, name)
        for name, field in model.model_fields.items()
        if field.is_required() or name in BY_NAME or not _optional(field.annotation)
    }


def _optional(annotation: Any) -> bool:
    return type(None) in typing.get_args(annotation)


def _value(annotation: Any, name: str) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _value(args[0], name)
    if origin is typing.Literal:
        return args[0]
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), name)
    if origin in (list, tuple, set, frozenset):
        return [_value(args[0], name)] if args else []
    if origin is dict:
        return {}
    return _scalar(annotation, name)


def _scalar(annotation: Any, name: str) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_values(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return next(iter(annotation)).value
    simple: dict[Any, Any] = {
        bool: False,
        int: 1,
        float: 1.0,
        Decimal: "1000.00",
        datetime: datetime.now(UTC).isoformat(),
        date: "2027-03-01",
    }
    if annotation in simple:
        return simple[annotation]
    if getattr(annotation, "__name__", "") == "UUID":
        return str(uuid4())
    return f"Sample {name.replace('_', ' ')}"
