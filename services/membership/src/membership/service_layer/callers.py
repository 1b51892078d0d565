"""Who is calling, as membership's data says now.

A verified token is not yet a caller: its roles are those of when it was issued. A route passes
either the current `Principal` (resolved by the `Caller` dependency) or a `TokenHolder`, whose
standing the use case reads in the same statement as the data it needs (one round trip where
the check and the read were two); either way every decision uses the holder's roles now.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal
from membership.domain.organisations import Organisation
from membership.domain.standing import current_principal
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class TokenHolder:
    """A verified token whose holder's standing has not been checked yet."""

    token: Principal


CallerOrHolder = Principal | TokenHolder


async def resolve(uow: MembershipUnitOfWork, token: Principal) -> Principal:
    """The token's holder as they are now (one plain read); TokenRefused if it no longer counts."""
    async with uow.reading():
        standing = await uow.standing.of(token)
    return current_principal(token, standing, at=datetime.now(UTC))


async def with_organisation(
    uow: MembershipUnitOfWork, caller: CallerOrHolder, organisation_id: UUID, *, for_update: bool = False
) -> tuple[Principal, Organisation | None]:
    """The current caller and the organisation, read in the unit of work's current block."""
    if isinstance(caller, TokenHolder):
        standing, organisation = await uow.standing.with_organisation(
            caller.token, organisation_id, for_update=for_update
        )
        return current_principal(caller.token, standing, at=datetime.now(UTC)), organisation
    return caller, await uow.organisations.get(organisation_id, for_update=for_update)
