"""asyncpg connection pools."""

import asyncpg
import orjson


def _json_text(value: object) -> str:
    # orjson: jsonb columns (notification contexts, outbox payloads) are encoded on every write
    # of the consumers and the outbox. Its gain alone was within the bench's noise (846 against
    # 834 events/s); kept as the faster, well-kept codec, not as a measured win.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


async def _init_connection(connection: asyncpg.Connection) -> None:
    for type_name in ("jsonb", "json"):
        await connection.set_type_codec(
            type_name, encoder=_json_text, decoder=orjson.loads, schema="pg_catalog"
        )


async def _keep_session(connection: asyncpg.Connection) -> None:
    """Release without asyncpg's reset round trip (unlock, CLOSE ALL, UNLISTEN, RESET ALL).

    Pooled connections never carry session state here: advisory locks are transaction-scoped
    and LISTEN runs on a dedicated connection. Saves one round trip per request.
    """


async def create_pool(dsn: str, *, min_size: int = 2, max_size: int = 20) -> asyncpg.Pool:
    """A pool whose connections encode and decode json/jsonb as Python objects."""
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        init=_init_connection,
        reset=_keep_session,
        command_timeout=30,
    )
    assert pool is not None
    return pool


# Errors after which the same work may succeed later: the database or network went away.
TRANSIENT_DATABASE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.AdminShutdownError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
)
