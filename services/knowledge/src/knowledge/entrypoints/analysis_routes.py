"""Routes of regional analyses: public map layer and history; a region's cluster writes a year."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from knowledge.domain.partners import PARTNERS
from knowledge.entrypoints.analysis_schemas import AnalysisPublic, AnalysisWrite, MapRegion, PartnerPublic
from knowledge.entrypoints.dependencies import UoW
from knowledge.service_layer import analyses

router = APIRouter(tags=["regional analyses"], route_class=JsonRoute)

RegionCode = Annotated[str, Path(pattern=r"^[A-Z]{2}[0-9A-Z]{1,3}$", description="NUTS 2 code, e.g. ES51.")]
Year = Annotated[int, Path(ge=2000, le=2100)]
FIRST_WRITING: dict[int | str, dict[str, Any]] = {
    201: {"model": AnalysisPublic, "description": "The year's first analysis."}
}


@router.get(
    "/partner-clusters",
    response_model=list[PartnerPublic],
    summary="The five partner clusters and the region each represents (public).",
)
async def partner_clusters() -> list[PartnerPublic]:
    return [PartnerPublic.model_validate(p, from_attributes=True) for p in PARTNERS]


@router.get(
    "/regional-analyses",
    response_model=list[MapRegion],
    summary="Each partner region's latest analysis, keyed by region code, for the map (public).",
)
async def map_layer(uow: UoW) -> list[MapRegion]:
    return [MapRegion.of(analysis) for analysis in await analyses.map_layer(uow)]


@router.get(
    "/regional-analyses/{region_code}",
    response_model=list[AnalysisPublic],
    summary="A partner region's analyses, newest year first (public).",
    responses=problem_responses(404, 422),
)
async def region_history(region_code: RegionCode, uow: UoW) -> list[AnalysisPublic]:
    return [AnalysisPublic.of(analysis) for analysis in await analyses.region_history(uow, region_code)]


@router.put(
    "/regional-analyses/{region_code}/{year}",
    response_model=AnalysisPublic,
    summary="Write a year's analysis of a partner region, or revise it (the region's cluster managers, "
    "administrators): 201 the first time, 200 for a revision.",
    responses=FIRST_WRITING | problem_responses(401, 403, 404, 413, 415, 422),
)
async def write(
    region_code: RegionCode, year: Year, body: AnalysisWrite, caller: Caller, uow: UoW, response: Response
) -> AnalysisPublic:
    analysis = await analyses.write_analysis(uow, caller, body.command(region_code, year))
    if analysis.revision == 1:
        response.status_code = status.HTTP_201_CREATED
    return AnalysisPublic.of(analysis)
