"""In-memory repositories implementing the exchange ports, over a FakeExchangeDatabase.

The database holds frozen domain objects in dicts, so its copy shares nothing mutable: the fake
unit of work works on a copy and swaps it in on commit, as PostgreSQL would.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Self
from uuid import UUID

from exchange.domain import closing
from exchange.domain.evidence import EvidenceFile
from exchange.domain.exchanges import Exchange
from exchange.domain.figures import (
    CategoryCount,
    Change,
    ClusterCount,
    Contribution,
    FlowCount,
    ProgrammeCounts,
)
from exchange.domain.matching import HostingOffer
from exchange.domain.missions import GroupMission
from exchange.domain.parties import Party
from exchange.domain.people import ERASED_PERSON, Person
from exchange.domain.programme import Programme
from exchange.domain.records import Deadline
from exchange.domain.vocabulary import Category


@dataclass(frozen=True, slots=True)
class Counter:
    slots: int
    taken: int = 0
    completed: int = 0


@dataclass
class FakeExchangeDatabase:
    people: dict[UUID, Person] = field(default_factory=dict)
    erased: dict[UUID, datetime] = field(default_factory=dict)
    organisations: dict[UUID, tuple[Party, datetime]] = field(default_factory=dict)
    programmes: dict[UUID, Programme] = field(default_factory=dict)
    quotas: dict[tuple[UUID, Category], Counter] = field(default_factory=dict)
    exchanges: dict[UUID, Exchange] = field(default_factory=dict)
    clusters: dict[tuple[UUID, UUID], tuple[int, int]] = field(default_factory=dict)
    flows: dict[tuple[UUID, str, str], tuple[int, int]] = field(default_factory=dict)
    offers: dict[UUID, HostingOffer] = field(default_factory=dict)
    withdrawn: dict[UUID, datetime] = field(default_factory=dict)
    missions: dict[UUID, GroupMission] = field(default_factory=dict)
    evidence: dict[UUID, EvidenceFile] = field(default_factory=dict)
    token_validity: dict[UUID, datetime] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(**{name: dict(value) for name, value in vars(self).items()})


class FakePersonRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def get(self, person_id: UUID) -> Person | None:
        return self._db.people.get(person_id)

    async def remember(self, person: Person) -> None:
        known = self._db.people.get(person.person_id)
        if person.person_id not in self._db.erased and (
            known is None or known.updated_at <= person.updated_at
        ):
            self._db.people[person.person_id] = person

    async def detach(self, person_id: UUID, *, at: datetime) -> None:
        known = self._db.people.get(person_id)
        if known is not None and known.updated_at <= at:
            detached = replace(known, role=None, organisation_id=None, cluster_id=None, updated_at=at)
            self._db.people[person_id] = detached

    async def forget(self, person_id: UUID, *, at: datetime) -> None:
        self._db.people.pop(person_id, None)
        self._db.erased.setdefault(person_id, at)

    async def names(self, person_ids: Collection[UUID]) -> Mapping[UUID, str]:
        known = {i: self._db.people[i].display_name for i in person_ids if i in self._db.people}
        return known | {i: ERASED_PERSON for i in person_ids if i in self._db.erased}


class FakeOrganisationRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Party | None:
        known = self._db.organisations.get(organisation_id)
        return None if known is None else known[0]

    async def remember(self, party: Party, *, as_of: datetime) -> bool:
        known = self._db.organisations.get(party.organisation_id)
        if known is not None and known[1] > as_of:
            return False
        self._db.organisations[party.organisation_id] = (party, as_of)
        return True

    async def names(self, organisation_ids: Collection[UUID]) -> Mapping[UUID, str]:
        found = (self._db.organisations.get(i) for i in organisation_ids)
        return {known[0].organisation_id: known[0].legal_name for known in found if known is not None}


class FakeProgrammeRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def add(self, programme: Programme) -> None:
        assert programme.id not in self._db.programmes, "duplicate programme id"
        self._db.programmes[programme.id] = programme
        for quota in programme.quotas:
            self._db.quotas[(programme.id, quota.category)] = Counter(quota.slots)

    async def get(self, programme_id: UUID) -> Programme | None:
        return self._db.programmes.get(programme_id)

    async def save(self, programme: Programme) -> None:
        self._db.programmes[programme.id] = programme

    async def list(self) -> Sequence[Programme]:
        return sorted(self._db.programmes.values(), key=lambda p: (-p.created_at.timestamp(), str(p.id)))


class FakeQuotaCounter:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def taken(self, programme_id: UUID, category: Category) -> int:
        counter = self._db.quotas.get((programme_id, category))
        return 0 if counter is None else counter.taken

    async def take(self, programme_id: UUID, category: Category) -> bool:
        counter = self._db.quotas.get((programme_id, category))
        if counter is None or counter.taken >= counter.slots:
            return False
        self._db.quotas[(programme_id, category)] = replace(counter, taken=counter.taken + 1)
        return True

    async def free(self, programme_id: UUID, category: Category) -> None:
        counter = self._db.quotas.get((programme_id, category))
        if counter is not None and counter.taken > 0:
            self._db.quotas[(programme_id, category)] = replace(counter, taken=counter.taken - 1)


class FakeFigureRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def record(self, contribution: Contribution, change: Change) -> None:
        c, db = contribution, self._db
        counter = db.quotas.get((c.programme_id, c.category))
        if counter is not None:
            db.quotas[(c.programme_id, c.category)] = replace(
                counter, completed=counter.completed + change.completed
            )
        approved, completed = db.clusters.get((c.programme_id, c.cluster_id), (0, 0))
        db.clusters[(c.programme_id, c.cluster_id)] = (
            approved + change.approved,
            completed + change.completed,
        )
        flow = (c.programme_id, c.from_country, c.to_country)
        approved, completed = db.flows.get(flow, (0, 0))
        db.flows[flow] = (approved + change.approved, completed + change.completed)

    async def counts(self, programme_id: UUID) -> ProgrammeCounts:
        db = self._db
        programme = db.programmes[programme_id]
        counters = ((q, db.quotas[(programme_id, q.category)]) for q in programme.quotas)
        categories = tuple(CategoryCount(q.category, q.slots, c.taken, c.completed) for q, c in counters)
        clusters = tuple(
            ClusterCount(cluster, *counts)
            for (p, cluster), counts in sorted(db.clusters.items(), key=lambda item: str(item[0][1]))
            if p == programme_id and any(counts)
        )
        flows = tuple(
            FlowCount(source, target, *counts)
            for (p, source, target), counts in sorted(db.flows.items(), key=lambda item: item[0][1:])
            if p == programme_id and any(counts)
        )
        return ProgrammeCounts(categories, clusters, flows)


def deadline_due(exchange: Exchange, on: date) -> bool:
    """What the PostgreSQL `DUE` query selects, spelled in Python."""
    report_due, payment_due = closing.report_due(exchange), closing.payment_due(exchange)
    state = str(exchange.state)
    return (
        (state == "approved" and exchange.first_day <= on)
        or (
            state in {"in_progress", "report_sent_back"}
            and report_due < on
            and Deadline.REPORT not in exchange.flagged
        )
        or (
            state == "completed"
            and payment_due is not None
            and payment_due < on
            and Deadline.PAYMENT not in exchange.flagged
        )
    )
