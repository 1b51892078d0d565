"""The people notifications can reach: a local copy of membership's people, kept through the inbox."""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

# Where a person's local hour (their digest hour) is read when membership does not say.
DEFAULT_TIMEZONE = "Europe/Madrid"

ORGANISATION_ROLES = frozenset({"organisation_admin", "organisation_member"})
ORGANISATION_ADMIN = "organisation_admin"
CLUSTER_MANAGER = "cluster_manager"
PLATFORM_ADMIN = "platform_admin"


@dataclass(frozen=True, slots=True)
class Recipient:
    """How to reach one person. Personal data: forgotten on PersonErased."""

    person_id: UUID
    display_name: str
    email: str
    language: str
    roles: frozenset[str]
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    timezone: str = DEFAULT_TIMEZONE
    # When the directory first heard of them: they are told of what happens from then on, so a
    # replay of older events finds the same audience as the first reading did.
    known_since: datetime | None = None

    def hears_of(self, occurred_at: datetime) -> bool:
        return self.known_since is None or occurred_at >= self.known_since


def detached(recipient: Recipient) -> Recipient:
    """The person after PersonRemoved: still reachable by id, no longer anyone's member or manager."""
    return Recipient(
        person_id=recipient.person_id,
        display_name=recipient.display_name,
        email=recipient.email,
        language=recipient.language,
        roles=frozenset(),
        timezone=recipient.timezone,
        known_since=recipient.known_since,
    )


@dataclass(frozen=True, slots=True)
class RecipientQuery:
    """Who to look up: every given criterion must hold (roles: any one of them)."""

    person_id: UUID | None = None
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    roles: frozenset[str] | None = None

    def matches(self, recipient: Recipient) -> bool:
        return (
            (self.person_id is None or recipient.person_id == self.person_id)
            and (self.organisation_id is None or recipient.organisation_id == self.organisation_id)
            and (self.cluster_id is None or recipient.cluster_id == self.cluster_id)
            and (self.roles is None or bool(self.roles & recipient.roles))
        )


@dataclass(frozen=True, slots=True)
class MemberOrganisation:
    """What routing needs to know of an organisation: its home cluster and its name."""

    organisation_id: UUID
    cluster_id: UUID
    legal_name: str


def found_for(
    queries: Collection[RecipientQuery], candidates: Iterable[Recipient]
) -> dict[RecipientQuery, list[Recipient]]:
    """What each query finds among `candidates` (a superset of every answer), by person id: many
    events' audiences answered from one read of the directory."""
    people = sorted({c.person_id: c for c in candidates}.values(), key=lambda r: r.person_id)
    by_person = {r.person_id: [r] for r in people}
    by_organisation: dict[UUID, list[Recipient]] = {}
    by_cluster: dict[UUID, list[Recipient]] = {}
    for r in people:
        if r.organisation_id is not None:
            by_organisation.setdefault(r.organisation_id, []).append(r)
        if r.cluster_id is not None:
            by_cluster.setdefault(r.cluster_id, []).append(r)
    found: dict[RecipientQuery, list[Recipient]] = {}
    for query in queries:
        if query.person_id is not None:
            pool = by_person.get(query.person_id, [])
        elif query.organisation_id is not None:
            pool = by_organisation.get(query.organisation_id, [])
        elif query.cluster_id is not None:
            pool = by_cluster.get(query.cluster_id, [])
        else:
            pool = people
        found[query] = [r for r in pool if query.matches(r)]
    return found
