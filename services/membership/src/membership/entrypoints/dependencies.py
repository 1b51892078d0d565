"""FastAPI dependencies of the membership routes: the unit of work, the directory, the identity.

`Caller` is the verified token's holder as membership's current data describes them: every
decision here uses the roles a person has now, not those their token was issued with.
"""

from typing import Annotated

from fastapi import Depends, Request

from cloth_shared.auth.fastapi import authenticated
from cloth_shared.auth.principal import Principal
from cloth_shared.client_address import ClientAddresses
from cloth_shared.service import Infrastructure, component_dependency, infrastructure
from membership.adapters.directory import PostgresDirectory
from membership.adapters.unit_of_work import PostgresMembershipUnitOfWork
from membership.service_layer.accounts import current_principal
from membership.service_layer.ports import Identity
from membership.service_layer.repositories import Directory
from membership.service_layer.unit_of_work import MembershipUnitOfWork


async def unit_of_work(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> MembershipUnitOfWork:
    return PostgresMembershipUnitOfWork(infra.pool, infra.outbox)


async def directory(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> Directory:
    return PostgresDirectory(infra.pool)


UoW = Annotated[MembershipUnitOfWork, Depends(unit_of_work)]
DirectoryDep = Annotated[Directory, Depends(directory)]
IdentityDep = Annotated[Identity, Depends(component_dependency(Identity))]


async def client_address(
    request: Request, addresses: Annotated[ClientAddresses, Depends(component_dependency(ClientAddresses))]
) -> str:
    """The caller's address, X-Forwarded-For believed only from the configured trusted proxies."""
    return addresses.of(request)


ClientAddress = Annotated[str, Depends(client_address)]


async def current_caller(token_holder: Annotated[Principal, Depends(authenticated)], uow: UoW) -> Principal:
    return await current_principal(uow, token_holder)


Caller = Annotated[Principal, Depends(current_caller)]
