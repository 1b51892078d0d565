"""Who may read an organisation's in-app inbox."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed
from notifications.domain.access import check_may_read_inbox

ORGANISATION = uuid4()


@pytest.mark.parametrize("role", [Role.ORGANISATION_MEMBER, Role.ORGANISATION_ADMIN])
def test_the_organisations_own_people_read_its_inbox(role: Role) -> None:
    check_may_read_inbox(Principal(uuid4(), frozenset({role}), organisation_id=ORGANISATION), ORGANISATION)


def test_an_administrator_reads_any_inbox() -> None:
    check_may_read_inbox(Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN})), ORGANISATION)


@pytest.mark.parametrize(
    "caller",
    [
        Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4()),
        Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=uuid4()),
        Principal(uuid4(), frozenset({Role.PARTNER_CLIENT})),
        Principal(uuid4(), frozenset(), organisation_id=ORGANISATION),  # org id without a member role
    ],
    ids=["other organisation", "cluster manager", "partner client", "no role"],
)
def test_anyone_else_is_refused(caller: Principal) -> None:
    with pytest.raises(NotAllowed):
        check_may_read_inbox(caller, ORGANISATION)
