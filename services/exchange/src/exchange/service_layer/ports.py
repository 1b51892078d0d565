"""What the exchange use cases need from storage and the world: written against these, not asyncpg.

Repositories hand out domain objects; `for_update=True` locks what is read until the unit of
work ends (the fake has nothing to lock: it runs one unit of work at a time).
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from cloth_shared.auth.revocation import RevocationUnitOfWork
from exchange.domain.evidence import EvidenceFile
from exchange.domain.exchanges import Exchange
from exchange.domain.figures import Change, Contribution, ProgrammeCounts
from exchange.domain.matching import HostingOffer, Wish
from exchange.domain.missions import GroupMission
from exchange.domain.parties import Party
from exchange.domain.people import Person
from exchange.domain.programme import Programme, Window
from exchange.domain.vocabulary import Category
from exchange.service_layer.queries import ExchangeQuery, OfferQuery


class Clock(Protocol):
    def now(self) -> datetime: ...


class PersonRepository(Protocol):
    async def get(self, person_id: UUID) -> Person | None: ...

    async def remember(self, person: Person) -> None:
        """Store or replace; an older announcement never overwrites a newer one."""

    async def detach(self, person_id: UUID, *, at: datetime) -> None:
        """The person no longer acts for an organisation or a cluster."""

    async def forget(self, person_id: UUID, *, at: datetime) -> None:
        """Delete everything held about the person; only a tombstone of the id stays."""

    async def names(self, person_ids: Collection[UUID]) -> Mapping[UUID, str]:
        """Display names of the known people, "erased person" for the erased; others absent."""
        ...


class OrganisationRepository(Protocol):
    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Party | None: ...

    async def remember(self, party: Party, *, as_of: datetime) -> bool:
        """Store or replace; False (and nothing stored) when what is stored is newer than `as_of`."""
        ...

    async def names(self, organisation_ids: Collection[UUID]) -> Mapping[UUID, str]:
        """Legal names of the organisations known."""
        ...


class ProgrammeRepository(Protocol):
    async def add(self, programme: Programme) -> None:
        """Store the programme with a zeroed counter row per quota."""

    async def get(self, programme_id: UUID) -> Programme | None: ...

    async def save(self, programme: Programme) -> None: ...

    async def list(self) -> Sequence[Programme]:
        """Newest first."""
        ...


class QuotaCounter(Protocol):
    async def taken(self, programme_id: UUID, category: Category) -> int: ...

    async def take(self, programme_id: UUID, category: Category) -> bool:
        """Take one slot if one is free, atomically; False when none is left."""
        ...

    async def free(self, programme_id: UUID, category: Category) -> None: ...


class ExchangeRepository(Protocol):
    async def add(self, exchange: Exchange) -> None: ...

    async def get(self, exchange_id: UUID, *, for_update: bool = False) -> Exchange | None: ...

    async def save(self, exchange: Exchange) -> None:
        """Store the new state and append the history entries not stored yet."""

    async def visits(self, programme_id: UUID, visitor_id: UUID) -> int:
        """The visitor's exchanges in the programme that count as a visit (not declined/cancelled)."""
        ...

    async def open_for(self, organisation_id: UUID) -> Sequence[Exchange]:
        """Open exchanges (requested … report sent back) of the organisation, locked, by id."""
        ...

    async def find(self, query: ExchangeQuery) -> Sequence[Exchange]:
        """Oldest request first, then by id."""
        ...

    async def due(self, on: date, *, limit: int) -> Sequence[UUID]:
        """Exchanges the clock has something to do for on `on`: to start, or a deadline passed."""
        ...

    async def booked(self, offer_ids: Collection[UUID], period: Window) -> Mapping[UUID, int]:
        """Visitors already coming through each offer during the period (open exchanges)."""
        ...


class FigureRepository(Protocol):
    async def record(self, contribution: Contribution, change: Change) -> None: ...

    async def counts(self, programme_id: UUID) -> ProgrammeCounts: ...


class OfferRepository(Protocol):
    async def add(self, offer: HostingOffer) -> None: ...

    async def get(self, offer_id: UUID) -> HostingOffer | None:
        """A published offer; withdrawn ones are not found."""
        ...

    async def withdraw(self, offer_id: UUID, *, at: datetime) -> None: ...

    async def search(self, query: OfferQuery) -> Sequence[HostingOffer]:
        """Newest first, then by id: a stable order for paging."""
        ...

    async def hosting_elsewhere(self, country: str) -> Sequence[HostingOffer]:
        """Every published offer of an active host outside `country` (suggestion candidates)."""
        ...

    async def suggestion_candidates(self, wish: Wish, *, limit: int) -> Sequence[tuple[HostingOffer, int]]:
        """Offers that may be among the `limit` best for the wish, each with its visitors in the
        wanted period (open exchanges): a superset of `matching.suggest`'s answer, so scoring
        these gives what scoring every offer of an active host abroad gives."""
        ...


class MissionRepository(Protocol):
    async def add(self, mission: GroupMission) -> None: ...

    async def get(self, mission_id: UUID, *, for_update: bool = False) -> GroupMission | None:
        """With the exchanges that hold a place (not declined or cancelled), in joining order."""
        ...

    async def in_programme(self, programme_id: UUID) -> Sequence[GroupMission]: ...


class EvidenceRepository(Protocol):
    async def add(self, file: EvidenceFile) -> None: ...

    async def of_exchange(self, exchange_id: UUID) -> Sequence[EvidenceFile]:
        """In upload order."""
        ...

    async def get(self, exchange_id: UUID, evidence_id: UUID) -> EvidenceFile | None: ...


class EvidenceStorage(Protocol):
    """Where evidence content lives, addressed by its SHA-256 (PostgreSQL now; S3 may follow).

    Outside the unit of work: content is stored before its record commits, so a record never
    points at missing content; content whose record did not commit is harmless and reused.
    """

    async def put(self, sha256: str, content: bytes) -> None: ...

    async def get(self, sha256: str) -> bytes | None: ...


class ExchangeUnitOfWork(RevocationUnitOfWork, Protocol):
    people: PersonRepository
    organisations: OrganisationRepository
    programmes: ProgrammeRepository
    quotas: QuotaCounter
    exchanges: ExchangeRepository
    figures: FigureRepository
    offers: OfferRepository
    missions: MissionRepository
    evidence: EvidenceRepository

    async def try_lock(self, key: int) -> bool:
        """Hold an exclusive lock named `key` until the unit of work ends; False if another holds it."""
        ...
