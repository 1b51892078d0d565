"""Exchange settings: the shared ones, read with the EXCHANGE_ prefix where not global."""

from pydantic_settings import SettingsConfigDict

from cloth_shared.settings import ServiceSettings


class ExchangeSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EXCHANGE_")

    service_name: str = "exchange"
