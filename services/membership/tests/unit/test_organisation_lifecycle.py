from dataclasses import replace
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from membership.domain import organisations as rules
from membership.domain.organisations import (
    Category,
    Fact,
    InvalidTransition,
    Organisation,
    ProfileClosed,
    Status,
)
from membership.domain.profile import Profile, ProfileChanges

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def organisation(status: Status = Status.PENDING) -> Organisation:
    return Organisation(
        id=uuid4(),
        category=Category.SME,
        cluster_id=uuid4(),
        country="ES",
        registration_number="ES-B1234",
        status=status,
        applied_at=NOW,
        profile=Profile(legal_name="Teixits SL"),
    )


def test_approval_makes_a_pending_organisation_active_and_records_who_decided():
    manager = uuid4()
    approved = rules.approve(organisation(), at=NOW, by=manager)
    assert (approved.status, approved.decided_by, approved.decided_at) == (Status.ACTIVE, manager, NOW)


def test_rejection_keeps_the_reason():
    rejected = rules.reject(organisation(), reason="not in the region", at=NOW)
    assert rejected.status is Status.REJECTED
    assert rejected.rejection_reason == "not in the region"


@pytest.mark.parametrize(
    ("status", "move"),
    [
        (Status.ACTIVE, rules.approve),
        (Status.REJECTED, rules.approve),
        (Status.PENDING, rules.suspend),
        (Status.LEFT, rules.suspend),
        (Status.PENDING, rules.leave),
        (Status.PENDING, rules.reinstate),
        (Status.ACTIVE, rules.reinstate),
    ],
)
def test_an_invalid_transition_is_a_conflict_naming_the_current_status(status, move):
    with pytest.raises(InvalidTransition) as refused:
        move(organisation(status), at=NOW)
    assert refused.value.extra["current_status"] == str(status)


def test_an_active_member_can_be_suspended_reinstated_and_can_leave():
    suspended = rules.suspend(organisation(Status.ACTIVE), at=NOW)
    reinstated = rules.reinstate(suspended, at=NOW)
    assert reinstated.status is Status.ACTIVE
    assert rules.leave(reinstated, at=NOW).status is Status.LEFT


def test_every_change_increments_the_version():
    assert rules.approve(organisation(), at=NOW).version == 2
    assert rules.update_profile(organisation(), ProfileChanges(city="Igualada")).version == 2


def test_profile_changes_apply_to_pending_and_active_organisations():
    updated = rules.update_profile(
        organisation(Status.ACTIVE), ProfileChanges(city="Igualada", value_chains=("x",))
    )
    assert (updated.profile.city, updated.profile.value_chains) == ("Igualada", ("x",))
    assert updated.profile.legal_name == "Teixits SL"  # not given: kept


@pytest.mark.parametrize("status", [Status.REJECTED, Status.LEFT])
def test_profiles_of_rejected_or_departed_organisations_are_closed(status):
    with pytest.raises(ProfileClosed):
        rules.update_profile(organisation(status), ProfileChanges(city="Igualada"))


@pytest.mark.parametrize(
    ("status", "move", "fact"),
    [
        (Status.PENDING, rules.approve, Fact.JOINED),
        (Status.ACTIVE, rules.suspend, Fact.SUSPENDED),
        (Status.SUSPENDED, rules.reinstate, Fact.REINSTATED),
        (Status.ACTIVE, rules.leave, Fact.LEFT),
        (Status.SUSPENDED, rules.leave, Fact.LEFT),
    ],
)
def test_each_change_of_membership_says_which_fact_happened(status, move, fact):
    before = organisation(status)
    assert rules.fact_of(before, move(before, at=NOW)) is fact


def test_a_rejection_announces_nothing_as_the_organisation_never_was_a_member():
    before = organisation()
    assert rules.fact_of(before, rules.reject(before, reason="no", at=NOW)) is None


def test_every_allowed_transition_but_rejection_names_a_fact():
    allowed = {(s, t) for s, targets in rules.ALLOWED_TRANSITIONS.items() for t in targets}
    assert set(rules.FACTS) == {(s, t) for s, t in allowed if t is not Status.REJECTED}


def test_a_profile_change_keeps_what_was_not_given_and_clears_what_was_given_as_none():
    before = replace(
        organisation(), profile=Profile(legal_name="Teixits SL", city="Igualada", website="https://t.example")
    )
    updated = rules.update_profile(before, ProfileChanges(website=None))
    assert (updated.profile.city, updated.profile.website) == ("Igualada", None)
