"""What the webhook use cases need: storage of subscriptions and deliveries, and a sender."""

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from notifications.domain.webhook_deliveries import Attempt, AttemptOutcome, Delivery
from notifications.domain.webhook_targets import TargetPolicy
from notifications.domain.webhooks import Subscription


class WebhookSubscriptionRepository(Protocol):
    async def add(self, subscription: Subscription) -> None: ...

    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None: ...

    async def save(self, subscription: Subscription) -> None:
        """Status and its reason, and the secrets: the rest of a subscription does not change."""

    async def remove(self, subscription_id: UUID) -> None:
        """With its deliveries and their attempts."""

    async def listed(self, *, client_id: UUID | None, limit: int, offset: int) -> list[Subscription]:
        """Oldest first; every partner's when `client_id` is None."""
        ...

    async def matching(self, event_type: str) -> list[Subscription]:
        """The active subscriptions that asked for this event type."""
        ...

    async def any_matching(self, event_types: Collection[str]) -> bool:
        """Whether an active subscription asked for one of these event types."""
        ...

    async def add_notice(self, subscription: Subscription, *, subject: str, text: str, at: datetime) -> None:
        """A message to the subscription's contact, sent by the e-mail channel."""


class WebhookDeliveryRepository(Protocol):
    async def add(self, delivery: Delivery) -> None:
        """Store it; a second delivery of the same event to the same subscription is ignored."""

    async def add_all(self, deliveries: Sequence[Delivery]) -> None:
        """`add` of each."""

    async def get(self, delivery_id: UUID, *, for_update: bool = False) -> Delivery | None: ...

    async def save(self, delivery: Delivery, attempt: Attempt | None = None) -> None:
        """The delivery's new state, and the attempt that led to it, if any."""

    async def for_subscription(self, subscription_id: UUID, *, limit: int, offset: int) -> list[Delivery]:
        """Newest first."""
        ...

    async def attempts(self, delivery_id: UUID) -> list[Attempt]:
        """In the order they were made."""
        ...

    async def claim_due(self, *, now: datetime, lease_seconds: float, limit: int) -> list[Delivery]:
        """Due deliveries of active subscriptions, each claimed for `lease_seconds` by this caller
        alone (several dispatchers skip each other's rows); an unfinished claim comes due again."""
        ...

    async def redact_subject(self, subject_key: str) -> None:
        """Replace the event payload in the bodies of this subject's deliveries by a redaction mark."""

    async def replay_since(self, subscription_id: UUID, *, since: datetime, at: datetime) -> int:
        """Schedule again every delivery recorded at or after `since`; how many."""
        ...


class WebhookSender(Protocol):
    async def send(
        self, *, target_url: str, secrets: tuple[str, ...], message_id: str, body: str
    ) -> AttemptOutcome:
        """POST the body signed with each secret, once; refuse a target that now resolves to a
        forbidden address."""
        ...


class TargetResolver(Protocol):
    async def check(self, target_url: str, policy: TargetPolicy) -> list[str]:
        """The host's addresses; TargetRefused unless the URL and every one of them are allowed."""
        ...
