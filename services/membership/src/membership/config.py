"""Membership settings: the shared ones, read with the MEMBERSHIP_ prefix where not global."""

from pydantic_settings import SettingsConfigDict

from cloth_shared.settings import ServiceSettings


class MembershipSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MEMBERSHIP_")

    service_name: str = "membership"
