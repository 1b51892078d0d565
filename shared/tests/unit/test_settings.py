"""Settings fail fast with one clear message, and refuse development secrets in production."""

import pytest

from cloth_shared.settings import ServiceSettings, load_settings


class ExampleSettings(ServiceSettings):
    service_name: str = "example"


def test_missing_settings_stop_the_service_naming_each_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    with pytest.raises(SystemExit) as stopped:
        load_settings(ExampleSettings)
    message = str(stopped.value)
    assert "database_url" in message and "KAFKA_BOOTSTRAP_SERVERS" in message


def test_production_refuses_a_development_database_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOTH_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "postgresql://svc:cloth-dev-only@db/svc")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
    with pytest.raises(SystemExit, match="real database password"):
        load_settings(ExampleSettings)


def test_production_accepts_a_real_password_and_topics_get_the_namespace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLOTH_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "postgresql://svc:s3cr3t-from-vault@db/svc")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
    monkeypatch.setenv("KAFKA_TOPIC_PREFIX", "eu.")
    settings = load_settings(ExampleSettings)
    assert settings.topic("membership.organisations") == "eu.membership.organisations"
