"""Composition root: what the exchange service is made of."""

import asyncio
from pathlib import Path

from cloth_shared.auth.revocation.postgres import provide_revocation
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.contracts import topics
from cloth_shared.service import Infrastructure, ServiceDefinition
from exchange.adapters.clock import SystemClock
from exchange.adapters.offer_repository import PostgresEvidenceStorage
from exchange.config import ExchangeSettings
from exchange.entrypoints.consumers import CONSUMED_TOPICS, build_consumers
from exchange.entrypoints.http import routers
from exchange.entrypoints.sweeper import run_sweeper
from exchange.service_layer.ports import Clock, EvidenceStorage

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def provide_components(infra: Infrastructure) -> None:
    settings = infra.settings
    assert isinstance(settings, ExchangeSettings)
    infra.provide(settings.token_verifier(), as_type=TokenVerifier)
    provide_revocation(infra)
    infra.provide(SystemClock(), as_type=Clock)
    infra.provide(PostgresEvidenceStorage(infra.pool), as_type=EvidenceStorage)
    if settings.run_sweeper:
        sweeper = run_sweeper(infra, interval=settings.sweeper_interval_seconds)
        infra.tasks.append(asyncio.create_task(sweeper, name="exchange-sweeper"))


DEFINITION = ServiceDefinition(
    name="exchange",
    title="CLOTH exchange",
    description="The Fashion ClusterXchange programme: hosting offers, requests, eligibility, the "
    "lifecycle to a paid lump sum, quotas, group missions, figures.",
    migrations_dir=MIGRATIONS,
    http_routers=routers,
    produces=[topics.EXCHANGE_EXCHANGES],
    consumes=CONSUMED_TOPICS,
    build_consumers=build_consumers,
    on_start=provide_components,
)
