"""The Kafka broker a service's consumers run on.

FastStream's default logger prints two lines per polled batch ("Received", "Processed") at INFO,
on stdout through a handler of its own that does not propagate: it ignored the service's
LOG_LEVEL, and a busy consumer wrote thousands of lines a second. Here its per-message lines are
DEBUG, through a standard-library logger that propagates to the root logger
(cloth_shared.logging): they follow the service's level and stream like every other library's.
"""

import logging

from faststream.kafka import KafkaBroker

# How long stopping waits for the handlers in flight.
GRACEFUL_STOP_SECONDS = 15


def consumer_broker(bootstrap_servers: str, *, client_id: str) -> KafkaBroker:
    return KafkaBroker(
        bootstrap_servers,
        client_id=client_id,
        graceful_timeout=GRACEFUL_STOP_SECONDS,
        logger=logging.getLogger(f"{client_id}.kafka_consumers"),
        log_level=logging.DEBUG,
    )
