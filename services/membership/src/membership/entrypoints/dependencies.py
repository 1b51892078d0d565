"""FastAPI dependencies of the membership routes: the unit of work, the directory, the identity.

The caller comes from `cloth_shared.auth.fastapi` (`Caller`, `MaybeCaller`), verified with the
token verifier that `bootstrap` provides at start-up.
"""

from typing import Annotated

from fastapi import Depends

from cloth_shared.service import Infrastructure, component_dependency, infrastructure
from membership.adapters.directory import PostgresDirectory
from membership.adapters.unit_of_work import PostgresMembershipUnitOfWork
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
