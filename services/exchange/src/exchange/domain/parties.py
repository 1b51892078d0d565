"""Exchange's own picture of an organisation (its read model of membership), and coordinates."""

from dataclasses import dataclass
from uuid import UUID

from exchange.domain.vocabulary import Category


@dataclass(frozen=True, slots=True)
class Coordinates:
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Party:
    """An organisation as exchange knows it from membership's events."""

    organisation_id: UUID
    category: Category
    country: str
    cluster_id: UUID
    is_active: bool = True
    coordinates: Coordinates | None = None
    value_chains: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    legal_name: str = ""
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """One side of an exchange as it was when requested: what figures and events need."""

    organisation_id: UUID
    category: Category
    country: str
    cluster_id: UUID

    @classmethod
    def of(cls, party: Party) -> "Participant":
        return cls(party.organisation_id, party.category, party.country, party.cluster_id)
