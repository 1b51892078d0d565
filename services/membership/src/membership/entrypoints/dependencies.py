"""FastAPI dependencies of the membership routes: unit of work, identity, the caller."""

from typing import Annotated

from fastapi import Depends, Query, Request

from cloth_shared.auth.fastapi import optional_principal_dependency, principal_dependency
from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.service import Infrastructure, infrastructure
from membership.adapters.directory import Directory
from membership.service_layer.ports import Identity
from membership.service_layer.unit_of_work import MembershipUnitOfWork

MAX_PAGE_SIZE = 100


async def unit_of_work(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> MembershipUnitOfWork:
    return MembershipUnitOfWork(infra.pool, infra.outbox)


async def identity(request: Request) -> Identity:
    found: Identity = request.app.state.identity  # built at start-up (bootstrap.install_identity)
    return found


def _verifier(request: Request) -> TokenVerifier:
    verifier: TokenVerifier = request.app.state.identity.tokens.verifier
    return verifier


async def directory(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> Directory:
    return Directory(infra.pool)


UoW = Annotated[MembershipUnitOfWork, Depends(unit_of_work)]
IdentityDep = Annotated[Identity, Depends(identity)]
Caller = Annotated[Principal, Depends(principal_dependency(_verifier))]
MaybeCaller = Annotated[Principal | None, Depends(optional_principal_dependency(_verifier))]
DirectoryDep = Annotated[Directory, Depends(directory)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size, at most {MAX_PAGE_SIZE}.")]
Offset = Annotated[int, Query(ge=0, le=100_000)]
