"""What use cases need from the outside besides the database: hashing and signing."""

from collections.abc import Container, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import TokenVerifier
from membership.domain.sign_in import Throttle


class Passwords(Protocol):
    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str | None, password: str) -> bool: ...


class PasswordPolicy(Protocol):
    @property
    def common(self) -> Container[str]:
        """Common passwords, case-folded."""
        ...

    def guessable(self, password: str, *, personal: Sequence[str]) -> bool:
        """Whether a guesser would find it quickly (dictionary words, patterns, `personal`)."""
        ...


class Tokens(Protocol):
    @property
    def lifetime_seconds(self) -> int: ...

    @property
    def verifier(self) -> TokenVerifier: ...

    @property
    def jwks(self) -> dict[str, Any]: ...

    def issue(self, principal: Principal, *, session_id: UUID | None = None) -> str: ...


@dataclass(frozen=True)
class BootstrapAdmin:
    email: str
    password: str


@dataclass(frozen=True)
class Identity:
    """Everything the account use cases need, built once per process."""

    passwords: Passwords
    password_policy: PasswordPolicy
    tokens: Tokens
    throttle: Throttle
    bootstrap_admin: BootstrapAdmin | None = None
    # A sign-in session ends this long after sign-in, however often its token is refreshed.
    session_lifetime: timedelta = timedelta(hours=12)
