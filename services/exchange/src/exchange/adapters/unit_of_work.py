"""The exchange unit of work on PostgreSQL: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.auth.revocation.postgres import PostgresTokenValidity
from cloth_shared.unit_of_work import UnitOfWork
from exchange.adapters.exchange_repository import PostgresExchangeRepository
from exchange.adapters.offer_repository import (
    PostgresEvidenceRepository,
    PostgresMissionRepository,
    PostgresOfferRepository,
)
from exchange.adapters.programme_repository import (
    PostgresFigureRepository,
    PostgresProgrammeRepository,
    PostgresQuotaCounter,
)
from exchange.adapters.repositories import PostgresOrganisationRepository, PostgresPersonRepository
from exchange.service_layer.ports import (
    EvidenceRepository,
    ExchangeRepository,
    FigureRepository,
    MissionRepository,
    OfferRepository,
    OrganisationRepository,
    PersonRepository,
    ProgrammeRepository,
    QuotaCounter,
)

# Transaction-scoped: released at commit or rollback, never left with a pooled connection.
TRY_LOCK = "SELECT pg_try_advisory_xact_lock($1)"


class PostgresExchangeUnitOfWork(UnitOfWork):
    # Typed as the ports, so mypy checks the asyncpg repositories against them.
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

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.people = PostgresPersonRepository(connection)
        self.organisations = PostgresOrganisationRepository(connection)
        self.programmes = PostgresProgrammeRepository(connection)
        self.quotas = PostgresQuotaCounter(connection)
        self.exchanges = PostgresExchangeRepository(connection)
        self.figures = PostgresFigureRepository(connection)
        self.offers = PostgresOfferRepository(connection)
        self.missions = PostgresMissionRepository(connection)
        self.evidence = PostgresEvidenceRepository(connection)
        self.token_validity = PostgresTokenValidity(connection)

    async def try_lock(self, key: int) -> bool:
        return bool(await self.connection.fetchval(TRY_LOCK, key))
