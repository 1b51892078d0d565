"""Who is calling: the identity and grants carried by a membership access token. Pure data."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from uuid import UUID


class Role(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    CLUSTER_MANAGER = "cluster_manager"
    ORGANISATION_ADMIN = "organisation_admin"
    ORGANISATION_MEMBER = "organisation_member"
    PARTNER_CLIENT = "partner_client"


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller. `subject` is a person id, or a partner client id when `is_client`."""

    subject: UUID
    roles: frozenset[Role] = frozenset()
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    scopes: frozenset[str] = frozenset()
    # When the token was issued (seconds since the epoch) and the sign-in session it belongs
    # to: what revocation compares, not part of who the caller is.
    issued_at: float | None = field(default=None, compare=False)
    session_id: UUID | None = field(default=None, compare=False)

    @property
    def is_client(self) -> bool:
        return Role.PARTNER_CLIENT in self.roles

    @property
    def is_admin(self) -> bool:
        return Role.PLATFORM_ADMIN in self.roles

    def manages_cluster(self, cluster_id: UUID) -> bool:
        return Role.CLUSTER_MANAGER in self.roles and self.cluster_id == cluster_id

    def belongs_to(self, organisation_id: UUID) -> bool:
        member_roles = {Role.ORGANISATION_ADMIN, Role.ORGANISATION_MEMBER}
        return bool(member_roles & self.roles) and self.organisation_id == organisation_id

    def administers(self, organisation_id: UUID) -> bool:
        return Role.ORGANISATION_ADMIN in self.roles and self.organisation_id == organisation_id

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def claims(self) -> dict[str, Any]:
        """The token claims that describe this principal (besides iss/aud/iat/exp)."""
        claims: dict[str, Any] = {"sub": str(self.subject), "roles": sorted(self.roles)}
        if self.organisation_id is not None:
            claims["org"] = str(self.organisation_id)
        if self.cluster_id is not None:
            claims["cluster"] = str(self.cluster_id)
        if self.scopes:
            claims["scope"] = " ".join(sorted(self.scopes))
        return claims

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> "Principal":
        """Read a principal from verified claims; unknown roles are ignored, not trusted."""
        known = {role.value for role in Role}
        return cls(
            subject=UUID(str(claims["sub"])),
            roles=frozenset(Role(r) for r in claims.get("roles", ()) if r in known),
            organisation_id=UUID(str(claims["org"])) if claims.get("org") else None,
            cluster_id=UUID(str(claims["cluster"])) if claims.get("cluster") else None,
            scopes=frozenset(str(claims.get("scope", "")).split()),
            issued_at=float(claims["iat"]) if claims.get("iat") is not None else None,
            session_id=UUID(str(claims["sid"])) if claims.get("sid") else None,
        )
