"""The composition every service shares: database, migrations, topics, relay, consumers, app.

A service describes itself with a ServiceDefinition; `create_app` builds its FastAPI app,
whose lifespan starts and stops the infrastructure in order.
"""

import asyncio
import contextlib
import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import asyncpg
import structlog
from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute, request_response
from fastapi_offline import FastAPIOffline
from faststream.kafka import KafkaBroker, KafkaRouter
from starlette.routing import BaseRoute, Route, WebSocketRoute

from cloth_shared.contracts.topics import dead_letter_topic, topic_config
from cloth_shared.db import create_pool
from cloth_shared.forwarded_prefix import install_forwarded_prefix
from cloth_shared.heap import freeze_start_up_heap
from cloth_shared.http import install_correlation_ids, install_operational_endpoints, install_problem_handlers
from cloth_shared.http_security import install_http_security
from cloth_shared.logging import configure_logging
from cloth_shared.messaging.broker import consumer_broker
from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.messaging.topics_admin import ensure_topics
from cloth_shared.migrations import upgrade_to_head
from cloth_shared.outbox.relay import OutboxRelay
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.settings import ServiceSettings

log = structlog.get_logger(__name__)

ComponentT = TypeVar("ComponentT")


@dataclass
class Infrastructure:
    """What a running service holds: handed to route dependencies and consumer factories.

    `components` are the service's own start-up objects (its token verifier, key material,
    clients), looked up by type, so a route asks for a `TokenVerifier`, not for an attribute
    someone hopefully put on `app.state`.
    """

    settings: ServiceSettings
    pool: asyncpg.Pool
    producer: ResilientProducer
    outbox: OutboxWriter
    broker: KafkaBroker | None = None
    relay: OutboxRelay | None = None
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    components: dict[type[Any], Any] = field(default_factory=dict)
    # Called first on shutdown, so a service's own background tasks finish their pass and return.
    on_stop: list[Callable[[], None]] = field(default_factory=list)

    def provide(self, component: object, *, as_type: type[Any] | None = None) -> None:
        """Register a start-up object under its type (or a port it implements)."""
        self.components[as_type or type(component)] = component

    def run_in_background(
        self, name: str, run: Coroutine[Any, Any, None], *, stop: Callable[[], None]
    ) -> None:
        """Start one of the service's own loops (its e-mail sender, …) with the relay's lifecycle:
        told to `stop` at shutdown, then awaited within the grace period, then cancelled."""
        self.tasks.append(asyncio.create_task(run, name=name))
        self.on_stop.append(stop)

    def component(self, kind: type[ComponentT]) -> ComponentT:
        found = self.components.get(kind)
        if found is None:
            raise LookupError(f"{kind.__name__} was not provided at start-up (ServiceDefinition.on_start)")
        return cast(ComponentT, found)


@dataclass(frozen=True)
class ServiceDefinition:
    name: str
    title: str
    description: str
    migrations_dir: Path
    http_routers: Sequence[APIRouter] = ()
    produces: Sequence[str] = ()
    consumes: Sequence[str] = ()
    build_consumers: Callable[[Infrastructure], KafkaRouter] | None = None
    # Called once the database and producer are up, before consumers start, to provide the
    # service's own components (keys, token verifier, clients): `infra.provide(...)`.
    on_start: Callable[[Infrastructure], None] | None = None
    version: str = "0.1.0"


async def start_infrastructure(definition: ServiceDefinition, settings: ServiceSettings) -> Infrastructure:
    dsn = str(settings.database_url)
    if settings.run_migrations_on_start:
        await asyncio.to_thread(upgrade_to_head, definition.migrations_dir, dsn)
    contract_topics = [
        *definition.produces,
        *definition.consumes,
        *(dead_letter_topic(topic) for topic in definition.consumes),
    ]
    await ensure_topics(
        settings.kafka_bootstrap_servers,
        [settings.topic(topic) for topic in contract_topics],
        partitions=settings.kafka_topic_partitions,
        replication=settings.kafka_topic_replication,
        configs={settings.topic(topic): topic_config(topic) for topic in contract_topics},
    )
    pool = await create_pool(dsn, min_size=settings.database_pool_min, max_size=settings.database_pool_max)
    producer = ResilientProducer(
        settings.kafka_bootstrap_servers,
        client_id=definition.name,
        timeout_seconds=settings.kafka_send_timeout_seconds,
    )
    infra = Infrastructure(
        settings=settings,
        pool=pool,
        producer=producer,
        outbox=OutboxWriter(producer=definition.name, topic_prefix=settings.kafka_topic_prefix),
    )
    if definition.on_start is not None:
        definition.on_start(infra)
    if settings.run_outbox_relay and definition.produces:
        relay = OutboxRelay(
            pool,
            producer,
            service=definition.name,
            dsn=dsn,
            batch_size=settings.outbox_batch_size,
            poll_interval=settings.outbox_poll_interval_seconds,
        )
        infra.relay = relay
        infra.tasks.append(asyncio.create_task(relay.run(), name=f"{definition.name}-outbox-relay"))
    if settings.run_consumers and definition.build_consumers is not None:
        broker = consumer_broker(settings.kafka_bootstrap_servers, client_id=definition.name)
        broker.include_router(definition.build_consumers(infra))
        await broker.start()
        infra.broker = broker
    return infra


async def stop_infrastructure(infra: Infrastructure, *, grace_seconds: float = 10) -> None:
    """Stop in bounded time: consumers, then the relay's current pass, then connections."""
    if infra.broker is not None:
        await infra.broker.stop()  # waits for handlers in flight (graceful_timeout)
    if infra.relay is not None:
        infra.relay.stop()
    for stop in infra.on_stop:
        stop()
    if infra.tasks:
        _, still_running = await asyncio.wait(infra.tasks, timeout=grace_seconds)
        for task in still_running:
            task.cancel()
        await asyncio.gather(*infra.tasks, return_exceptions=True)
    await infra.producer.stop()
    try:
        # close() waits for every connection to come back; a stuck one must not hang shutdown.
        await asyncio.wait_for(infra.pool.close(), grace_seconds)
    except TimeoutError:
        log.warning("database_pool_terminated", reason="connections not released in time")
        infra.pool.terminate()


async def infrastructure(request: Request) -> Infrastructure:
    """FastAPI dependency: the running service's infrastructure (async: no worker-thread hop)."""
    infra: Infrastructure = request.app.state.infrastructure
    return infra


def component_dependency(kind: type[ComponentT]) -> Callable[[Request], Awaitable[ComponentT]]:
    """A typed FastAPI dependency giving the component of that type provided at start-up."""

    async def provided(request: Request) -> ComponentT:
        infra: Infrastructure = request.app.state.infrastructure
        return infra.component(kind)

    provided.__name__ = f"provided_{kind.__name__}"
    return provided


def create_app(definition: ServiceDefinition, settings_factory: Callable[[], ServiceSettings]) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings = settings_factory()
        configure_logging(service=definition.name, level=settings.log_level, json=settings.log_json)
        infra = await start_infrastructure(definition, settings)
        app.state.infrastructure = infra
        if settings.freeze_start_up_heap:
            freeze_start_up_heap()
        log.info("service_started", service=definition.name)
        try:
            yield
        finally:
            await stop_infrastructure(infra)
            log.info("service_stopped", service=definition.name)

    # API docs from assets packaged with the service (fastapi-offline), not from a public CDN:
    # they must work on a machine without internet, and CSP allows only our own origin.
    app = FastAPIOffline(
        title=definition.title,
        description=definition.description,
        version=definition.version,
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    install_http_security(app)
    install_correlation_ids(app)
    install_forwarded_prefix(app)

    async def readiness() -> dict[str, bool]:
        infra: Infrastructure | None = getattr(app.state, "infrastructure", None)
        if infra is None:
            return {"started": False}
        checks = {"database": await _database_answers(infra.pool)}
        if infra.broker is not None:
            checks["kafka"] = await infra.broker.ping(timeout=2)
        checks["outbox_relay"] = all(not task.done() for task in infra.tasks)
        return checks

    install_operational_endpoints(app, readiness)
    # Routes are matched in order: the service's own, which take the traffic, before the API docs
    # and the probes (no path of theirs is a service's).
    docs_and_probes = list(app.router.routes)
    app.router.routes.clear()
    for router in definition.http_routers:
        add_routes(app, router)
    app.router.routes.extend(docs_and_probes)
    return app


# What a service's router may hold: routes declared on it, not routers included into it.
_DECLARED_ROUTES = (APIRoute, Route, WebSocketRoute)


def add_routes(app: FastAPI, router: APIRouter) -> None:
    """The router's routes become the app's own, in their order, as if declared on the app.

    FastAPI's `include_router` (since 0.137) keeps an included router as a branch that is matched
    lazily: on every request, each branch walks all of its routes to learn whether they changed,
    and the chosen branch matches twice. Behind 50 routes included in two levels, as membership's
    were, that was 80 of a read's 200 µs in the framework (bench/README.md, "Whole run with routes
    declared on the app and dependencies called directly").
    A service's routers carry no prefix, tags or dependencies of their own at inclusion, so their
    routes are the app's routes unchanged; a router that includes another is refused rather than
    silently matched the slow way. Each app gets its own copy of a route, whose dependencies the
    app's `dependency_overrides` replace, as they would in an included one."""
    for route in router.routes:
        if not isinstance(route, _DECLARED_ROUTES):
            raise TypeError(
                f"{type(route).__name__} in a service router: list each router in http_routers instead"
            )
        app.router.routes.append(_declared_on(app, route))


def _declared_on(app: FastAPI, route: BaseRoute) -> BaseRoute:
    if not isinstance(route, APIRoute):
        return route
    own = copy.copy(route)
    own.dependency_overrides_provider = app
    own.app = request_response(own.get_route_handler())
    return own


async def _database_answers(pool: asyncpg.Pool) -> bool:
    try:
        async with asyncio.timeout(2):
            return bool(await pool.fetchval("SELECT 1") == 1)
    except Exception:
        return False
