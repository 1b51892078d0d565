"""The knowledge service's Kafka subscriptions, listed explicitly: event type → use case."""

from typing import Any

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import (
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    PersonErased,
    PersonJoined,
    PersonRoleChanged,
    SMEJoined,
    StakeholderJoined,
)
from cloth_shared.inbox.consumer import ConsumedEventHandler, Envelope
from cloth_shared.messaging.subscriptions import subscribe_inbox
from cloth_shared.service import Infrastructure
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.service_layer.library_organisations import remember_organisation
from knowledge.service_layer.membership_events import credit_author, erase_author
from knowledge.service_layer.training.erasure import forget_trainee

CONSUMED_TOPICS = [topics.MEMBERSHIP_PEOPLE, topics.MEMBERSHIP_ORGANISATIONS]

# Every organisation event carries the organisation's cluster: the library learns from each
# who moderates the organisation's resources.
ORGANISATION_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    SMEJoined: remember_organisation,
    StakeholderJoined: remember_organisation,
    OrganisationProfileUpdated: remember_organisation,
    MembershipEnded: remember_organisation,
    MembershipReinstated: remember_organisation,
}

Handler = ConsumedEventHandler[PostgresKnowledgeUnitOfWork]


def in_order(*handlers: Handler) -> Handler:
    """Several use cases reacting to one event type, in one transaction, in this order."""

    async def run(uow: PostgresKnowledgeUnitOfWork, envelope: Envelope, event: Event) -> None:
        for handler in handlers:
            await handler(uow, envelope, event)

    return run


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    router = KafkaRouter()
    subscribe_inbox(
        router,
        infra,
        consumer_name="knowledge.membership-people",
        topic=topics.MEMBERSHIP_PEOPLE,
        unit_of_work=lambda: PostgresKnowledgeUnitOfWork(infra.pool, infra.outbox),
        # Besides crediting authors: tokens issued before a change of authority are refused here.
        handlers=with_revocation(
            {
                PersonJoined: credit_author,
                PersonRoleChanged: credit_author,
                PersonErased: in_order(erase_author, forget_trainee),
            }
        ),
    )
    subscribe_inbox(
        router,
        infra,
        consumer_name="knowledge.membership-organisations",
        topic=topics.MEMBERSHIP_ORGANISATIONS,
        unit_of_work=lambda: PostgresKnowledgeUnitOfWork(infra.pool, infra.outbox),
        handlers=ORGANISATION_HANDLERS,
    )
    return router
