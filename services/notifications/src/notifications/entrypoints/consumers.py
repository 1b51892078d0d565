"""The notifications service's Kafka subscriptions, listed explicitly: event type → use case.

Membership's topics keep the local directory (people, organisations' home clusters) and are
routed; exchange's and knowledge's topics are only routed, every event type the registry knows on
them. Every routed event goes through the same use case, `notify`, which reads the routing table:
covering a new event is a row there. A directory change runs before `notify` (a person who just
joined is told), an erasure after.
"""

from typing import Any

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import (
    EmailAddressVerified,
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    PersonErased,
    PersonJoined,
    PersonRemoved,
    PersonRoleChanged,
    PersonSessionsRevoked,
    SMEJoined,
    StakeholderJoined,
)
from cloth_shared.contracts.registry import events_on
from cloth_shared.inbox.consumer import ConsumedEventHandler
from cloth_shared.messaging.subscriptions import in_order, subscribe_inbox
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.config import NotificationsSettings
from notifications.domain.email import AccountLinks
from notifications.entrypoints.webhook_consumers import subscribe_webhook_fan_out
from notifications.service_layer import recipients as directory
from notifications.service_layer.account_emails import (
    forget_verified_address,
    remember_verified_address,
    send_address_verification,
    tell_of_sign_up_attempt,
)
from notifications.service_layer.routing import notify, tell_of_what_they_missed
from notifications.service_layer.webhook_fan_out import PARTNER_TOPICS

CONSUMED_TOPICS = [
    topics.MEMBERSHIP_ORGANISATIONS,
    topics.MEMBERSHIP_PEOPLE,
    topics.EXCHANGE_EXCHANGES,
    topics.KNOWLEDGE_RESOURCES,
    topics.KNOWLEDGE_TRAINING,
    topics.KNOWLEDGE_ROADMAP,
    topics.MEMBERSHIP_ACCOUNT_EMAILS,
]
# The partner webhooks' own group reads these too (entrypoints/webhook_consumers.py).
CONSUMED_TOPICS += [topic for topic in PARTNER_TOPICS if topic not in CONSUMED_TOPICS]

_organisation = directory.remember_organisation_then_notify
ORGANISATION_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    SMEJoined: _organisation,
    StakeholderJoined: _organisation,
    OrganisationProfileUpdated: _organisation,
    MembershipEnded: _organisation,
    MembershipReinstated: _organisation,
}
PEOPLE_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    # Events routed before the person was known, though they concern them, are routed again.
    PersonJoined: in_order(directory.remember_person, tell_of_what_they_missed, notify),
    PersonRoleChanged: in_order(directory.remember_person, tell_of_what_they_missed, notify),
    PersonRemoved: in_order(directory.detach_person, notify),
    PersonErased: in_order(notify, directory.erase_person, forget_verified_address),
    EmailAddressVerified: in_order(remember_verified_address, notify),
    PersonSessionsRevoked: notify,
}


def routed(topic: str) -> dict[type[Event], ConsumedEventHandler[Any]]:
    """A topic whose every event is only routed: each type the registry knows on it goes to
    `notify` (the routing-table test fails when one has no row)."""
    return {event: notify for event in events_on(topic)}


# Consumer names are the inbox's: they stay as they were, so a redeployment re-applies nothing.
SUBSCRIPTIONS: tuple[tuple[str, str, dict[type[Event], ConsumedEventHandler[Any]]], ...] = (
    ("notifications.membership", topics.MEMBERSHIP_ORGANISATIONS, ORGANISATION_HANDLERS),
    # Tokens issued before a person's last change of authority are refused here too.
    ("notifications.membership-people", topics.MEMBERSHIP_PEOPLE, with_revocation(PEOPLE_HANDLERS)),
    ("notifications.exchange", topics.EXCHANGE_EXCHANGES, routed(topics.EXCHANGE_EXCHANGES)),
    ("notifications.resources", topics.KNOWLEDGE_RESOURCES, routed(topics.KNOWLEDGE_RESOURCES)),
    ("notifications.training", topics.KNOWLEDGE_TRAINING, routed(topics.KNOWLEDGE_TRAINING)),
    ("notifications.roadmap", topics.KNOWLEDGE_ROADMAP, routed(topics.KNOWLEDGE_ROADMAP)),
)


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    router = KafkaRouter()
    for consumer_name, topic, handlers in SUBSCRIPTIONS:
        subscribe_inbox(
            router,
            infra,
            consumer_name=consumer_name,
            topic=topic,
            unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
            handlers=handlers,
        )
    subscribe_webhook_fan_out(router, infra)
    settings = infra.settings
    assert isinstance(settings, NotificationsSettings)
    links = AccountLinks(settings.public_web_url)
    # Account e-mails go to addresses not yet verified too: they are how an address gets verified.
    subscribe_inbox(
        router,
        infra,
        consumer_name="notifications.account-emails",
        topic=topics.MEMBERSHIP_ACCOUNT_EMAILS,
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers={
            EmailVerificationRequested: send_address_verification(links),
            ExistingAccountSignUpAttempted: tell_of_sign_up_attempt(links),
        },
    )
    return router
