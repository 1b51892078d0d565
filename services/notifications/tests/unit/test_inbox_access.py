"""Who has an in-app inbox: every person their own, whatever their role; partner clients none."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed
from notifications.domain.access import check_has_inbox


@pytest.mark.parametrize(
    "caller",
    [
        Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4()),
        Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4()),
        Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=uuid4()),
        Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN})),
    ],
    ids=["member", "organisation admin", "cluster manager", "platform administrator"],
)
def test_every_person_has_their_own_inbox(caller: Principal) -> None:
    check_has_inbox(caller)


def test_a_partner_client_has_none() -> None:
    with pytest.raises(NotAllowed) as refused:
        check_has_inbox(Principal(uuid4(), frozenset({Role.PARTNER_CLIENT})))
    assert refused.value.code == "no-inbox"
