"""What exchange holds about the caller (transparency on personal data)."""

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from exchange.domain.people import Person
from exchange.service_layer.ports import ExchangeUnitOfWork


async def what_exchange_holds_about(uow: ExchangeUnitOfWork, caller: Principal) -> Person:
    """The caller's own record; nobody reads another person's record through this."""
    async with uow:
        person = await uow.people.get(caller.subject)
    if person is None:
        raise NotFound("exchange holds nothing about you", code="person-not-known")
    return person
