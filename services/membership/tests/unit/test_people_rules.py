from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Role
from cloth_shared.errors import Conflict, InvalidInput, NotAllowed, TooManyRequests
from membership.domain import people
from membership.domain.people import AlreadyAffiliated, Invitation, Person, PersonStatus
from membership.domain.sign_in import Throttle

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def person(**changes) -> Person:
    return Person(uuid4(), "ana@example.org", "Ana", "ca", "hash", NOW, **changes)


def test_the_applicant_becomes_the_organisations_first_admin():
    organisation_id = uuid4()
    admin = people.become_first_admin(person(), organisation_id)
    assert (admin.role, admin.organisation_id) == (Role.ORGANISATION_ADMIN, organisation_id)


def test_someone_with_a_role_cannot_apply_for_another_organisation():
    with pytest.raises(AlreadyAffiliated):
        people.become_first_admin(person(role=Role.CLUSTER_MANAGER, cluster_id=uuid4()), uuid4())


@pytest.mark.parametrize(
    ("role", "organisation_id", "cluster_id"),
    [
        (Role.CLUSTER_MANAGER, None, None),
        (Role.CLUSTER_MANAGER, uuid4(), uuid4()),
        (Role.ORGANISATION_MEMBER, None, None),
        (Role.PLATFORM_ADMIN, uuid4(), None),
    ],
)
def test_a_role_needs_exactly_its_own_scope(role, organisation_id, cluster_id):
    with pytest.raises(InvalidInput):
        people.assign_role(person(), role, organisation_id=organisation_id, cluster_id=cluster_id)


def test_erasure_forgets_every_personal_field_but_keeps_the_id():
    erased = people.erase(person(role=Role.ORGANISATION_MEMBER, organisation_id=uuid4()), at=NOW)
    assert (erased.email, erased.display_name, erased.password_hash, erased.role) == (None, None, None, None)
    assert erased.status is PersonStatus.ERASED


def invitation(**changes) -> Invitation:
    values = {
        "id": uuid4(),
        "email": "ana@example.org",
        "role": Role.ORGANISATION_MEMBER,
        "invited_by": uuid4(),
        "token_hash": "h",
        "created_at": NOW,
        "organisation_id": uuid4(),
    }
    return Invitation(**{**values, **changes})


def test_an_invitation_is_used_once_by_its_own_email_before_it_expires():
    assert people.accept(invitation(), email="ana@example.org", at=NOW).accepted_at == NOW
    with pytest.raises(NotAllowed):
        people.accept(invitation(), email="someone@example.org", at=NOW)
    with pytest.raises(Conflict):
        people.accept(invitation(accepted_at=NOW), email="ana@example.org", at=NOW)
    with pytest.raises(Conflict):
        people.accept(invitation(), email="ana@example.org", at=NOW + timedelta(days=15))


HERE, ELSEWHERE = "192.0.2.10", "198.51.100.7"


def test_sign_in_from_one_address_is_refused_after_five_failures_there_within_the_window():
    throttle = Throttle(max_failures=5, window=timedelta(minutes=15))
    failures = [(NOW - timedelta(minutes=m), HERE) for m in (10, 8, 6, 4, 2)]
    throttle.check(account_failures=failures[:4], client_address=HERE, address_failures=4, now=NOW)
    with pytest.raises(TooManyRequests) as refused:
        throttle.check(account_failures=failures, client_address=HERE, address_failures=5, now=NOW)
    assert refused.value.extra["retry_after_seconds"] == 5 * 60


def test_failures_from_another_address_do_not_lock_the_owner_out():
    failures = [(NOW - timedelta(minutes=m), ELSEWHERE) for m in (10, 8, 6, 4, 2)]
    Throttle().check(account_failures=failures, client_address=HERE, address_failures=0, now=NOW)


def test_many_failures_from_everywhere_only_delay_the_account_progressively_up_to_a_cap():
    throttle = Throttle(free_account_failures=10, max_delay=timedelta(seconds=60))
    addresses = [f"203.0.113.{i}" for i in range(40)]
    just_now = [(NOW - timedelta(seconds=1), a) for a in addresses]
    with pytest.raises(TooManyRequests) as refused:
        throttle.check(account_failures=just_now[:12], client_address=HERE, address_failures=0, now=NOW)
    assert refused.value.extra["retry_after_seconds"] == 3  # 2^2 seconds after the last failure
    with pytest.raises(TooManyRequests) as capped:
        throttle.check(account_failures=just_now, client_address=HERE, address_failures=0, now=NOW)
    assert capped.value.extra["retry_after_seconds"] == 59  # never more than a minute
    a_minute_ago = [(NOW - timedelta(seconds=61), a) for a in addresses]
    throttle.check(account_failures=a_minute_ago, client_address=HERE, address_failures=0, now=NOW)


def test_many_failures_from_one_address_across_accounts_are_refused_too():
    with pytest.raises(TooManyRequests):
        Throttle(max_failures_per_address=30).check(
            account_failures=[], client_address=HERE, address_failures=30, now=NOW
        )
