"""Route of the administrators' list of partner-system clients (registration is in `accounts`)."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict

from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from membership.adapters.client_listing import PostgresPartnerClients
from membership.entrypoints.dependencies import Caller
from membership.service_layer.client_listing import PartnerClients, list_clients

router = APIRouter(tags=["clients"], route_class=JsonRoute)


async def partner_clients(request: Request) -> PartnerClients:
    return PostgresPartnerClients(request.app.state.infrastructure.pool)


PartnerClientsDep = Annotated[PartnerClients, Depends(partner_clients)]


class ClientPublic(BaseModel):
    """A registered partner system; its secret was shown once, at registration, and is not kept."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0d6f3c1e-8a4b-4c55-9d0e-7b3a2c1f9e88",
                    "name": "Modacc CRM",
                    "scopes": ["events:read"],
                    "created_at": "2026-11-30T09:00:00Z",
                    "revoked_at": None,
                }
            ]
        }
    )

    id: UUID
    name: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


@router.get(
    "/clients",
    responses=problem_responses(401, 403),
    response_model=list[ClientPublic],
    summary="The registered partner systems, newest first (administrators).",
)
async def clients(
    caller: Caller, listing: PartnerClientsDep, limit: Limit = 50, offset: Offset = 0
) -> list[ClientPublic]:
    found = await list_clients(listing, caller, limit=limit, offset=offset)
    return [
        ClientPublic(
            id=c.id, name=c.name, scopes=list(c.scopes), created_at=c.created_at, revoked_at=c.revoked_at
        )
        for c in found
    ]
