"""Fakes of what use cases need besides the database: hashing, signing, the directory read side."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import TokenVerifier
from membership.domain.organisations import Organisation, Status, public_values
from membership.domain.sign_in import Throttle
from membership.service_layer.ports import BootstrapAdmin, Identity, PasswordPolicy, Passwords, Tokens
from membership.service_layer.repositories import (
    Directory,
    DirectoryFilter,
    DirectoryPage,
    DirectoryPosition,
)


class FakePasswords:
    """Cheap and deterministic: the "hash" is readable, and never equals the password."""

    async def hash(self, password: str) -> str:
        return f"hashed:{password}"

    async def verify(self, password_hash: str | None, password: str) -> bool:
        return password_hash is not None and password_hash == f"hashed:{password}"


class FakePasswordPolicy:
    """A tiny blocklist; "guessable" means made of one repeated character."""

    common = frozenset({"password1234", "123456789012", "qwertyuiopas"})

    def guessable(self, password: str, *, personal: Sequence[str]) -> bool:
        return len(set(password)) == 1


class FakeTokens:
    """Issues a readable string naming the principal instead of a signed token."""

    lifetime_seconds = 900

    @property
    def verifier(self) -> TokenVerifier:
        raise NotImplementedError("use cases do not verify tokens")

    @property
    def jwks(self) -> dict[str, Any]:
        return {"keys": []}

    def issue(self, principal: Principal, *, session_id: UUID | None = None) -> str:
        roles = ",".join(sorted(principal.roles))
        return f"token for {principal.subject} as [{roles}] of {principal.organisation_id}"


def fake_identity(
    *, throttle: Throttle | None = None, bootstrap_admin: BootstrapAdmin | None = None
) -> Identity:
    return Identity(
        passwords=FakePasswords(),
        password_policy=FakePasswordPolicy(),
        tokens=FakeTokens(),
        throttle=throttle or Throttle(),
        bootstrap_admin=bootstrap_admin,
    )


class FakeDirectory:
    """The read side over a list: active organisations only, filtered and sorted like the queries."""

    def __init__(
        self,
        organisations: Iterable[Organisation] = (),
        *,
        live: Callable[[], Iterable[Organisation]] | None = None,
    ) -> None:
        """Over a fixed list, or over what `live` gives at each read (a fake database's organisations)."""
        fixed = list(organisations)
        self._organisations = live or (lambda: fixed)

    def _matching(self, where: DirectoryFilter) -> list[Organisation]:
        def matches(o: Organisation) -> bool:
            p = o.profile
            text = (where.text or "").lower()
            searched = [p.legal_name, p.city or "", p.description or "", " ".join(p.activities)]
            return (
                o.status is Status.ACTIVE
                and where.country in (None, o.country)
                and where.region in (None, p.region)
                and where.category in (None, o.category.value)
                and (where.value_chain is None or where.value_chain in p.value_chains)
                and where.cluster_id in (None, o.cluster_id)
                and any(text in field.lower() for field in searched)
            )

        return sorted(filter(matches, self._organisations()), key=lambda o: (o.profile.legal_name, o.id))

    async def page(
        self,
        where: DirectoryFilter,
        *,
        limit: int,
        offset: int = 0,
        after: DirectoryPosition | None = None,
    ) -> DirectoryPage:
        found = self._matching(where)
        if after is not None:
            rest = [o for o in found if (o.profile.legal_name, o.id) > (after.legal_name, after.id)]
        else:
            rest = found[offset:]
        items = rest[:limit]
        last = items[-1] if len(rest) > limit else None
        following = DirectoryPosition(last.profile.legal_name, last.id) if last else None
        return DirectoryPage([public_values(o) for o in items], len(found), following)

    async def all(self, where: DirectoryFilter, *, cap: int) -> list[Organisation]:
        return self._matching(where)[:cap]

    async def counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {
            "country": {},
            "region": {},
            "category": {},
            "value_chain": {},
            "cluster": {},
        }

        def add(dimension: str, key: str) -> None:
            counts[dimension][key] = counts[dimension].get(key, 0) + 1

        for o in self._matching(DirectoryFilter()):
            add("country", o.country)
            add("region", o.profile.region or "(none)")
            add("category", o.category.value)
            add("cluster", str(o.cluster_id))
            for chain in set(o.profile.value_chains):  # an organisation counts once per chain
                add("value_chain", chain)
        return counts


# Checked by mypy only: each fake honours the port the use cases are written against.
_passwords: Passwords = FakePasswords()
_tokens: Tokens = FakeTokens()
_policy: PasswordPolicy = FakePasswordPolicy()
_directory: Directory = FakeDirectory([])
