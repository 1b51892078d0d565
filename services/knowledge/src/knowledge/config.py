"""Knowledge settings: the shared ones, read with the KNOWLEDGE_ prefix where not global."""

from pydantic_settings import SettingsConfigDict

from cloth_shared.auth.settings import TokenVerifierSettings
from cloth_shared.settings import ServiceSettings


class KnowledgeSettings(ServiceSettings, TokenVerifierSettings):
    model_config = SettingsConfigDict(env_prefix="KNOWLEDGE_")

    service_name: str = "knowledge"
    # Where the public reaches this service: certificates' QR codes point to its verification.
    public_base_url: str = "http://localhost:8003"
