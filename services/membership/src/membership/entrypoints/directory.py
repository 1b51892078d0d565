"""Public routes: clusters, the directory, the industry map and the platform figures."""

import json
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.bodies import JsonRoute
from cloth_shared.inputs import SingleLine
from cloth_shared.pagination import MAX_OFFSET, MAX_PAGE_SIZE
from membership.domain.organisations import Category
from membership.domain.vocabulary import ValueChain
from membership.entrypoints.dependencies import Caller, DirectoryDep, UoW
from membership.entrypoints.schemas import (
    ClusterCreate,
    ClusterPublic,
    CountryCode,
    DirectoryEntry,
    DirectoryPage,
    Place,
)
from membership.service_layer import directory as read
from membership.service_layer import profiles
from membership.service_layer.repositories import DirectoryFilter

router = APIRouter(route_class=JsonRoute)


class MapQuery(BaseModel):
    """Filters of the directory and the map; unknown parameters are refused, not ignored."""

    model_config = ConfigDict(extra="forbid")

    country: CountryCode | None = None
    region: Place | None = None
    category: Category | None = None
    value_chain: ValueChain | None = None
    cluster_id: UUID | None = None
    q: Annotated[str, Field(min_length=1, max_length=100, description="Free text."), SingleLine] | None = None

    def where(self) -> DirectoryFilter:
        values = self.model_dump(mode="json", exclude={"q", "limit", "offset"})
        return DirectoryFilter(**{**values, "cluster_id": self.cluster_id, "text": self.q})


class DirectoryQuery(MapQuery):
    limit: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


@router.get(
    "/clusters", response_model=list[ClusterPublic], tags=["clusters"], summary="The alliance clusters."
)
async def list_clusters(uow: UoW) -> list[ClusterPublic]:
    return [ClusterPublic.model_validate(c, from_attributes=True) for c in await profiles.list_clusters(uow)]


@router.post(
    "/clusters",
    response_model=ClusterPublic,
    status_code=status.HTTP_201_CREATED,
    tags=["clusters"],
    summary="Add a cluster (administrators).",
)
async def add_cluster(body: ClusterCreate, caller: Caller, uow: UoW) -> ClusterPublic:
    cluster = await profiles.add_cluster(uow, caller, profiles.AddCluster(**body.model_dump()))
    return ClusterPublic.model_validate(cluster, from_attributes=True)


@router.get(
    "/directory",
    response_model=DirectoryPage,
    tags=["directory"],
    summary="Active organisations, filtered, sorted by name, paginated.",
)
async def search(query: Annotated[DirectoryQuery, Query()], directory: DirectoryDep) -> DirectoryPage:
    found, total = await read.search(directory, query.where(), limit=query.limit, offset=query.offset)
    items = [DirectoryEntry.of(o) for o in found]
    return DirectoryPage(items=items, total=total, limit=query.limit, offset=query.offset)


@router.get(
    "/map/counts", tags=["map"], summary="Active organisations by country, region, category, value chain."
)
async def counts(directory: DirectoryDep) -> dict[str, dict[str, int]]:
    return await read.counts(directory)


@router.get(
    "/map/organisations.geojson", tags=["map"], summary="Active organisations as a GeoJSON FeatureCollection."
)
async def geojson(query: Annotated[MapQuery, Query()], directory: DirectoryDep) -> Response:
    body = json.dumps(await read.geojson(directory, query.where()))
    return Response(body, media_type="application/geo+json")


@router.get("/map/organisations.csv", tags=["map"], summary="The same organisations as CSV.")
async def csv_export(query: Annotated[MapQuery, Query()], directory: DirectoryDep) -> Response:
    headers = {"Content-Disposition": 'attachment; filename="cloth-organisations.csv"'}
    return Response(await read.csv_export(directory, query.where()), media_type="text/csv", headers=headers)


@router.get("/figures", tags=["map"], summary="Active participants against the target of 50.")
async def figures(directory: DirectoryDep) -> dict[str, Any]:
    return await read.figures(directory)
