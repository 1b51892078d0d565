"""The programme's exchanges for EU reporting: organisations by name, no personal data."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from cloth_shared.auth.principal import Principal
from exchange.domain import access
from exchange.domain.exchanges import Exchange
from exchange.domain.programme import Programme
from exchange.service_layer.ports import ExchangeUnitOfWork
from exchange.service_layer.programmes import existing_programme
from exchange.service_layer.queries import ExchangeQuery

PAGE = 1000


@dataclass(frozen=True, slots=True)
class ProgrammeExport:
    programme: Programme
    exchanges: Sequence[Exchange]
    organisation_names: Mapping[UUID, str]


async def export_exchanges(uow: ExchangeUnitOfWork, caller: Principal, programme_id: UUID) -> ProgrammeExport:
    """Every exchange of the programme, oldest request first (cluster managers, administrators)."""
    access.export_exchanges(caller)
    found: list[Exchange] = []
    async with uow:
        programme = await existing_programme(uow, programme_id)
        query = ExchangeQuery(programme_id=programme_id, limit=PAGE)
        while page := await uow.exchanges.find(replace(query, offset=len(found))):
            found.extend(page)
            if len(page) < PAGE:
                break
        parties = {e.visitor.organisation_id for e in found} | {e.host.organisation_id for e in found}
        names = await uow.organisations.names(parties)
    return ProgrammeExport(programme, found, names)
