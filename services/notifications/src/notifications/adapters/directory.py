"""The recipients directory, organisations' home clusters and preferences over asyncpg."""

from collections.abc import Collection, Sequence
from uuid import UUID

import asyncpg

from notifications.adapters import directory_queries as q
from notifications.domain.preferences import Frequency, Preference
from notifications.domain.recipients import MemberOrganisation, Recipient, RecipientQuery, found_for
from notifications.domain.routing import Category, Channel
from notifications.service_layer.ports import Choices


def _recipient(row: asyncpg.Record) -> Recipient:
    return Recipient(**{**dict(row), "roles": frozenset(row["roles"])})


class PostgresRecipientDirectory:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def save(self, recipient: Recipient) -> None:
        r = recipient
        await self._connection.execute(
            q.SAVE_RECIPIENT,
            r.person_id,
            r.display_name,
            r.email,
            r.language,
            sorted(r.roles),
            r.organisation_id,
            r.cluster_id,
            r.known_since,
        )

    async def get(self, person_id: UUID) -> Recipient | None:
        row = await self._connection.fetchrow(q.GET_RECIPIENT, person_id)
        return None if row is None else _recipient(row)

    async def find(self, query: RecipientQuery) -> list[Recipient]:
        roles = sorted(query.roles) if query.roles is not None else None
        rows = await self._connection.fetch(
            q.FIND_RECIPIENTS, query.person_id, query.organisation_id, query.cluster_id, roles
        )
        return [_recipient(row) for row in rows]

    async def find_each(self, queries: Collection[RecipientQuery]) -> dict[RecipientQuery, list[Recipient]]:
        queries = set(queries)
        person_ids = {query.person_id for query in queries if query.person_id}
        organisation_ids = {query.organisation_id for query in queries if query.organisation_id}
        cluster_ids = {query.cluster_id for query in queries if query.cluster_id}
        unnamed = [q for q in queries if not (q.person_id or q.organisation_id or q.cluster_id)]
        rows = []
        if person_ids or organisation_ids or cluster_ids:
            rows += await self._connection.fetch(
                q.CANDIDATE_RECIPIENTS, list(person_ids), list(organisation_ids), list(cluster_ids)
            )
        if any(query.roles is None for query in unnamed):
            rows += await self._connection.fetch(q.ALL_RECIPIENTS)
        elif unnamed:
            roles = sorted({role for query in unnamed for role in query.roles or ()})
            rows += await self._connection.fetch(q.ROLE_HOLDERS, roles)
        return found_for(queries, (_recipient(row) for row in rows))

    async def forget(self, person_id: UUID) -> None:
        await self._connection.execute(q.FORGET_RECIPIENT, person_id)


class PostgresOrganisationDirectory:
    """One per transaction (the unit of work binds a new one): what it saved is what the table
    holds for those organisations until the commit, as the upsert keeps their rows locked. So
    `known` answers them without asking again: an organisation event is remembered and then routed,
    and its routing looks up the organisation it has just saved."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection
        self._saved: dict[UUID, MemberOrganisation] = {}

    async def save(self, organisation: MemberOrganisation) -> None:
        await self.save_all([organisation])

    async def save_all(self, organisations: Sequence[MemberOrganisation]) -> None:
        await self._connection.executemany(
            q.SAVE_ORGANISATION, [(o.organisation_id, o.cluster_id, o.legal_name) for o in organisations]
        )
        self._saved.update((o.organisation_id, o) for o in organisations)

    async def known(self, organisation_ids: Collection[UUID]) -> list[MemberOrganisation]:
        found = [self._saved[i] for i in organisation_ids if i in self._saved]
        asked = [i for i in organisation_ids if i not in self._saved]
        if asked:
            rows = await self._connection.fetch(q.KNOWN_ORGANISATIONS, asked)
            found += [MemberOrganisation(**dict(row)) for row in rows]
        return found


class PostgresPreferenceRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def chosen(self, person_ids: Collection[UUID]) -> dict[UUID, Choices]:
        if not person_ids:
            return {}
        chosen: dict[UUID, Choices] = {}
        for row in await self._connection.fetch(q.CHOSEN_PREFERENCES, list(person_ids)):
            key = (Category(row["category"]), Channel(row["channel"]))
            chosen.setdefault(row["person_id"], {})[key] = Frequency(row["frequency"])
        return chosen

    async def choose(self, preference: Preference) -> None:
        p = preference
        await self._connection.execute(
            q.CHOOSE_PREFERENCE, p.person_id, p.category.value, p.channel.value, p.frequency.value
        )
