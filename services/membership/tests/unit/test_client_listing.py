"""The administrators' list of partner-system clients."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.errors import NotAllowed
from membership.domain.clients import Client
from membership.service_layer.client_listing import list_clients

from .builders import a_cluster, manager_of, platform_admin
from .fakes import FakeMembershipUnitOfWork

NOW = datetime(2026, 11, 30, 9, tzinfo=UTC)


def a_client(name: str, *, minutes_ago: int) -> Client:
    return Client(
        id=uuid4(),
        name=name,
        secret_hash="hashed:secret",
        scopes=("events:read",),
        created_by=uuid4(),
        created_at=NOW - timedelta(minutes=minutes_ago),
    )


@dataclass
class FakePartnerClients:
    clients: list[Client] = field(default_factory=list)
    asked: list[tuple[int, int]] = field(default_factory=list)

    async def page(self, *, limit: int, offset: int) -> list[Client]:
        self.asked.append((limit, offset))
        newest_first = sorted(self.clients, key=lambda c: c.created_at, reverse=True)
        return newest_first[offset : offset + limit]


async def test_an_administrator_sees_every_partner_system_newest_first() -> None:
    listing = FakePartnerClients([a_client("Old CRM", minutes_ago=60), a_client("New CRM", minutes_ago=1)])

    found = await list_clients(listing, platform_admin(), limit=50, offset=0)

    assert [c.name for c in found] == ["New CRM", "Old CRM"]
    assert listing.asked == [(50, 0)]


async def test_a_cluster_manager_may_not_list_partner_systems_and_nothing_is_read() -> None:
    listing = FakePartnerClients([a_client("CRM", minutes_ago=1)])
    manager = manager_of(a_cluster(FakeMembershipUnitOfWork()))

    with pytest.raises(NotAllowed):
        await list_clients(listing, manager, limit=50, offset=0)
    assert listing.asked == []
