"""A small alliance on the fake unit of work, with everyone who acts on an exchange.

Use-case tests build a `World`, then name only what they assert on: `world.requested()` gives
an exchange at the stage wanted, taken through the real use cases.
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal, Role
from exchange.domain.exchanges import Exchange
from exchange.domain.parties import Coordinates, Party
from exchange.domain.programme import DEFAULT_QUOTAS, Programme, Window
from exchange.domain.records import Commitment, DayPlan, Signatory
from exchange.domain.vocabulary import ActivityKind, Category
from exchange.service_layer import approval, closing, commitment, programmes, requests

from .fakes import FakeClock, FakeExchangeUnitOfWork

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
# Monday 1 March to Friday 5 March 2027: five working days in Spain, no holiday.
FIRST_DAY, LAST_DAY = date(2027, 3, 1), date(2027, 3, 5)
PORTO = Coordinates(41.1579, -8.6291)
IGUALADA = Coordinates(41.5789, 1.6178)
CAPS = {"ES": Decimal("900.00"), "PT": Decimal("800.00"), "BG": Decimal("700.00"), "FR": Decimal("1000.00")}


def person(role: Role, *, organisation: UUID | None = None, cluster: UUID | None = None) -> Principal:
    return Principal(uuid4(), frozenset({role}), organisation_id=organisation, cluster_id=cluster)


def a_party(category: Category = Category.SME, country: str = "PT", **changes: object) -> Party:
    values: dict[str, object] = {
        "organisation_id": uuid4(),
        "category": category,
        "country": country,
        "cluster_id": uuid4(),
        "coordinates": PORTO,
        "languages": frozenset({"en", "pt"}),
        "value_chains": frozenset({"fashion_textile"}),
        "legal_name": f"{category} in {country}",
    }
    return Party(**{**values, **changes})  # type: ignore[arg-type]


def a_commitment(
    first_day: date = FIRST_DAY, last_day: date = LAST_DAY, goal: str = "learn dyeing"
) -> Commitment:
    return Commitment((goal,), (DayPlan(first_day, "plant tour"),), ("a project",), first_day, last_day)


@dataclass
class World:
    uow: FakeExchangeUnitOfWork = field(default_factory=FakeExchangeUnitOfWork)
    clock: FakeClock = field(default_factory=lambda: FakeClock(NOW))
    visitor: Party = field(default_factory=a_party)
    host: Party = field(default_factory=lambda: a_party(country="ES", coordinates=IGUALADA))
    programme: Programme | None = None

    def __post_init__(self) -> None:
        self.admin = person(Role.PLATFORM_ADMIN)
        self.visitor_person = person(Role.ORGANISATION_ADMIN, organisation=self.visitor.organisation_id)
        self.host_person = person(Role.ORGANISATION_MEMBER, organisation=self.host.organisation_id)
        self.visitor_manager = person(Role.CLUSTER_MANAGER, cluster=self.visitor.cluster_id)
        self.host_manager = person(Role.CLUSTER_MANAGER, cluster=self.host.cluster_id)
        self.stranger = person(Role.ORGANISATION_ADMIN, organisation=uuid4())

    async def know(self, *parties: Party) -> None:
        async with self.uow:
            for party in parties:
                await self.uow.organisations.remember(party, as_of=NOW)
            await self.uow.commit()

    async def start(self, **quotas: int) -> "World":
        """The two organisations known, and a programme (default quotas unless some are given)."""
        await self.know(self.visitor, self.host)
        command = programmes.CreateProgramme(
            "Fashion ClusterXchange",
            Window(date(2026, 9, 1), date(2027, 9, 30)),
            Window(date(2027, 1, 1), date(2027, 12, 31)),
            CAPS,
        )
        slots = tuple(replace(q, slots=quotas.get(str(q.category), q.slots)) for q in DEFAULT_QUOTAS)
        command = replace(command, quotas=slots)
        self.programme = await programmes.create_programme(self.uow, self.admin, command, clock=self.clock)
        return self

    @property
    def programme_id(self) -> UUID:
        assert self.programme is not None, "start the world first"
        return self.programme.id

    def request_command(self, **changes: object) -> requests.RequestExchange:
        values: dict[str, object] = {
            "programme_id": self.programme_id,
            "visitor_organisation_id": self.visitor.organisation_id,
            "activity_kind": ActivityKind.KNOWLEDGE_SHARING,
            "host_organisation_id": self.host.organisation_id,
            "first_day": FIRST_DAY,
            "last_day": LAST_DAY,
        }
        return requests.RequestExchange(**{**values, **changes})  # type: ignore[arg-type]

    async def requested(self, **changes: object) -> Exchange:
        command = self.request_command(**changes)
        return await requests.request_exchange(self.uow, self.visitor_person, command, clock=self.clock)

    async def accepted(self) -> Exchange:
        exchange = await self.requested()
        return await requests.accept(self.uow, self.host_person, exchange.id, clock=self.clock)

    async def agreed(self) -> Exchange:
        exchange = await self.accepted()
        await commitment.amend_commitment(
            self.uow, self.visitor_person, exchange.id, a_commitment(), clock=self.clock
        )
        signers = {
            Signatory.VISITOR: self.visitor_person,
            Signatory.HOST: self.host_person,
            Signatory.VISITOR_CLUSTER: self.visitor_manager,
            Signatory.HOST_CLUSTER: self.host_manager,
        }
        for signatory, signer in signers.items():
            exchange = await commitment.sign(self.uow, signer, exchange.id, signatory, clock=self.clock)
        return exchange

    async def approved(self) -> Exchange:
        exchange = await self.agreed()
        return await approval.approve(self.uow, self.visitor_manager, exchange.id, clock=self.clock)

    async def in_progress(self) -> Exchange:
        exchange = await self.approved()
        self.clock.set(FIRST_DAY)
        return await approval.start(self.uow, self.visitor_person, exchange.id, clock=self.clock)

    async def report_submitted(self, share: bool = True) -> Exchange:
        exchange = await self.in_progress()
        self.clock.set(LAST_DAY, 18)
        report = closing.SubmitReport("We learned natural dyeing.", "Start small.", share)
        return await closing.submit_report(
            self.uow, self.visitor_person, exchange.id, report, clock=self.clock
        )

    async def completed(self) -> Exchange:
        exchange = await self.report_submitted()
        self.clock.set(date(2027, 3, 10))
        return await closing.validate(self.uow, self.visitor_manager, exchange.id, clock=self.clock)

    def event_types(self) -> list[str]:
        return [event.event_type for event in self.uow.events]
