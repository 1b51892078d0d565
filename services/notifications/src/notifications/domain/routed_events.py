"""Events routing has read, kept a while so that people the directory learns of late are told too.

Membership's organisation events and its people events reach this service through different
consumer groups, and exchange's and knowledge's through others again: nothing orders them. An
organisation's approval (`SMEJoined`) can be routed before the `PersonJoined` of the applicant,
who became its first admin a moment earlier; the directory then has nobody to tell.

So every routed event is kept, with the ids its audiences were looked up by ("keys"), for
`KEPT_FOR`. When a people event makes someone findable, the events kept that occurred since that
people event and share a key with the person are routed again, for that person alone: routing
decides, as for everyone, and the records' unique key (event, person, channel) keeps anyone who
was told already from being told twice.

Two transactions racing (one routing an event, one applying a person) could each miss the
other's uncommitted row. Both hold advisory locks on their keys: routing shared, a people event
exclusive, so one of them always reads after the other committed.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from notifications.domain.recipients import Recipient, RecipientQuery

# Longer than any lag between this service's consumer groups (an outage of one of them, a
# replay): a people event applied later than this after an event was routed misses it.
KEPT_FOR = timedelta(hours=24)

# The key of audiences named by a role alone (every cluster manager, the administrators): every
# person holds it, as anyone may be given such a role.
BY_ROLE_ALONE = UUID(int=0)


@dataclass(frozen=True, slots=True)
class RoutedEvent:
    event_id: UUID
    event_type: str
    payload: dict[str, Any]
    occurred_at: datetime
    keys: frozenset[UUID]


def key_of(query: RecipientQuery) -> UUID:
    """The id a directory query looks people up by."""
    return query.person_id or query.organisation_id or query.cluster_id or BY_ROLE_ALONE


def keys_of(queries: Iterable[RecipientQuery]) -> frozenset[UUID]:
    return frozenset(key_of(query) for query in queries)


def keys_finding(recipient: Recipient) -> frozenset[UUID]:
    """Every key under which a query may find this person."""
    found_by = {recipient.person_id, recipient.organisation_id, recipient.cluster_id, BY_ROLE_ALONE}
    return frozenset(key for key in found_by if key is not None)
