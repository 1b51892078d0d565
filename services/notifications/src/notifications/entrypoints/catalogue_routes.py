"""The event catalogue partners read: the AsyncAPI 3 document of every public event."""

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from cloth_shared.bodies import JsonRoute
from cloth_shared.contracts.asyncapi import asyncapi_document
from cloth_shared.service import Infrastructure, infrastructure

router = APIRouter(route_class=JsonRoute)

EXAMPLE = {
    "asyncapi": "3.0.0",
    "info": {"title": "CLOTH Platform events", "version": "1.0.0"},
    "channels": {"membership_organisations": {"address": "membership.organisations", "messages": {}}},
}


@cache
def _catalogue(topic_prefix: str) -> dict[str, Any]:
    # Built from the contract classes compiled into this process: it changes only with a deploy.
    return asyncapi_document(topic_prefix=topic_prefix)


@router.get(
    "/asyncapi.json",
    tags=["catalogue"],
    summary="The AsyncAPI 3 document of every public event of every service (public).",
    description=(
        "Topics with this deployment's prefix, Kafka keys, the envelope, every payload schema "
        "with its description and version, and the record headers (CloudEvents binding "
        "included). See docs/partners.md for subscribing by consumer group or by webhook."
    ),
    responses={200: {"content": {"application/json": {"example": EXAMPLE}}}},
)
async def event_catalogue(
    response: Response, infra: Annotated[Infrastructure, Depends(infrastructure)]
) -> dict[str, Any]:
    response.headers["cache-control"] = "public, max-age=300"
    return _catalogue(infra.settings.kafka_topic_prefix)
