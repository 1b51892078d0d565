"""A Kafka producer that cannot hang its caller.

aiokafka is configured for durability (acks=all, idempotence). Because an idempotent producer
can hang in send/stop while the broker is down (aiokafka #1101) or stall after an outage
(#1017), every call is bounded by a timeout and a producer that failed is thrown away and
built anew on the next call.
"""

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from aiokafka import AIOKafkaProducer

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class OutgoingRecord:
    topic: str
    key: bytes
    value: bytes | None  # None: a tombstone
    headers: Sequence[tuple[str, bytes]] = ()


class ProducerUnavailable(Exception):
    """The batch was not confirmed by the broker in time; nothing may be marked sent."""


class ResilientProducer:
    def __init__(self, bootstrap_servers: str, *, client_id: str, timeout_seconds: float = 10.0) -> None:
        self._bootstrap_servers = bootstrap_servers
        self._client_id = client_id
        self._timeout = timeout_seconds
        self._producer: AIOKafkaProducer | None = None

    async def send_batch(self, records: Sequence[OutgoingRecord]) -> None:
        """Send records in order and wait until the broker confirmed all of them."""
        try:
            async with asyncio.timeout(self._timeout):
                producer = await self._started()
                pending = [
                    await producer.send(r.topic, r.value, key=r.key, headers=list(r.headers)) for r in records
                ]
                await asyncio.gather(*pending)
        except Exception as error:
            await self._discard()
            raise ProducerUnavailable(f"{type(error).__name__}: {error}") from error

    async def stop(self) -> None:
        await self._discard()

    async def _started(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = AIOKafkaProducer(
                bootstrap_servers=self._bootstrap_servers,
                client_id=self._client_id,
                acks="all",
                enable_idempotence=True,
                linger_ms=2,
                request_timeout_ms=int(self._timeout * 1000),
                max_batch_size=1024 * 1024,
            )
            self._producer = producer
            await producer.start()
        return self._producer

    async def _discard(self) -> None:
        producer, self._producer = self._producer, None
        if producer is None:
            return
        try:
            async with asyncio.timeout(5):
                await producer.stop()
        except Exception:  # a stuck producer is abandoned, not awaited forever
            log.warning("kafka_producer_abandoned", client_id=self._client_id)
            with contextlib.suppress(Exception):
                producer._closed = True
