"""Exchange's picture of the alliance from membership's real topics, through the inbox.

Membership's state-carrying topics are log-compacted: each key's latest event stays forever, so
a deployment started years later still learns of every organisation and person.
"""

import asyncio
from uuid import UUID, uuid4

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import MembershipEnded
from cloth_shared.messaging.topics_admin import ensure_topics
from cloth_shared.testing.examples import (
    encoded,
    organisation_snapshot,
    person_erased,
    person_joined,
    sme_joined,
    stakeholder_joined,
)
from cloth_shared.testing.kafka import produce_raw
from cloth_shared.testing.topic_cleanup import new_topic_namespace
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.domain.parties import Party
from exchange.service_layer.ports import ExchangeUnitOfWork

from .api import TOKENS, Api, exchange_service

pytestmark = pytest.mark.integration
ORGANISATIONS = 45


async def publish(bootstrap: str, topic: str, *events: Event) -> None:
    for event in events:
        await produce_raw(bootstrap, topic, encoded(event), key=event.subject_key().encode())


async def until(check, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not await check():
            await asyncio.sleep(0.1)


async def known(uow: ExchangeUnitOfWork, organisation_id: UUID) -> Party | None:
    async with uow:
        return await uow.organisations.get(organisation_id)


async def test_a_service_started_after_45_organisations_joined_knows_all_of_them(infra) -> None:  # type: ignore[no-untyped-def]
    prefix = new_topic_namespace()
    topic = prefix + topics.MEMBERSHIP_ORGANISATIONS
    bootstrap = infra.kafka_bootstrap_servers
    # As membership creates it: compacted, so the joins are still there whenever exchange starts.
    await ensure_topics(
        bootstrap,
        [topic],
        partitions=4,
        replication=1,
        configs={topic: topics.topic_config(topics.MEMBERSHIP_ORGANISATIONS)},
    )
    joined = [
        sme_joined(f"SME {i}", country="BG")
        if i % 3
        else stakeholder_joined(f"Body {i}", category="public_body")
        for i in range(ORGANISATIONS)
    ]
    await publish(bootstrap, topic, *joined)

    async with exchange_service(infra, topic_prefix=prefix) as (_, started, _):

        async def all_known() -> bool:
            uow = PostgresExchangeUnitOfWork(started.pool, started.outbox)
            return all([await known(uow, e.organisation.organisation_id) for e in joined])

        await until(all_known)
        count = await started.pool.fetchval("SELECT count(*) FROM organisations WHERE is_active")
    assert count == ORGANISATIONS
    assert await cleanup_policy(bootstrap, topic) == "compact"


async def cleanup_policy(bootstrap: str, topic: str) -> str:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [described] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    finally:
        await admin.close()
    entries = {entry[0]: entry[1] for entry in described.resources[0][4]}
    return str(entries["cleanup.policy"])


async def test_membership_ended_cancels_the_open_request_and_announces_why(infra) -> None:  # type: ignore[no-untyped-def]
    prefix = new_topic_namespace()
    async with exchange_service(infra, topic_prefix=prefix) as (client, started, clock):
        api = Api(client, started, clock)
        await api.programme()
        exchange_id = await api.accepted()
        host = api.host
        snapshot = organisation_snapshot(
            organisation_id=host.organisation_id, category="sme", cluster_id=host.cluster_id, country="ES"
        )
        ended = MembershipEnded(organisation=snapshot, reason="left", ended_at=clock.now())
        await publish(infra.kafka_bootstrap_servers, prefix + topics.MEMBERSHIP_ORGANISATIONS, ended)

        async def cancelled() -> bool:
            return await api.state(exchange_id) == "cancelled"

        await until(cancelled)
        seen = await api.ok("GET", f"/exchanges/{exchange_id}", "visitor")
        assert seen["closing_reason"] == "The host organisation's membership ended (left)."
        assert (await api.outbox())[-1] == "ExchangeCancelled"


async def my_record_until(client: httpx.AsyncClient, headers: dict[str, str], status: int) -> httpx.Response:
    async with asyncio.timeout(30):
        while (answer := await client.get("/people/me", headers=headers)).status_code != status:
            await asyncio.sleep(0.05)
    return answer


async def test_a_joined_person_is_known_and_forgotten_once_erased(infra) -> None:  # type: ignore[no-untyped-def]
    prefix = new_topic_namespace()
    async with exchange_service(infra, topic_prefix=prefix) as (client, started, _):
        topic = prefix + topics.MEMBERSHIP_PEOPLE
        person_id, organisation_id = uuid4(), uuid4()
        headers = TOKENS.headers_for(Principal(person_id, frozenset({Role.ORGANISATION_ADMIN})))
        joined = person_joined(person_id, organisation_id=organisation_id, display_name="Ana")
        await publish(infra.kafka_bootstrap_servers, topic, joined)
        known_person = await my_record_until(client, headers, 200)
        assert (known_person.json()["display_name"], known_person.json()["organisation_id"]) == (
            "Ana",
            str(organisation_id),
        )
        await publish(infra.kafka_bootstrap_servers, topic, person_erased(person_id))
        # Erasure also ends the person's authority here: their old token is refused, and the
        # name and e-mail exchange held are gone.
        refused = await my_record_until(client, headers, 401)
        assert refused.headers["www-authenticate"] == 'Bearer error="invalid_token"'
        held = await started.pool.fetchval("SELECT count(*) FROM people WHERE person_id = $1", person_id)
        assert held == 0
        anonymous = await client.get("/people/me")
        assert (anonymous.status_code, anonymous.json()["code"]) == (401, "not-authenticated")
