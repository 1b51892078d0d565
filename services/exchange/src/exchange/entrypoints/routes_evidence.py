"""Routes of evidence files: the raw file is the request body (its type is read from its bytes).

These routes take bodies up to the evidence limit; every other route keeps the JSON limit.
"""

from datetime import datetime
from typing import Annotated
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel

from cloth_shared.auth.fastapi import Caller
from cloth_shared.inputs import SingleLine
from cloth_shared.openapi import problem_responses
from exchange.domain.evidence import EvidenceFile, MediaType
from exchange.entrypoints.dependencies import ClockDep, StorageDep, UoW
from exchange.entrypoints.routing import EvidenceRoute
from exchange.service_layer import evidence

router = APIRouter(
    prefix="/exchanges/{exchange_id}/evidence",
    tags=["evidence"],
    route_class=EvidenceRoute,
)
Filename = Annotated[
    str, SingleLine, Query(min_length=1, max_length=255, description="Shown to people; not trusted.")
]


class EvidencePublic(BaseModel):
    id: UUID
    filename: str
    media_type: MediaType
    size: int
    sha256: str
    uploaded_at: datetime

    @classmethod
    def of(cls, file: EvidenceFile) -> "EvidencePublic":
        return cls.model_validate(file, from_attributes=True)


@router.post(
    "",
    response_model=EvidencePublic,
    status_code=status.HTTP_201_CREATED,
    summary="Upload a PDF, JPEG or PNG (at most 10 MB, 10 per exchange) for the report (visitor's people).",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {t.value: {"schema": {"type": "string", "format": "binary"}} for t in MediaType},
        }
    },
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def upload(
    exchange_id: UUID,
    request: Request,
    filename: Filename,
    caller: Caller,
    uow: UoW,
    storage: StorageDep,
    clock: ClockDep,
) -> EvidencePublic:
    content = await request.body()
    file = await evidence.upload_evidence(
        uow, storage, caller, exchange_id, filename=filename, content=content, clock=clock
    )
    return EvidencePublic.of(file)


@router.get(
    "",
    response_model=list[EvidencePublic],
    summary="The evidence uploaded (the parties and their clusters' managers).",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_files(exchange_id: UUID, caller: Caller, uow: UoW) -> list[EvidencePublic]:
    return [EvidencePublic.of(f) for f in await evidence.list_evidence(uow, caller, exchange_id)]


@router.get(
    "/{evidence_id}",
    response_class=Response,
    summary="Download one file (the parties and their clusters' managers).",
    responses={
        200: {"content": {t.value: {} for t in MediaType}, "description": "The file."},
        **problem_responses(401, 403, 404, 422),
    },
)
async def download(
    exchange_id: UUID, evidence_id: UUID, caller: Caller, uow: UoW, storage: StorageDep
) -> Response:
    file, content = await evidence.download_evidence(uow, storage, caller, exchange_id, evidence_id)
    disposition = f"attachment; filename*=UTF-8''{quote(file.filename)}"
    headers = {"Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"}
    return Response(content, media_type=file.media_type.value, headers=headers)
