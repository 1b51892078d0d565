"""The consumers' broker, on a real Kafka: each message is logged at DEBUG, through the service's
logging (FastStream's in-memory test broker logs nothing, so it cannot show this)."""

import asyncio
import logging

import pytest

from cloth_shared.messaging.broker import consumer_broker
from cloth_shared.testing.infrastructure import TestInfrastructure

pytestmark = pytest.mark.integration


async def _one_message_through(
    infra: TestInfrastructure, topic: str, caplog: pytest.LogCaptureFixture, level: int
) -> list[logging.LogRecord]:
    broker = consumer_broker(infra.kafka_bootstrap_servers, client_id="probe")
    handled = asyncio.Event()

    @broker.subscriber(topic, group_id=f"{topic}.probe", auto_offset_reset="earliest")
    async def handle(body: str) -> None:
        handled.set()

    caplog.set_level(level)
    caplog.clear()
    await broker.start()
    try:
        await broker.publish("hello", topic)
        await asyncio.wait_for(handled.wait(), 30)
        await asyncio.sleep(0.2)  # "Processed" is logged after the handler returns
    finally:
        await broker.stop()
    return [r for r in caplog.records if r.getMessage() in ("Received", "Processed")]


async def test_at_info_a_message_leaves_no_line_in_the_log_nor_on_the_process_output(
    infra: TestInfrastructure,
    organisations_topic: str,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    assert await _one_message_through(infra, organisations_topic, caplog, logging.INFO) == []
    # FastStream's own logger wrote to the process's stdout through a handler of its own.
    written = capfd.readouterr()
    assert "Received" not in written.out + written.err


async def test_at_debug_each_message_is_logged_through_the_root_logger(
    infra: TestInfrastructure, organisations_topic: str, caplog: pytest.LogCaptureFixture
) -> None:
    lines = await _one_message_through(infra, organisations_topic, caplog, logging.DEBUG)

    assert [r.getMessage() for r in lines] == ["Received", "Processed"]
    assert {r.levelno for r in lines} == {logging.DEBUG}
    assert {r.name for r in lines} == {"probe.kafka_consumers"}  # caplog sees it: it propagates
