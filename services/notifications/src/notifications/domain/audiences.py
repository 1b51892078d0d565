"""Who an event concerns, named by where their id sits in the event's payload.

An audience is a pure description ("the people of the organisation at
`exchange.host_organisation_id`"); it turns a payload into directory queries. Paths are dotted
keys into the event's JSON payload, so a routing row needs no code of its own.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from notifications.domain.recipients import (
    CLUSTER_MANAGER,
    ORGANISATION_ADMIN,
    ORGANISATION_ROLES,
    PLATFORM_ADMIN,
    RecipientQuery,
)

Payload = Mapping[str, Any]


def value_at(payload: Payload, path: str) -> Any:
    """The value at a dotted path of a JSON payload, or None where any step is missing."""
    found: Any = payload
    for key in path.split("."):
        if not isinstance(found, Mapping):
            return None
        found = found.get(key)
    return found


def uuid_at(payload: Payload, path: str) -> UUID | None:
    found = value_at(payload, path)
    return UUID(str(found)) if found else None


def organisation_ids_in(payload: Payload) -> set[UUID]:
    """Every organisation the payload names (keys ending in `organisation_id`), at any depth."""
    found: set[UUID] = set()
    for key, value in payload.items():
        if type(value) is dict or isinstance(value, Mapping):  # a JSON payload's are dicts: fast
            found |= organisation_ids_in(value)
        elif key.endswith("organisation_id") and value:
            found.add(UUID(str(value)))
    return found


class Audience(Protocol):
    @property
    def path(self) -> str:
        """Where the audience's id sits in the payload ("" when it needs none)."""
        ...

    def describe(self) -> str:
        """How the README names this audience."""
        ...

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        """The directory queries that find this audience for one event."""
        ...


@dataclass(frozen=True, slots=True)
class OrganisationPeople:
    path: str

    def describe(self) -> str:
        return f"people of organisation `{self.path}`"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        organisation_id = uuid_at(payload, self.path)
        if organisation_id is None:
            return []
        return [RecipientQuery(organisation_id=organisation_id, roles=ORGANISATION_ROLES)]


@dataclass(frozen=True, slots=True)
class OrganisationAdmins:
    path: str

    def describe(self) -> str:
        return f"admins of organisation `{self.path}`"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        organisation_id = uuid_at(payload, self.path)
        if organisation_id is None:
            return []
        return [RecipientQuery(organisation_id=organisation_id, roles=frozenset({ORGANISATION_ADMIN}))]


@dataclass(frozen=True, slots=True)
class ClusterManagers:
    """The managers of the cluster whose id is at `path`."""

    path: str

    def describe(self) -> str:
        return f"managers of cluster `{self.path}`"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        cluster_id = uuid_at(payload, self.path)
        if cluster_id is None:
            return []
        return [RecipientQuery(cluster_id=cluster_id, roles=frozenset({CLUSTER_MANAGER}))]


@dataclass(frozen=True, slots=True)
class ManagersOfEachCluster:
    """The managers of every cluster listed at `path` (partners still to approve, approvers)."""

    path: str

    def describe(self) -> str:
        return f"managers of each cluster in `{self.path}`"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        listed = value_at(payload, self.path) or []
        return [
            RecipientQuery(cluster_id=UUID(str(cluster_id)), roles=frozenset({CLUSTER_MANAGER}))
            for cluster_id in listed
        ]


@dataclass(frozen=True, slots=True)
class AllClusterManagers:
    """Every cluster manager: the partner clusters' managers draft and approve the common strategy."""

    path: str = ""

    def describe(self) -> str:
        return "every cluster manager"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        return [RecipientQuery(roles=frozenset({CLUSTER_MANAGER}))]


@dataclass(frozen=True, slots=True)
class HomeClusterManagers:
    """The managers of the home cluster of the organisation at `path` (from membership's
    organisation events), for events that name an organisation but not its cluster."""

    path: str

    def describe(self) -> str:
        return f"managers of the home cluster of organisation `{self.path}`"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        organisation_id = uuid_at(payload, self.path)
        cluster_id = home_clusters.get(organisation_id) if organisation_id else None
        if cluster_id is None:
            return []
        return [RecipientQuery(cluster_id=cluster_id, roles=frozenset({CLUSTER_MANAGER}))]


@dataclass(frozen=True, slots=True)
class Administrators:
    path: str = ""

    def describe(self) -> str:
        return "platform administrators"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        return [RecipientQuery(roles=frozenset({PLATFORM_ADMIN}))]


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """The person whose id is at `path` (the enrolled, promoted or certified person...)."""

    path: str

    def describe(self) -> str:
        return f"the person `{self.path}`"

    def queries(self, payload: Payload, home_clusters: Mapping[UUID, UUID]) -> list[RecipientQuery]:
        person_id = uuid_at(payload, self.path)
        return [] if person_id is None else [RecipientQuery(person_id=person_id)]
