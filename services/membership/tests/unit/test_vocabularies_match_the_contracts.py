"""Each vocabulary is spelled once in the contract and once in the domain; these keep them equal."""

from dataclasses import fields
from typing import get_args

from cloth_shared.contracts.membership import (
    MembershipEnded,
    OrganisationCategory,
    OrganisationSnapshot,
    PersonRole,
)
from membership.domain.organisations import Category, Fact
from membership.domain.people import PERSON_ROLES
from membership.domain.profile import PROFILE_FIELDS, Profile, ProfileChanges
from membership.service_layer import events


def test_organisation_categories_are_the_contracts():
    assert {c.value for c in Category} == set(get_args(OrganisationCategory))


def test_the_roles_a_person_may_hold_are_the_contracts():
    assert [r.value for r in PERSON_ROLES] == list(get_args(PersonRole))


def test_the_reasons_a_membership_ends_are_the_contracts():
    contract = set(get_args(MembershipEnded.model_fields["reason"].annotation))
    assert set(get_args(events.EndReason)) == contract
    assert contract <= {f.value for f in Fact}


def test_every_fact_of_a_membership_is_announced():
    assert set(events.ANNOUNCEMENTS) == set(Fact)


def test_the_event_snapshot_carries_every_profile_field():
    assert set(PROFILE_FIELDS) <= set(OrganisationSnapshot.model_fields)


def test_profile_changes_mirror_the_profile_field_for_field():
    assert [f.name for f in fields(ProfileChanges)] == [f.name for f in fields(Profile)]
