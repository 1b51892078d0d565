"""Partner webhooks over HTTP: partner clients manage their own; administrators see and replay all."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from cloth_shared.service import component_dependency
from notifications.adapters.webhook_sender import DnsTargetResolver
from notifications.domain.webhook_targets import TargetPolicy
from notifications.entrypoints.dependencies import UoW
from notifications.entrypoints.webhook_schemas import (
    AttemptPublic,
    DeliveryDetail,
    DeliveryPublic,
    EventTypes,
    ReplayScheduled,
    ReplaySince,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionPublic,
)
from notifications.service_layer import webhooks
from notifications.service_layer.webhook_fan_out import public_event_types

router = APIRouter(route_class=JsonRoute, prefix="/webhooks", tags=["webhooks"])

Resolver = Annotated[DnsTargetResolver, Depends(component_dependency(DnsTargetResolver))]
Policy = Annotated[TargetPolicy, Depends(component_dependency(TargetPolicy))]


def _public(subscription: object) -> SubscriptionPublic:
    return SubscriptionPublic.model_validate(subscription, from_attributes=True)


@router.get(
    "/event-types", response_model=EventTypes, summary="The event types a subscription may name (public)."
)
async def event_types() -> EventTypes:
    return EventTypes(event_types=sorted(public_event_types()))


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=SubscriptionCreated,
    summary="A partner client subscribes an endpoint; the signing secret is shown once.",
    responses=problem_responses(401, 403, 422),
)
async def subscribe(
    body: SubscriptionCreate, caller: Caller, uow: UoW, resolver: Resolver, policy: Policy
) -> SubscriptionCreated:
    command = webhooks.Subscribe(body.target_url, tuple(body.event_types), body.contact_email)
    subscription = await webhooks.subscribe(uow, resolver, policy, caller, command)
    return SubscriptionCreated.model_validate(subscription, from_attributes=True)


@router.get(
    "/subscriptions",
    response_model=list[SubscriptionPublic],
    summary="The caller's subscriptions (a partner's own; every partner's for administrators).",
    responses=problem_responses(401, 403),
)
async def list_subscriptions(
    caller: Caller, uow: UoW, limit: Limit = 20, offset: Offset = 0
) -> list[SubscriptionPublic]:
    found = await webhooks.list_subscriptions(uow, caller, limit=limit, offset=offset)
    return [_public(s) for s in found]


@router.get(
    "/subscriptions/{subscription_id}",
    response_model=SubscriptionPublic,
    summary="One subscription (its partner, or an administrator).",
    responses=problem_responses(401, 404),
)
async def read_subscription(subscription_id: UUID, caller: Caller, uow: UoW) -> SubscriptionPublic:
    return _public(await webhooks.read_subscription(uow, caller, subscription_id))


@router.delete(
    "/subscriptions/{subscription_id}",
    status_code=204,
    response_class=Response,
    summary="The partner ends its subscription.",
    responses=problem_responses(401, 403, 404),
)
async def unsubscribe(subscription_id: UUID, caller: Caller, uow: UoW) -> Response:
    await webhooks.unsubscribe(uow, caller, subscription_id)
    return Response(status_code=204)


@router.post(
    "/subscriptions/{subscription_id}/enable",
    response_model=SubscriptionPublic,
    summary="The partner turns a disabled subscription on again.",
    responses=problem_responses(401, 403, 404),
)
async def enable(subscription_id: UUID, caller: Caller, uow: UoW) -> SubscriptionPublic:
    return _public(await webhooks.enable_subscription(uow, caller, subscription_id))


@router.post(
    "/subscriptions/{subscription_id}/secret",
    response_model=SubscriptionCreated,
    summary="The partner rotates its signing secret: the new one is shown once; the old one "
    "still signs for 24 hours (Standard Webhooks multi-signature).",
    responses=problem_responses(401, 403, 404),
)
async def rotate_secret(subscription_id: UUID, caller: Caller, uow: UoW) -> SubscriptionCreated:
    rotated = await webhooks.rotate_secret(uow, caller, subscription_id)
    return SubscriptionCreated.model_validate(rotated, from_attributes=True)


@router.get(
    "/subscriptions/{subscription_id}/deliveries",
    response_model=list[DeliveryPublic],
    summary="A subscription's deliveries, newest first.",
    responses=problem_responses(401, 404),
)
async def list_deliveries(
    subscription_id: UUID, caller: Caller, uow: UoW, limit: Limit = 20, offset: Offset = 0
) -> list[DeliveryPublic]:
    found = await webhooks.list_deliveries(uow, caller, subscription_id, limit=limit, offset=offset)
    return [DeliveryPublic.model_validate(d, from_attributes=True) for d in found]


@router.post(
    "/subscriptions/{subscription_id}/replay",
    status_code=202,
    response_model=ReplayScheduled,
    summary="Send again every delivery of events from a point in time on.",
    responses=problem_responses(401, 404, 422),
)
async def replay_since(subscription_id: UUID, body: ReplaySince, caller: Caller, uow: UoW) -> ReplayScheduled:
    count = await webhooks.replay_since(uow, caller, subscription_id, since=body.since)
    return ReplayScheduled(scheduled=count)


@router.get(
    "/deliveries/{delivery_id}",
    response_model=DeliveryDetail,
    summary="One delivery with the log of its attempts.",
    responses=problem_responses(401, 404),
)
async def read_delivery(delivery_id: UUID, caller: Caller, uow: UoW) -> DeliveryDetail:
    delivery, attempts = await webhooks.read_delivery(uow, caller, delivery_id)
    log = [AttemptPublic.model_validate(a, from_attributes=True) for a in attempts]
    return DeliveryDetail.model_validate(
        {**DeliveryPublic.model_validate(delivery, from_attributes=True).model_dump(), "log": log}
    )


@router.post(
    "/deliveries/{delivery_id}/replay",
    status_code=202,
    response_model=DeliveryPublic,
    summary="Send one delivery again, from a fresh retry schedule.",
    responses=problem_responses(401, 404, 409),
)
async def replay_delivery(delivery_id: UUID, caller: Caller, uow: UoW) -> DeliveryPublic:
    return DeliveryPublic.model_validate(
        await webhooks.replay_delivery(uow, caller, delivery_id), from_attributes=True
    )
