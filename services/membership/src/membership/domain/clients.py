"""Partner-system clients: machine credentials that act with scopes, not as a person."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal, Role


@dataclass(frozen=True, slots=True)
class Client:
    id: UUID
    name: str
    secret_hash: str  # the secret itself is shown once, at registration, and never kept
    scopes: tuple[str, ...]
    created_by: UUID
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def principal(self) -> Principal:
        return Principal(
            subject=self.id, roles=frozenset({Role.PARTNER_CLIENT}), scopes=frozenset(self.scopes)
        )
