"""FastAPI dependencies of the membership routes: the unit of work, the directory, the identity.

`Caller` is the verified token's holder as membership's current data describes them: every
decision here uses the roles a person has now, not those their token was issued with.
"""

from typing import Annotated

from fastapi import Depends, Request

from cloth_shared.auth.fastapi import authenticated
from cloth_shared.auth.principal import Principal
from cloth_shared.client_address import ClientAddresses
from cloth_shared.service import Infrastructure, component_dependency
from membership.adapters.directory import PostgresDirectory
from membership.adapters.unit_of_work import PostgresMembershipUnitOfWork
from membership.service_layer.accounts import current_principal
from membership.service_layer.ports import Identity
from membership.service_layer.repositories import Directory
from membership.service_layer.unit_of_work import MembershipUnitOfWork


def _infrastructure(request: Request) -> Infrastructure:
    infra: Infrastructure = request.app.state.infrastructure
    return infra


# Each dependency takes the request itself rather than another dependency: FastAPI's cost per
# request grows with the depth of the dependency tree (a third of a read's time, profiled).
async def unit_of_work(request: Request) -> MembershipUnitOfWork:
    infra = _infrastructure(request)
    return PostgresMembershipUnitOfWork(infra.pool, infra.outbox)


async def directory(request: Request) -> Directory:
    return PostgresDirectory(_infrastructure(request).pool)


UoW = Annotated[MembershipUnitOfWork, Depends(unit_of_work)]
DirectoryDep = Annotated[Directory, Depends(directory)]
IdentityDep = Annotated[Identity, Depends(component_dependency(Identity))]


async def client_address(
    request: Request, addresses: Annotated[ClientAddresses, Depends(component_dependency(ClientAddresses))]
) -> str:
    """The caller's address, X-Forwarded-For believed only from the configured trusted proxies."""
    return addresses.of(request)


ClientAddress = Annotated[str, Depends(client_address)]


async def current_caller(token: Annotated[Principal, Depends(authenticated)], request: Request) -> Principal:
    infra = _infrastructure(request)
    return await current_principal(PostgresMembershipUnitOfWork(infra.pool, infra.outbox), token)


Caller = Annotated[Principal, Depends(current_caller)]
# A verified token whose holder's standing the use case checks itself, in the same statement as
# its read (`membership.service_layer.callers.TokenHolder`): for the busiest routes.
VerifiedToken = Annotated[Principal, Depends(authenticated)]
