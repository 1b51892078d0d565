"""What use cases need from the outside besides the database: hashing and signing."""

from dataclasses import dataclass
from typing import Any, Protocol

from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import TokenVerifier
from membership.domain.sign_in import Throttle


class Passwords(Protocol):
    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str | None, password: str) -> bool: ...


class Tokens(Protocol):
    @property
    def lifetime_seconds(self) -> int: ...

    @property
    def verifier(self) -> TokenVerifier: ...

    @property
    def jwks(self) -> dict[str, Any]: ...

    def issue(self, principal: Principal) -> str: ...


@dataclass(frozen=True)
class BootstrapAdmin:
    email: str
    password: str


@dataclass(frozen=True)
class Identity:
    """Everything the account use cases need, built once per process."""

    passwords: Passwords
    tokens: Tokens
    throttle: Throttle
    bootstrap_admin: BootstrapAdmin | None = None
