"""The knowledge service's Kafka subscriptions, listed explicitly: event type → use case."""

from typing import Any

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.exchange import ExchangeCompleted
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
from cloth_shared.inbox.consumer import ConsumedEventHandler
from cloth_shared.messaging.subscriptions import in_order, subscribe_inbox
from cloth_shared.service import Infrastructure
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.service_layer.exchange_lessons import draft_lessons_learned
from knowledge.service_layer.learning_plans import describe_learner, learn_from_exchange
from knowledge.service_layer.library_organisations import remember_organisation
from knowledge.service_layer.membership_events import credit_author, erase_author
from knowledge.service_layer.training.erasure import forget_trainee

CONSUMED_TOPICS = [topics.MEMBERSHIP_PEOPLE, topics.MEMBERSHIP_ORGANISATIONS, topics.EXCHANGE_EXCHANGES]

# Every organisation event carries the organisation's cluster: the library learns from each
# who moderates the organisation's resources. Joining and profile changes also describe the
# organisation for its learning plan.
_described = in_order(remember_organisation, describe_learner)
ORGANISATION_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    SMEJoined: _described,
    StakeholderJoined: _described,
    OrganisationProfileUpdated: _described,
    MembershipEnded: remember_organisation,
    MembershipReinstated: remember_organisation,
}
# The plan first: the draft is written in the visitor's language, which the profile knows.
EXCHANGE_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    ExchangeCompleted: in_order(learn_from_exchange, draft_lessons_learned),
}


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
    subscribe_inbox(
        router,
        infra,
        consumer_name="knowledge.exchange",
        topic=topics.EXCHANGE_EXCHANGES,
        unit_of_work=lambda: PostgresKnowledgeUnitOfWork(infra.pool, infra.outbox),
        handlers=EXCHANGE_HANDLERS,
    )
    return router
