"""Settings common to every service, read from the environment by pydantic-settings.

A service subclasses ServiceSettings and adds its own fields. Loading fails fast, naming every
missing or malformed variable, and refuses development secrets outside development.
"""

from typing import Literal, Self, TypeVar

from pydantic import Field, PostgresDsn, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_PASSWORD_MARKERS = ("dev-only", "changeme")


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(
        extra="ignore", frozen=True, validate_by_name=True, validate_by_alias=True
    )

    environment: Literal["development", "test", "production"] = Field(
        default="development", validation_alias="CLOTH_ENV"
    )
    service_name: str
    database_url: PostgresDsn
    database_pool_min: int = Field(default=2, ge=1)
    database_pool_max: int = Field(default=20, ge=1)
    kafka_bootstrap_servers: str = Field(validation_alias="KAFKA_BOOTSTRAP_SERVERS")
    kafka_topic_prefix: str = Field(default="", validation_alias="KAFKA_TOPIC_PREFIX")
    kafka_topic_partitions: int = Field(default=4, ge=1)
    kafka_topic_replication: int = Field(default=1, ge=1)
    kafka_send_timeout_seconds: float = Field(default=10.0, gt=0)
    run_migrations_on_start: bool = True
    run_outbox_relay: bool = True
    run_consumers: bool = True
    outbox_poll_interval_seconds: float = Field(default=1.0, gt=0)
    outbox_batch_size: int = Field(default=500, ge=1)
    consumer_max_attempts: int = Field(default=5, ge=1)
    consumer_retry_backoff_seconds: float = Field(default=0.2, ge=0)
    # cloth_shared/heap.py: measured, this is what keeps collector pauses out of p99.
    freeze_start_up_heap: bool = True
    log_level: str = Field(default="INFO", validation_alias="LOG_LEVEL")
    log_json: bool = Field(default=True, validation_alias="LOG_JSON")
    # /metrics answers in production only when set (scraped from inside the cluster otherwise).
    metrics_public: bool = Field(default=False, validation_alias="METRICS_PUBLIC")

    @model_validator(mode="after")
    def _no_development_secrets_in_production(self) -> Self:
        password = self.database_url.hosts()[0].get("password") or ""
        if self.environment == "production" and (
            not password or any(marker in password for marker in DEVELOPMENT_PASSWORD_MARKERS)
        ):
            raise ValueError("production needs a real database password in the database URL")
        return self

    def topic(self, name: str) -> str:
        """A contract topic name with this deployment's namespace prefix."""
        return f"{self.kafka_topic_prefix}{name}"


SettingsT = TypeVar("SettingsT", bound=ServiceSettings)


def load_settings(settings_class: type[SettingsT]) -> SettingsT:
    """Read settings or exit with one clear message listing every problem."""
    try:
        return settings_class()  # type: ignore[call-arg]
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc']) or 'settings'}: {issue['msg']}"
            for issue in error.errors()
        )
        raise SystemExit(f"{settings_class.__name__}: invalid configuration: {problems}") from None
