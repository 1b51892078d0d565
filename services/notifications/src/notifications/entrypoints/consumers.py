"""The notifications service's Kafka subscriptions, listed explicitly: event type → use case.

Membership's topics keep the local directory (people, organisations' home clusters) and are
routed; exchange's topic is routed. Every routed event goes through the same use case,
`notify`, which reads the routing table: covering a new event is a line there and a line here.
A directory change runs before `notify` (a person who just joined is told), an erasure after.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.exchange import (
    ExchangeAccepted,
    ExchangeApproved,
    ExchangeAtRiskFlagged,
    ExchangeCancelled,
    ExchangeCommitmentAgreed,
    ExchangeCompleted,
    ExchangeDeclined,
    ExchangeReportOverdue,
    ExchangeReportSentBack,
    ExchangeReportSubmitted,
    ExchangeRequested,
    ExchangeStarted,
    HostingOfferPublished,
    LumpSumPaid,
    LumpSumPaymentOverdue,
)
from cloth_shared.contracts.knowledge_resources import (
    ResourceArchived,
    ResourcePublished,
    ResourceSentBack,
    ResourceSubmitted,
)
from cloth_shared.contracts.knowledge_roadmap import (
    ClusterLabelAwarded,
    ClusterStrategyUpdated,
    PartnershipStrategyApproved,
    PartnershipStrategyCommented,
    PartnershipStrategyDrafted,
    PartnershipStrategyEndorsed,
    RegionalAnalysisPublished,
)
from cloth_shared.contracts.knowledge_training import (
    CertificateIssued,
    CertificateRevoked,
    CourseCompleted,
    CourseScheduled,
    EnrolmentCancelled,
    EnrolmentConfirmed,
    EnrolmentWaitlisted,
    PlaceOffered,
)
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
from cloth_shared.inbox.consumer import ConsumedEventHandler
from cloth_shared.messaging.subscriptions import subscribe_inbox
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
from notifications.service_layer.membership_events import welcome_new_member
from notifications.service_layer.routing import notify
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

Handler = Callable[[Any, Any, Any], Awaitable[None]]


def then(*steps: Handler) -> Handler:
    """Several use cases for one event, in order, in the inbox's one transaction."""

    async def handler(uow: Any, envelope: Any, event: Any) -> None:
        for step in steps:
            await step(uow, envelope, event)

    handler.__name__ = "_then_".join(getattr(step, "__name__", "step") for step in steps)
    return handler


_organisation = then(directory.remember_organisation, notify)
ORGANISATION_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    SMEJoined: then(directory.remember_organisation, welcome_new_member, notify),
    StakeholderJoined: then(directory.remember_organisation, welcome_new_member, notify),
    OrganisationProfileUpdated: _organisation,
    MembershipEnded: _organisation,
    MembershipReinstated: _organisation,
}
PEOPLE_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    PersonJoined: then(directory.remember_person, notify),
    PersonRoleChanged: then(directory.remember_person, notify),
    PersonRemoved: then(directory.detach_person, notify),
    PersonErased: then(notify, directory.erase_person, forget_verified_address),
    EmailAddressVerified: then(remember_verified_address, notify),
    PersonSessionsRevoked: notify,
}
EXCHANGE_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    event: notify
    for event in (
        HostingOfferPublished,
        ExchangeRequested,
        ExchangeAccepted,
        ExchangeDeclined,
        ExchangeCommitmentAgreed,
        ExchangeApproved,
        ExchangeStarted,
        ExchangeReportSubmitted,
        ExchangeReportSentBack,
        ExchangeCompleted,
        ExchangeCancelled,
        LumpSumPaid,
        ExchangeReportOverdue,
        LumpSumPaymentOverdue,
        ExchangeAtRiskFlagged,
    )
}
RESOURCE_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    event: notify for event in (ResourceSubmitted, ResourcePublished, ResourceSentBack, ResourceArchived)
}
TRAINING_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    event: notify
    for event in (
        CourseScheduled,
        EnrolmentConfirmed,
        EnrolmentWaitlisted,
        PlaceOffered,
        EnrolmentCancelled,
        CourseCompleted,
        CertificateIssued,
        CertificateRevoked,
    )
}
ROADMAP_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    event: notify
    for event in (
        RegionalAnalysisPublished,
        PartnershipStrategyDrafted,
        PartnershipStrategyEndorsed,
        PartnershipStrategyCommented,
        PartnershipStrategyApproved,
        ClusterStrategyUpdated,
        ClusterLabelAwarded,
    )
}
# Consumer names are the inbox's: they stay as they were, so a redeployment re-applies nothing.
SUBSCRIPTIONS: tuple[tuple[str, str, dict[type[Event], ConsumedEventHandler[Any]]], ...] = (
    ("notifications.membership", topics.MEMBERSHIP_ORGANISATIONS, ORGANISATION_HANDLERS),
    # Tokens issued before a person's last change of authority are refused here too.
    ("notifications.membership-people", topics.MEMBERSHIP_PEOPLE, with_revocation(PEOPLE_HANDLERS)),
    ("notifications.exchange", topics.EXCHANGE_EXCHANGES, EXCHANGE_HANDLERS),
    ("notifications.resources", topics.KNOWLEDGE_RESOURCES, RESOURCE_HANDLERS),
    ("notifications.training", topics.KNOWLEDGE_TRAINING, TRAINING_HANDLERS),
    ("notifications.roadmap", topics.KNOWLEDGE_ROADMAP, ROADMAP_HANDLERS),
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
