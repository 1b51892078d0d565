"""Exchange settings: the shared ones, read with the EXCHANGE_ prefix where not global."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from cloth_shared.auth.settings import TokenVerifierSettings
from cloth_shared.settings import ServiceSettings


class ExchangeSettings(ServiceSettings, TokenVerifierSettings):
    model_config = SettingsConfigDict(env_prefix="EXCHANGE_")

    service_name: str = "exchange"
    run_sweeper: bool = Field(default=True, description="Start exchanges and note missed deadlines.")
    sweeper_interval_seconds: float = Field(default=60.0, gt=0, le=3600)
