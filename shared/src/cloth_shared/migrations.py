"""Schema migrations with Alembic, one migration folder per service.

Migrations are plain SQL run through `op.execute`, so the schema stays visible. Alembic runs
them over psycopg (synchronous, and able to run a multi-statement script); a PostgreSQL
advisory lock makes concurrent replicas apply them one at a time.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

MIGRATION_LOCK_KEY = 0x0C1_0717


def _sqlalchemy_url(database_url: str) -> str:
    scheme, rest = database_url.split("://", 1)
    return f"postgresql+psycopg://{rest}" if scheme in {"postgres", "postgresql"} else database_url


def alembic_config(migrations_dir: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", _sqlalchemy_url(database_url).replace("%", "%%"))
    return config


def upgrade_to_head(migrations_dir: Path, database_url: str) -> None:
    """Apply every pending migration (blocking; call through asyncio.to_thread from async code)."""
    command.upgrade(alembic_config(migrations_dir, database_url), "head")


def downgrade_to_base(migrations_dir: Path, database_url: str) -> None:
    command.downgrade(alembic_config(migrations_dir, database_url), "base")


def run_alembic_env() -> None:
    """The body of every service's migrations/env.py (online mode only)."""
    from alembic import context

    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is not set; use cloth_shared.migrations.upgrade_to_head"
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=None)
            with context.begin_transaction():
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                context.run_migrations()
    finally:
        engine.dispose()
