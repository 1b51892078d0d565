"""Partner webhook subscriptions and their deliveries: the use cases behind the HTTP API."""

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import Conflict, NotFound
from notifications.domain import webhook_deliveries as deliveries
from notifications.domain import webhooks as rules
from notifications.domain.webhook_deliveries import Attempt, Delivery
from notifications.domain.webhook_targets import TargetPolicy
from notifications.domain.webhooks import Subscription
from notifications.service_layer.ports import NotificationsUnitOfWork
from notifications.service_layer.webhook_fan_out import public_event_types
from notifications.service_layer.webhook_ports import TargetResolver


@dataclass(frozen=True, slots=True)
class Subscribe:
    target_url: str
    event_types: tuple[str, ...]
    contact_email: str


async def subscribe(
    uow: NotificationsUnitOfWork,
    resolver: TargetResolver,
    policy: TargetPolicy,
    caller: Principal,
    command: Subscribe,
) -> Subscription:
    """A partner client subscribes its endpoint; the secret is in the answer, and only there."""
    subscription = rules.subscription_for(
        caller,
        id=uuid4(),
        target_url=command.target_url,
        event_types=command.event_types,
        public_event_types=public_event_types(),
        contact_email=command.contact_email,
        at=datetime.now(UTC),
    )
    await resolver.check(subscription.target_url, policy)
    async with uow:
        await uow.webhook_subscriptions.add(subscription)
        await uow.commit()
    return subscription


async def list_subscriptions(
    uow: NotificationsUnitOfWork, caller: Principal, *, limit: int, offset: int
) -> list[Subscription]:
    """A partner's own subscriptions; an administrator's view is every partner's."""
    rules.check_may_list(caller)
    async with uow:
        client_id = None if caller.is_admin else caller.subject
        return await uow.webhook_subscriptions.listed(client_id=client_id, limit=limit, offset=offset)


async def read_subscription(
    uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID
) -> Subscription:
    async with uow:
        return await _readable(uow, caller, subscription_id)


async def unsubscribe(uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID) -> None:
    """The partner ends a subscription; its deliveries and their log go with it."""
    async with uow:
        subscription = await _readable(uow, caller, subscription_id, for_update=True)
        rules.check_may_change(caller, subscription)
        await uow.webhook_subscriptions.remove(subscription.id)
        await uow.commit()


async def enable_subscription(
    uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID
) -> Subscription:
    """The partner fixed its endpoint: deliveries resume (replay what was missed)."""
    async with uow:
        subscription = await _readable(uow, caller, subscription_id, for_update=True)
        rules.check_may_change(caller, subscription)
        subscription = rules.enabled(subscription)
        await uow.webhook_subscriptions.save(subscription)
        await uow.commit()
    return subscription


async def rotate_secret(
    uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID
) -> Subscription:
    """The partner gets a new secret, shown once; the old one signs too for a day meanwhile."""
    async with uow:
        subscription = await _readable(uow, caller, subscription_id, for_update=True)
        rules.check_may_change(caller, subscription)
        subscription = rules.rotated(subscription, at=datetime.now(UTC))
        await uow.webhook_subscriptions.save(subscription)
        await uow.commit()
    return subscription


async def list_deliveries(
    uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID, *, limit: int, offset: int
) -> list[Delivery]:
    async with uow:
        await _readable(uow, caller, subscription_id)
        return await uow.webhook_deliveries.for_subscription(subscription_id, limit=limit, offset=offset)


async def read_delivery(
    uow: NotificationsUnitOfWork, caller: Principal, delivery_id: UUID
) -> tuple[Delivery, list[Attempt]]:
    """A delivery with every attempt made: status, response code, latency, attempt number."""
    async with uow:
        delivery = await _readable_delivery(uow, caller, delivery_id)
        return delivery, await uow.webhook_deliveries.attempts(delivery.id)


async def replay_delivery(uow: NotificationsUnitOfWork, caller: Principal, delivery_id: UUID) -> Delivery:
    """Send one delivery again, from a fresh retry schedule (its partner or an administrator)."""
    async with uow:
        delivery = await _readable_delivery(uow, caller, delivery_id, for_update=True)
        if delivery.status == "pending" and delivery.attempts == 0:
            raise Conflict("this delivery is about to be sent already", code="delivery-pending")
        delivery = deliveries.replayed(delivery, at=datetime.now(UTC))
        await uow.webhook_deliveries.save(delivery)
        await uow.commit()
    return delivery


async def replay_since(
    uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID, *, since: datetime
) -> int:
    """Send again everything recorded for the subscription from a point in time; how many."""
    async with uow:
        await _readable(uow, caller, subscription_id, for_update=True)
        count = await uow.webhook_deliveries.replay_since(subscription_id, since=since, at=datetime.now(UTC))
        await uow.commit()
    return count


async def _readable(
    uow: NotificationsUnitOfWork, caller: Principal, subscription_id: UUID, *, for_update: bool = False
) -> Subscription:
    subscription = await uow.webhook_subscriptions.get(subscription_id, for_update=for_update)
    if subscription is None:
        raise NotFound("no such webhook subscription", code="subscription-not-found")
    rules.check_may_read(caller, subscription)
    return subscription


async def _readable_delivery(
    uow: NotificationsUnitOfWork, caller: Principal, delivery_id: UUID, *, for_update: bool = False
) -> Delivery:
    delivery = await uow.webhook_deliveries.get(delivery_id, for_update=for_update)
    if delivery is None or not (
        caller.is_admin or (caller.is_client and caller.subject == delivery.client_id)
    ):
        raise NotFound("no such webhook delivery", code="delivery-not-found")
    return delivery
