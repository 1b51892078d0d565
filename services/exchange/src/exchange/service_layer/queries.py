"""What a list of exchanges or a catalogue search asks for: typed criteria, not dictionaries."""

from dataclasses import dataclass
from uuid import UUID

from exchange.domain.programme import Window
from exchange.domain.vocabulary import ActivityKind, Category, State


@dataclass(frozen=True, slots=True)
class ExchangeQuery:
    """Every criterion given narrows the list; `party` is either side, `cluster` either cluster."""

    programme_id: UUID | None = None
    state: State | None = None
    party: UUID | None = None
    cluster: UUID | None = None
    mission_id: UUID | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class OfferQuery:
    """Catalogue filters on the host (country, category, value chain) and on the offer."""

    country: str | None = None
    category: Category | None = None
    value_chain: str | None = None
    activity_kind: ActivityKind | None = None
    language: str | None = None
    period: Window | None = None
    host_organisation_id: UUID | None = None
    limit: int = 20
    offset: int = 0
