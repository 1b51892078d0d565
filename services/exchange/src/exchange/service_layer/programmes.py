"""Use cases of programmes: administrators create and close them; anyone reads them."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from exchange.domain import access
from exchange.domain import programme as rules
from exchange.domain.programme import DEFAULT_QUOTAS, Programme, Quota, Window
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork


@dataclass(frozen=True, slots=True)
class CreateProgramme:
    name: str
    application_window: Window
    activity_window: Window
    lump_sum_caps: Mapping[str, Decimal]
    quotas: tuple[Quota, ...] = DEFAULT_QUOTAS  # the Fashion ClusterXchange's 100 exchanges


async def existing_programme(uow: ExchangeUnitOfWork, programme_id: UUID) -> Programme:
    programme = await uow.programmes.get(programme_id)
    if programme is None:
        raise NotFound("no such programme", code="programme-not-found")
    return programme


async def create_programme(
    uow: ExchangeUnitOfWork, caller: Principal, command: CreateProgramme, *, clock: Clock
) -> Programme:
    """A new programme with its quotas and lump-sum caps (administrators)."""
    access.manage_programmes(caller)
    programme = rules.create(
        programme_id=uuid4(),
        name=command.name,
        application_window=command.application_window,
        activity_window=command.activity_window,
        lump_sum_caps=command.lump_sum_caps,
        quotas=command.quotas,
        at=clock.now(),
        by=caller.subject,
    )
    async with uow:
        await uow.programmes.add(programme)
        await uow.commit()
    return programme


async def close_programme(
    uow: ExchangeUnitOfWork, caller: Principal, programme_id: UUID, *, clock: Clock
) -> Programme:
    """No new requests or approvals; its figures stay readable (administrators)."""
    access.manage_programmes(caller)
    async with uow:
        closed = rules.close(await existing_programme(uow, programme_id), at=clock.now(), by=caller.subject)
        await uow.programmes.save(closed)
        await uow.commit()
    return closed


async def get_programme(uow: ExchangeUnitOfWork, programme_id: UUID) -> Programme:
    async with uow:
        return await existing_programme(uow, programme_id)


async def list_programmes(uow: ExchangeUnitOfWork) -> Sequence[Programme]:
    async with uow:
        return await uow.programmes.list()
