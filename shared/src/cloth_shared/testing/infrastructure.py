"""Where the tests' PostgreSQL and Kafka are.

In order: the environment (KAFKA_BOOTSTRAP_SERVERS, TEST_DATABASE_ADMIN_URL); otherwise
testcontainers, when a Docker engine answers; otherwise a failure that says what to run.
"""

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

LOCAL_INFRA_HINT = (
    "No test infrastructure configured. Run `make test` (it starts local PostgreSQL and Kafka), "
    "or start them with `make infra-up` and export the variables it prints "
    "(KAFKA_BOOTSTRAP_SERVERS, TEST_DATABASE_ADMIN_URL), or start a Docker engine for testcontainers."
)


@dataclass(frozen=True)
class TestInfrastructure:
    __test__ = False  # a value object, not a pytest test class

    kafka_bootstrap_servers: str
    database_admin_url: str  # a role allowed to create databases


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@contextlib.contextmanager
def _containers() -> Iterator[TestInfrastructure]:
    from testcontainers.kafka import KafkaContainer
    from testcontainers.postgres import PostgresContainer

    with (
        PostgresContainer("postgres:15", driver=None) as postgres,
        KafkaContainer("apache/kafka:4.1.1").with_kraft() as kafka,
    ):
        yield TestInfrastructure(kafka.get_bootstrap_server(), postgres.get_connection_url())


@contextlib.contextmanager
def locate_infrastructure() -> Iterator[TestInfrastructure]:
    kafka = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    database = os.environ.get("TEST_DATABASE_ADMIN_URL")
    if kafka and database:
        yield TestInfrastructure(kafka, database)
    elif _docker_answers():
        with _containers() as infra:
            yield infra
    else:
        raise RuntimeError(LOCAL_INFRA_HINT)
