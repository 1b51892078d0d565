"""Every relayed event is a CloudEvent to a partner's standard SDK (Kafka binding, binary mode)."""

from uuid import uuid4

import pytest
from cloudevents.core.bindings.kafka import KafkaMessage, from_binary_event

from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.outbox.relay import OutboxRelay
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.testing.kafka import read_topic

from .events import numbered_sme_joined

pytestmark = pytest.mark.integration


async def test_the_cloudevents_sdk_reads_a_relayed_event_with_the_envelope_as_its_data(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    organisation_id = uuid4()
    async with pool.acquire() as connection, connection.transaction():
        envelope = await OutboxWriter(producer="membership", topic_prefix=topic_prefix).add(
            connection, numbered_sme_joined(organisation_id, 7)
        )
    producer = ResilientProducer(infra.kafka_bootstrap_servers, client_id="test-relay")
    relay = OutboxRelay(pool, producer, service="test", dsn="unused")
    assert await relay.publish_pending() == 1
    await producer.stop()

    [record] = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=1)
    event = from_binary_event(KafkaMessage(headers=dict(record.headers), key=record.key, value=record.value))

    assert event.get_id() == str(envelope.event_id)
    assert event.get_type() == "cloth.membership.SMEJoined.v1"
    assert event.get_source() == "/cloth/membership"
    assert event.get_specversion() == "1.0"
    assert event.get_time() == envelope.occurred_at
    assert event.get_subject() == str(organisation_id)
    assert event.get_datacontenttype() == "application/json"
    # Additive: the data is the platform's envelope, unchanged, with its own headers beside.
    assert event.get_data() == envelope.model_dump(mode="json")
    assert dict(record.headers)["event_type"] == b"SMEJoined"
