"""Each authorisation rule, proved on the pure rules (the HTTP tests prove them again end to end)."""

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from membership.domain import access
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.people import Person
from membership.domain.profile import Profile

CLUSTER, OTHER_CLUSTER = uuid4(), uuid4()
ORGANISATION = Organisation(
    id=uuid4(),
    category=Category.SME,
    cluster_id=CLUSTER,
    country="ES",
    registration_number="ES-1",
    status=Status.PENDING,
    applied_at=datetime.now(UTC),
    profile=Profile(legal_name="Teixits SL"),
)


def principal(role: Role | None = None, *, organisation=None, cluster=None) -> Principal:
    roles = frozenset({role}) if role else frozenset()
    return Principal(subject=uuid4(), roles=roles, organisation_id=organisation, cluster_id=cluster)


ADMIN = principal(Role.PLATFORM_ADMIN)
MANAGER = principal(Role.CLUSTER_MANAGER, cluster=CLUSTER)
OTHER_MANAGER = principal(Role.CLUSTER_MANAGER, cluster=OTHER_CLUSTER)
ORG_ADMIN = principal(Role.ORGANISATION_ADMIN, organisation=ORGANISATION.id)
MEMBER = principal(Role.ORGANISATION_MEMBER, organisation=ORGANISATION.id)
OTHER_MEMBER = principal(Role.ORGANISATION_ADMIN, organisation=uuid4())
NOBODY = principal()
CLIENT = principal(Role.PARTNER_CLIENT)


def allowed(rule, *args) -> bool:
    try:
        rule(*args)
    except access.Forbidden:
        return False
    return True


@pytest.mark.parametrize(
    ("caller", "expected"),
    [
        (MANAGER, True),
        (OTHER_MANAGER, False),
        (ADMIN, False),
        (ORG_ADMIN, False),
        (NOBODY, False),
        (CLIENT, False),
    ],
)
def test_only_a_manager_of_the_home_cluster_decides_an_application(caller, expected):
    assert allowed(access.decide_application, caller, ORGANISATION) is expected


@pytest.mark.parametrize(
    ("caller", "expected"),
    [
        (ORG_ADMIN, True),
        (MEMBER, True),
        (OTHER_MEMBER, False),
        (MANAGER, False),
        (ADMIN, False),
        (NOBODY, False),
    ],
)
def test_only_the_organisations_own_people_change_its_profile(caller, expected):
    assert allowed(access.edit_profile, caller, ORGANISATION.id) is expected


@pytest.mark.parametrize(
    ("caller", "expected"),
    [
        (ORG_ADMIN, True),
        (MEMBER, True),
        (MANAGER, True),
        (ADMIN, True),
        (OTHER_MEMBER, False),
        (OTHER_MANAGER, False),
        (NOBODY, False),
    ],
)
def test_the_full_record_is_for_its_people_its_cluster_and_administrators(caller, expected):
    assert allowed(access.view_organisation, caller, ORGANISATION) is expected


@pytest.mark.parametrize(("caller", "expected"), [(ADMIN, True), (MANAGER, False), (ORG_ADMIN, False)])
def test_only_administrators_manage_clusters_and_partner_clients(caller, expected):
    assert allowed(access.manage_clusters, caller) is expected
    assert allowed(access.manage_clients, caller) is expected


def test_suspension_is_for_the_home_cluster_and_administrators():
    assert allowed(access.suspend_or_reinstate, MANAGER, ORGANISATION)
    assert allowed(access.suspend_or_reinstate, ADMIN, ORGANISATION)
    assert not allowed(access.suspend_or_reinstate, OTHER_MANAGER, ORGANISATION)
    assert not allowed(access.suspend_or_reinstate, ORG_ADMIN, ORGANISATION)


def test_only_the_organisations_admin_ends_its_membership():
    assert allowed(access.leave, ORG_ADMIN, ORGANISATION)
    assert not allowed(access.leave, MEMBER, ORGANISATION)
    assert not allowed(access.leave, MANAGER, ORGANISATION)


def test_an_organisation_admin_invites_colleagues_into_their_own_organisation_only():
    assert allowed(access.invite, ORG_ADMIN, Role.ORGANISATION_MEMBER, ORGANISATION.id)
    assert not allowed(access.invite, ORG_ADMIN, Role.ORGANISATION_MEMBER, uuid4())
    assert not allowed(access.invite, ORG_ADMIN, Role.CLUSTER_MANAGER, None)
    assert not allowed(access.invite, MEMBER, Role.ORGANISATION_MEMBER, ORGANISATION.id)
    assert allowed(access.invite, ADMIN, Role.CLUSTER_MANAGER, None)


def colleague(organisation_id=ORGANISATION.id) -> Person:
    return Person(
        uuid4(),
        "x@example.org",
        "X",
        "en",
        None,
        datetime.now(UTC),
        role=Role.ORGANISATION_MEMBER,
        organisation_id=organisation_id,
    )


def test_an_organisation_admin_changes_roles_only_between_its_two_roles_in_its_organisation():
    assert allowed(access.change_role, ORG_ADMIN, colleague(), Role.ORGANISATION_ADMIN, ORGANISATION.id)
    assert not allowed(access.change_role, ORG_ADMIN, colleague(), Role.PLATFORM_ADMIN, None)
    assert not allowed(
        access.change_role, ORG_ADMIN, colleague(uuid4()), Role.ORGANISATION_ADMIN, ORGANISATION.id
    )
    assert allowed(access.change_role, ADMIN, colleague(), Role.PLATFORM_ADMIN, None)


def test_people_are_removed_by_their_organisations_admin_or_an_administrator():
    assert allowed(access.remove_person, ORG_ADMIN, colleague())
    assert allowed(access.remove_person, ADMIN, colleague())
    assert not allowed(access.remove_person, OTHER_MEMBER, colleague())
    assert not allowed(access.remove_person, MANAGER, colleague())
