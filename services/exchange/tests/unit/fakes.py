"""The fake exchange unit of work, its exchange, offer, mission and evidence repositories, and a
clock the tests set. Fakes implement the ports; mypy checks them through the typed attributes."""

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from exchange.domain.exchanges import Exchange
from exchange.domain.membership_ended import OPEN_STATES
from exchange.domain.programme import Window
from exchange.domain.vocabulary import State
from exchange.service_layer.ports import (
    Clock,
    EvidenceRepository,
    EvidenceStorage,
    ExchangeRepository,
    FigureRepository,
    MissionRepository,
    OfferRepository,
    OrganisationRepository,
    PersonRepository,
    ProgrammeRepository,
    QuotaCounter,
)
from exchange.service_layer.queries import ExchangeQuery

from .fake_catalogue import (
    FakeEvidenceRepository,
    FakeEvidenceStorage,
    FakeMissionRepository,
    FakeOfferRepository,
)
from .fake_repositories import (
    FakeExchangeDatabase,
    FakeFigureRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
    FakeProgrammeRepository,
    FakeQuotaCounter,
    deadline_due,
)

NOT_COUNTED = {State.DECLINED, State.CANCELLED}


class FakeExchangeRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def add(self, exchange: Exchange) -> None:
        assert exchange.id not in self._db.exchanges, "duplicate exchange id"
        self._db.exchanges[exchange.id] = exchange

    async def get(self, exchange_id: UUID, *, for_update: bool = False) -> Exchange | None:
        return self._db.exchanges.get(exchange_id)

    async def save(self, exchange: Exchange) -> None:
        assert exchange.id in self._db.exchanges, "save before add"
        self._db.exchanges[exchange.id] = exchange

    async def visits(self, programme_id: UUID, visitor_id: UUID) -> int:
        return sum(
            1
            for e in self._db.exchanges.values()
            if e.programme_id == programme_id
            and e.visitor.organisation_id == visitor_id
            and e.state not in NOT_COUNTED
        )

    async def open_for(self, organisation_id: UUID) -> Sequence[Exchange]:
        found = [
            e
            for e in self._db.exchanges.values()
            if organisation_id in {e.visitor.organisation_id, e.host.organisation_id}
            and e.state in OPEN_STATES
        ]
        return sorted(found, key=lambda e: e.id)

    async def find(self, query: ExchangeQuery) -> Sequence[Exchange]:
        q = query

        def wanted(e: Exchange) -> bool:
            return (
                (q.programme_id is None or e.programme_id == q.programme_id)
                and (q.state is None or e.state is q.state)
                and (q.party is None or q.party in {e.visitor.organisation_id, e.host.organisation_id})
                and (q.cluster is None or q.cluster in {e.visitor.cluster_id, e.host.cluster_id})
                and (q.mission_id is None or e.mission_id == q.mission_id)
            )

        found = sorted(filter(wanted, self._db.exchanges.values()), key=lambda e: (e.requested_at, e.id))
        return found[q.offset : q.offset + q.limit]

    async def due(self, on: date, *, limit: int) -> Sequence[UUID]:
        return sorted(e.id for e in self._db.exchanges.values() if deadline_due(e, on))[:limit]

    async def booked(self, offer_ids: Collection[UUID], period: Window) -> Mapping[UUID, int]:
        booked: dict[UUID, int] = {}
        for e in self._db.exchanges.values():
            during = e.first_day <= period.last and e.last_day >= period.first
            offer = e.hosting_offer_id
            if offer is not None and offer in offer_ids and during and e.state not in NOT_COUNTED:
                booked[offer] = booked.get(offer, 0) + 1
        return booked


class FakeClock:
    """The programme's clock, where the test says it is."""

    def __init__(self, now: datetime = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def set(self, day: date, hour: int = 9) -> None:
        self.current = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class FakeExchangeUnitOfWork(FakeUnitOfWork[FakeExchangeDatabase]):
    # The ports: mypy checks the fakes against them.
    people: PersonRepository
    organisations: OrganisationRepository
    programmes: ProgrammeRepository
    quotas: QuotaCounter
    exchanges: ExchangeRepository
    figures: FigureRepository
    offers: OfferRepository
    missions: MissionRepository
    evidence: EvidenceRepository
    token_validity: TokenValidityRepository

    def __init__(self, database: FakeExchangeDatabase | None = None) -> None:
        super().__init__(database or FakeExchangeDatabase())
        self.lock_held_elsewhere = False  # a test sets it to play another replica

    def _bind(self, work: FakeExchangeDatabase) -> None:
        self.people = FakePersonRepository(work)
        self.organisations = FakeOrganisationRepository(work)
        self.programmes = FakeProgrammeRepository(work)
        self.quotas = FakeQuotaCounter(work)
        self.exchanges = FakeExchangeRepository(work)
        self.figures = FakeFigureRepository(work)
        self.offers = FakeOfferRepository(work)
        self.missions = FakeMissionRepository(work)
        self.evidence = FakeEvidenceRepository(work)
        self.token_validity = FakeTokenValidity(work.token_validity)

    async def try_lock(self, key: int) -> bool:
        return not self.lock_held_elsewhere


_clock: Clock = FakeClock()  # mypy: the fake clock keeps the port
_storage: EvidenceStorage = FakeEvidenceStorage()
