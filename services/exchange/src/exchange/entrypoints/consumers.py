"""The exchange service's Kafka subscriptions, listed explicitly: event type → use case.

An inbox per membership topic, in the service's consumer group: organisations (exchange's
picture of the alliance) and people (who acts for whom; names for histories). Both topics are
log-compacted, so a replica started years later still reads every organisation's and person's
latest state.
"""

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
    PersonRemoved,
    PersonRoleChanged,
    SMEJoined,
    StakeholderJoined,
)
from cloth_shared.inbox.consumer import ConsumedEventHandler
from cloth_shared.messaging.subscriptions import subscribe_inbox
from cloth_shared.service import Infrastructure
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.service_layer import membership_events as on

CONSUMED_TOPICS = [topics.MEMBERSHIP_ORGANISATIONS, topics.MEMBERSHIP_PEOPLE]

ORGANISATION_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    SMEJoined: on.remember_organisation,
    StakeholderJoined: on.remember_organisation,
    MembershipReinstated: on.remember_organisation,
    OrganisationProfileUpdated: on.update_organisation,
    MembershipEnded: on.end_membership,
}
PEOPLE_HANDLERS: dict[type[Event], ConsumedEventHandler[Any]] = {
    PersonJoined: on.remember_person,
    PersonRoleChanged: on.remember_person,
    PersonRemoved: on.detach_person,
    PersonErased: on.forget_person,
}


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    router = KafkaRouter()
    for topic, handlers in (
        (topics.MEMBERSHIP_ORGANISATIONS, ORGANISATION_HANDLERS),
        (topics.MEMBERSHIP_PEOPLE, with_revocation(PEOPLE_HANDLERS)),
    ):
        subscribe_inbox(
            router,
            infra,
            consumer_name=f"exchange.{topic.replace('.', '-')}",
            topic=topic,
            unit_of_work=lambda: PostgresExchangeUnitOfWork(infra.pool, infra.outbox),
            handlers=handlers,
        )
    return router
