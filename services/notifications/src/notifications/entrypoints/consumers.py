"""The notifications service's Kafka subscriptions, listed explicitly: event type → use case."""

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.membership import (
    EmailAddressVerified,
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
    PersonErased,
    SMEJoined,
    StakeholderJoined,
)
from cloth_shared.messaging.subscriptions import subscribe_inbox
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.config import NotificationsSettings
from notifications.domain.email import AccountLinks
from notifications.service_layer.account_emails import (
    forget_verified_address,
    remember_verified_address,
    send_address_verification,
    tell_of_sign_up_attempt,
)
from notifications.service_layer.membership_events import welcome_new_member

CONSUMED_TOPICS = [
    topics.MEMBERSHIP_ORGANISATIONS,
    topics.MEMBERSHIP_PEOPLE,
    topics.MEMBERSHIP_ACCOUNT_EMAILS,
]


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    router = KafkaRouter()
    subscribe_inbox(
        router,
        infra,
        consumer_name="notifications.membership",
        topic=topics.MEMBERSHIP_ORGANISATIONS,
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers={SMEJoined: welcome_new_member, StakeholderJoined: welcome_new_member},
    )
    # Tokens issued before a person's last change of authority are refused here.
    subscribe_inbox(
        router,
        infra,
        consumer_name="notifications.membership-people",
        topic=topics.MEMBERSHIP_PEOPLE,
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers=with_revocation(
            {EmailAddressVerified: remember_verified_address, PersonErased: forget_verified_address}
        ),
    )
    settings = infra.settings
    assert isinstance(settings, NotificationsSettings)
    links = AccountLinks(settings.public_web_url)
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
