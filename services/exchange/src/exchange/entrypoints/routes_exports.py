"""The CSV export of a programme's exchanges for EU reporting."""

from uuid import UUID

from fastapi import APIRouter, Response

from cloth_shared.auth.fastapi import Caller
from cloth_shared.openapi import problem_responses
from exchange.entrypoints.csv_export import to_csv
from exchange.entrypoints.dependencies import UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.service_layer.exports import export_exchanges

router = APIRouter(tags=["figures"], route_class=JsonRoute)


@router.get(
    "/programmes/{programme_id}/exchanges.csv",
    summary="Every exchange of the programme as CSV, no personal data (cluster managers, administrators).",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per exchange."},
        **problem_responses(401, 403, 404, 422),
    },
)
async def exchanges_csv(programme_id: UUID, caller: Caller, uow: UoW) -> Response:
    export = await export_exchanges(uow, caller, programme_id)
    filename = f"exchanges-{programme_id}.csv"
    return Response(
        to_csv(export),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
