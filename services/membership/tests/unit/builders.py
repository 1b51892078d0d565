"""Ready-made domain objects and callers for the use-case tests, stored straight in a fake database."""

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal, Role
from membership.domain.clusters import Cluster
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.people import Person
from membership.domain.profile import PROFILE_FIELDS, Profile
from membership.service_layer.applications import ApplyForMembership

from .fakes import FakeMembershipUnitOfWork

EARLIER = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def a_cluster(uow: FakeMembershipUnitOfWork, *, name: str = "Catalan Textile Cluster") -> Cluster:
    cluster = Cluster(
        id=uuid4(),
        name=name,
        short_name=name.split()[0][:8].upper(),
        country="ES",
        home_region="Catalonia",
        city="Terrassa",
        latitude=41.56,
        longitude=2.01,
    )
    uow.database.clusters[cluster.id] = cluster
    return cluster


def a_person(
    uow: FakeMembershipUnitOfWork,
    *,
    email: str | None = None,
    password: str = "correct horse battery staple",
    role: Role | None = None,
    organisation_id: UUID | None = None,
    cluster_id: UUID | None = None,
) -> Person:
    person_id = uuid4()
    person = Person(
        id=person_id,
        email=email or f"person-{person_id.hex[:8]}@example.org",
        display_name="Núria Puig",
        language="ca",
        password_hash=f"hashed:{password}",  # as FakePasswords hashes it
        created_at=EARLIER,
        role=role,
        organisation_id=organisation_id,
        cluster_id=cluster_id,
    )
    uow.database.people[person.id] = person
    return person


def _split(fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Profile fields apart from the organisation's own."""
    profile = {name: value for name, value in fields.items() if name in PROFILE_FIELDS}
    return profile, {name: value for name, value in fields.items() if name not in PROFILE_FIELDS}


def an_organisation(
    uow: FakeMembershipUnitOfWork,
    cluster: Cluster,
    *,
    status: Status = Status.PENDING,
    category: Category = Category.SME,
    **fields: Any,
) -> Organisation:
    profile, others = _split(
        {
            "legal_name": "Teixits del Vallès SL",
            "city": "Sabadell",
            "value_chains": ("fashion_textile",),
            **fields,
        }
    )
    values: dict[str, Any] = {
        "id": uuid4(),
        "category": category,
        "cluster_id": cluster.id,
        "country": "ES",
        "registration_number": f"ES-{uuid4().hex[:8]}",
        "status": status,
        "applied_at": EARLIER,
        **others,
    }
    organisation = Organisation(**values, profile=Profile(**profile))
    uow.database.organisations[organisation.id] = organisation
    return organisation


def an_application(cluster_id: UUID, **fields: Any) -> ApplyForMembership:
    profile, others = _split(
        {
            "legal_name": "Filatures Reunides SA",
            "city": "Terrassa",
            "value_chains": ("fashion_textile", "circular_economy"),
            "languages": ("ca", "es"),
            **fields,
        }
    )
    values: dict[str, Any] = {
        "category": Category.SME,
        "cluster_id": cluster_id,
        "country": "ES",
        "registration_number": "ES-A08000001",
        **others,
    }
    return ApplyForMembership(**values, profile=Profile(**profile))


def manager_of(cluster: Cluster) -> Principal:
    return Principal(subject=uuid4(), roles=frozenset({Role.CLUSTER_MANAGER}), cluster_id=cluster.id)


def admin_of(organisation: Organisation) -> Principal:
    return Principal(
        subject=uuid4(), roles=frozenset({Role.ORGANISATION_ADMIN}), organisation_id=organisation.id
    )


def member_of(organisation: Organisation) -> Principal:
    return Principal(
        subject=uuid4(), roles=frozenset({Role.ORGANISATION_MEMBER}), organisation_id=organisation.id
    )


def platform_admin() -> Principal:
    return Principal(subject=uuid4(), roles=frozenset({Role.PLATFORM_ADMIN}))


def signed_in(person: Person) -> Principal:
    return person.principal()
