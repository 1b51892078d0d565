"""In-memory repositories of the catalogue side: hosting offers, group missions, evidence records,
and the evidence storage. They implement the ports (checked through FakeExchangeUnitOfWork)."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from exchange.domain.evidence import EvidenceFile
from exchange.domain.matching import HostingOffer, Wish
from exchange.domain.missions import GroupMission
from exchange.domain.vocabulary import State
from exchange.service_layer.queries import OfferQuery

from .fake_repositories import FakeExchangeDatabase

NOT_COUNTED = {State.DECLINED, State.CANCELLED}


class FakeOfferRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    def _current(self, offer: HostingOffer) -> HostingOffer:
        """With its host as exchange knows it now, as the PostgreSQL join reads it."""
        return replace(offer, host=self._db.organisations[offer.host.organisation_id][0])

    async def add(self, offer: HostingOffer) -> None:
        self._db.offers[offer.id] = offer

    async def get(self, offer_id: UUID) -> HostingOffer | None:
        offer = self._db.offers.get(offer_id)
        return None if offer is None or offer_id in self._db.withdrawn else self._current(offer)

    async def withdraw(self, offer_id: UUID, *, at: datetime) -> None:
        self._db.withdrawn.setdefault(offer_id, at)

    def _published(self) -> list[HostingOffer]:
        offers = (self._current(o) for i, o in self._db.offers.items() if i not in self._db.withdrawn)
        return [o for o in offers if o.host.is_active]

    async def search(self, query: OfferQuery) -> Sequence[HostingOffer]:
        q = query

        def wanted(o: HostingOffer) -> bool:
            return (
                (q.country is None or o.host.country == q.country)
                and (q.category is None or o.host.category is q.category)
                and (q.value_chain is None or q.value_chain in o.host.value_chains)
                and (q.activity_kind is None or q.activity_kind in o.activity_kinds)
                and (q.language is None or q.language in o.languages)
                and (q.period is None or any(p.overlaps(q.period) for p in o.periods))
                and (q.host_organisation_id is None or o.host.organisation_id == q.host_organisation_id)
            )

        found = sorted(
            filter(wanted, self._published()), key=lambda o: (-o.published_at.timestamp(), str(o.id))
        )
        return found[q.offset : q.offset + q.limit]

    async def hosting_elsewhere(self, country: str) -> Sequence[HostingOffer]:
        return sorted((o for o in self._published() if o.host.country != country), key=lambda o: o.id)

    async def suggestion_candidates(self, wish: Wish, *, limit: int) -> Sequence[tuple[HostingOffer, int]]:
        """Every candidate (a superset of any `limit` best), with its visitors in the period."""
        period, visitor = wish.period, wish.visitor
        offers = [
            o
            for o in await self.hosting_elsewhere(visitor.country)
            if o.host.organisation_id != visitor.organisation_id
        ]

        def booked(offer: HostingOffer) -> int:
            return sum(
                1
                for e in self._db.exchanges.values()
                if e.hosting_offer_id == offer.id
                and e.state not in NOT_COUNTED
                and e.first_day <= period.last
                and e.last_day >= period.first
            )

        return [(o, booked(o)) for o in offers]


class FakeMissionRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def add(self, mission: GroupMission) -> None:
        self._db.missions[mission.id] = mission

    async def get(self, mission_id: UUID, *, for_update: bool = False) -> GroupMission | None:
        mission = self._db.missions.get(mission_id)
        if mission is None:
            return None
        joined = sorted(
            (
                e
                for e in self._db.exchanges.values()
                if e.mission_id == mission_id and e.state not in NOT_COUNTED
            ),
            key=lambda e: (e.requested_at, e.id),
        )
        return replace(mission, exchange_ids=tuple(e.id for e in joined))

    async def in_programme(self, programme_id: UUID) -> Sequence[GroupMission]:
        missions = [m for m in self._db.missions.values() if m.programme_id == programme_id]
        found = [await self.get(m.id) for m in sorted(missions, key=lambda m: (m.first_day, m.id))]
        return [m for m in found if m is not None]


class FakeEvidenceRepository:
    def __init__(self, db: FakeExchangeDatabase) -> None:
        self._db = db

    async def add(self, file: EvidenceFile) -> None:
        self._db.evidence[file.id] = file

    async def of_exchange(self, exchange_id: UUID) -> Sequence[EvidenceFile]:
        files = (f for f in self._db.evidence.values() if f.exchange_id == exchange_id)
        return sorted(files, key=lambda f: (f.uploaded_at, f.id))

    async def get(self, exchange_id: UUID, evidence_id: UUID) -> EvidenceFile | None:
        file = self._db.evidence.get(evidence_id)
        return file if file is not None and file.exchange_id == exchange_id else None


class FakeEvidenceStorage:
    def __init__(self) -> None:
        self.contents: dict[str, bytes] = {}

    async def put(self, sha256: str, content: bytes) -> None:
        self.contents.setdefault(sha256, content)

    async def get(self, sha256: str) -> bytes | None:
        return self.contents.get(sha256)
