"""Public routes: clusters, the directory, the industry map and the platform figures.

The public reads answer with an ETag and `Cache-Control: public, max-age=30`, and 304 to a
conditional GET whose If-None-Match names the current ETag (cloth_shared.http.public_response).
"""

import base64
import binascii
import json
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.bodies import JsonRoute
from cloth_shared.errors import InvalidInput
from cloth_shared.http import json_bytes, public_response
from cloth_shared.inputs import SingleLine
from cloth_shared.openapi import problem_responses, public_read_responses
from cloth_shared.pagination import MAX_OFFSET, MAX_PAGE_SIZE
from membership.domain.organisations import Category
from membership.domain.vocabulary import ValueChain
from membership.entrypoints.dependencies import Caller, DirectoryDep, UoW
from membership.entrypoints.schemas import (
    ClusterCreate,
    ClusterPublic,
    CountryCode,
    DirectoryPage,
    Place,
)
from membership.service_layer import directory as read
from membership.service_layer import profiles
from membership.service_layer.repositories import DirectoryFilter, DirectoryPosition

router = APIRouter(route_class=JsonRoute)

GEOJSON_EXAMPLE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": "0b1c0000-0000-4000-8000-000000000101",
            "geometry": {"type": "Point", "coordinates": [1.62, 41.58]},
            "properties": {"id": "0b1c0000-0000-4000-8000-000000000101", "legal_name": "Teixits Igualada SL"},
        }
    ],
}
CSV_EXAMPLE = (
    "id,legal_name,category,cluster_id,country,region,city,latitude,longitude,value_chains,size_band,"
    "certifications,website\r\n"
)


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
        values = self.model_dump(mode="json", exclude={"q", "limit", "offset", "cursor"})
        return DirectoryFilter(**{**values, "cluster_id": self.cluster_id, "text": self.q})


class DirectoryQuery(MapQuery):
    limit: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)
    offset: int = Field(
        default=0,
        ge=0,
        le=MAX_OFFSET,
        description="Rows to skip; slower the deeper it goes: follow `next_cursor` instead.",
    )
    cursor: str | None = Field(
        default=None,
        max_length=2048,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="`next_cursor` of the previous page: the page after it (not with `offset`).",
    )

    def after(self) -> DirectoryPosition | None:
        if self.cursor is None:
            return None
        if self.offset:
            raise InvalidInput("give either a cursor or an offset", code="cursor-and-offset", field="offset")
        return decode_cursor(self.cursor)


class DirectoryPageWithCursor(DirectoryPage):
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; null on the last page."
    )


def encode_cursor(position: DirectoryPosition) -> str:
    text = json.dumps([position.legal_name, str(position.id)], ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> DirectoryPosition:
    try:
        legal_name, id_ = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return DirectoryPosition(str(legal_name), UUID(id_))
    except (binascii.Error, ValueError, TypeError) as error:
        raise InvalidInput("not a cursor of this directory", code="bad-cursor", field="cursor") from error


@router.get(
    "/clusters", response_model=list[ClusterPublic], tags=["clusters"], summary="The alliance clusters."
)
async def list_clusters(uow: UoW) -> list[ClusterPublic]:
    return [ClusterPublic.model_validate(c, from_attributes=True) for c in await profiles.list_clusters(uow)]


@router.post(
    "/clusters",
    responses=problem_responses(403, 409),
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
    responses=public_read_responses(),
    response_model=DirectoryPageWithCursor,
    tags=["directory"],
    summary="Active organisations, filtered, sorted by name, paginated (follow `next_cursor`).",
)
async def search(
    query: Annotated[DirectoryQuery, Query()], directory: DirectoryDep, request: Request
) -> Response:
    found = await read.search(
        directory, query.where(), limit=query.limit, offset=query.offset, after=query.after()
    )
    # The schema is DirectoryPageWithCursor's; orjson writes it from the entries' stored values
    # (test_directory_json.py): no model validated and dumped per entry.
    page = {
        "items": found.items,
        "total": found.total,
        "limit": query.limit,
        "offset": query.offset,
        "next_cursor": encode_cursor(found.next) if found.next else None,
    }
    return public_response(request, json_bytes(page))


@router.get(
    "/map/counts",
    responses=public_read_responses(),
    response_model=dict[str, dict[str, int]],
    tags=["map"],
    summary="Active organisations by country, region, category, value chain.",
)
async def counts(directory: DirectoryDep, request: Request) -> Response:
    return public_response(request, json_bytes(await read.counts(directory)))


@router.get(
    "/map/organisations.geojson",
    responses=public_read_responses("application/geo+json", GEOJSON_EXAMPLE),
    tags=["map"],
    summary="Active organisations as a GeoJSON FeatureCollection.",
)
async def geojson(query: Annotated[MapQuery, Query()], directory: DirectoryDep, request: Request) -> Response:
    body = json_bytes(await read.geojson(directory, query.where()))
    return public_response(request, body, media_type="application/geo+json")


@router.get(
    "/map/organisations.csv",
    responses=public_read_responses("text/csv", CSV_EXAMPLE),
    tags=["map"],
    summary="The same organisations as CSV.",
)
async def csv_export(
    query: Annotated[MapQuery, Query()], directory: DirectoryDep, request: Request
) -> Response:
    headers = {"Content-Disposition": 'attachment; filename="cloth-organisations.csv"'}
    body = (await read.csv_export(directory, query.where())).encode()
    return public_response(request, body, media_type="text/csv", headers=headers)


@router.get(
    "/figures",
    responses=public_read_responses(),
    response_model=dict[str, Any],
    tags=["map"],
    summary="Active participants against the target of 50.",
)
async def figures(directory: DirectoryDep, request: Request) -> Response:
    return public_response(request, json_bytes(await read.figures(directory)))
