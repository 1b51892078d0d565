"""Domain objects for the repository contract tests, and a way to store them in one committed step."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Role
from membership.domain.clients import Client
from membership.domain.clusters import Cluster
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.people import Invitation, Person
from membership.domain.profile import PROFILE_FIELDS, Profile
from membership.service_layer.repositories import Directory
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass
class Store:
    """One implementation of the ports: the unit of work and the directory over the same data."""

    uow: MembershipUnitOfWork
    directory: Directory


# PostgreSQL keeps microseconds; a whole second keeps the round trip exact.
T0 = datetime(2026, 2, 1, 9, 30, 15, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def a_cluster(**changes: Any) -> Cluster:
    suffix = uuid4().hex[:6]
    values: dict[str, Any] = {
        "id": uuid4(),
        "name": f"Cluster {suffix}",
        "short_name": f"C{suffix}",
        "country": "ES",
        "home_region": "Catalonia",
        "city": "Igualada",
        "latitude": 41.5789,
        "longitude": 1.6172,
    }
    return Cluster(**{**values, **changes})


def an_organisation(cluster: Cluster, **changes: Any) -> Organisation:
    profile: dict[str, Any] = {
        "legal_name": "Teixits Igualada SL",
        "region": "ES511",
        "city": "Igualada",
        "latitude": 41.58,
        "longitude": 1.62,
        "value_chains": ("fashion_textile", "circular_economy"),
        "size_band": "small",
        "activities": ("knitwear", "dyeing"),
        "certifications": ("GOTS",),
        "languages": ("ca", "es"),
        "website": "https://teixits.example",
        "description": "Knitted fabrics from recycled yarn.",
    }
    values: dict[str, Any] = {
        "id": uuid4(),
        "category": Category.SME,
        "cluster_id": cluster.id,
        "country": "ES",
        "registration_number": f"ES-{uuid4().hex[:10]}",
        "status": Status.PENDING,
        "applied_at": T0,
    }
    for name, value in changes.items():
        (profile if name in PROFILE_FIELDS else values)[name] = value
    return Organisation(**values, profile=Profile(**profile))


def a_person(**changes: Any) -> Person:
    person_id = uuid4()
    values: dict[str, Any] = {
        "id": person_id,
        "email": f"p-{person_id.hex[:8]}@example.org",
        "display_name": "Ana Puig",
        "language": "ca",
        "password_hash": "argon2-hash",
        "created_at": T0,
    }
    return Person(**{**values, **changes})


def an_invitation(inviter: Person, **changes: Any) -> Invitation:
    values: dict[str, Any] = {
        "id": uuid4(),
        "email": f"i-{uuid4().hex[:8]}@example.org",
        "role": Role.PLATFORM_ADMIN,
        "invited_by": inviter.id,
        "token_hash": uuid4().hex,
        "created_at": T0,
    }
    return Invitation(**{**values, **changes})


def a_client(creator: Person, **changes: Any) -> Client:
    values: dict[str, Any] = {
        "id": uuid4(),
        "name": "ERP bridge",
        "secret_hash": "argon2-hash",
        "scopes": ("exchange:read", "exchange:write"),
        "created_by": creator.id,
        "created_at": T0,
    }
    return Client(**{**values, **changes})


async def committed(uow: MembershipUnitOfWork, step: Callable[[MembershipUnitOfWork], Awaitable[Any]]) -> Any:
    """Run one step in its own unit of work and commit it."""
    async with uow:
        result = await step(uow)
        await uow.commit()
    return result


async def read(uow: MembershipUnitOfWork, step: Callable[[MembershipUnitOfWork], Awaitable[Any]]) -> Any:
    """Run one read in its own unit of work (not committed)."""
    async with uow:
        return await step(uow)


def ids(found: list[Any]) -> list[UUID]:
    return [item.id for item in found]
