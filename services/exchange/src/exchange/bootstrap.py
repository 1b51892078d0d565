"""Composition root: what the exchange service is made of."""

from pathlib import Path

from cloth_shared.contracts import topics
from cloth_shared.service import ServiceDefinition
from exchange.entrypoints.http import router

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

DEFINITION = ServiceDefinition(
    name="exchange",
    title="CLOTH exchange",
    description="The Fashion ClusterXchange programme: requests, matching, lifecycle, quotas, lump sums.",
    migrations_dir=MIGRATIONS,
    http_routers=[router],
    produces=[topics.EXCHANGE_EXCHANGES],
)
