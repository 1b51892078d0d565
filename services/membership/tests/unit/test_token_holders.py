"""Routes that check the caller's standing in the same statement as their read or write decide
exactly as the `Caller` dependency would: on the holder's roles now, refusing stale tokens."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed, NotFound, TokenRefused
from membership.domain.organisations import Status
from membership.domain.people import PersonStatus
from membership.domain.profile import ProfileChanges
from membership.domain.sessions import Session, SessionEnded
from membership.service_layer import applications, profiles
from membership.service_layer.callers import TokenHolder

from .builders import a_cluster, a_person, an_organisation
from .fakes import FakeMembershipUnitOfWork

NOW = datetime.now(UTC)


def token_of(principal: Principal, **claims: object) -> TokenHolder:
    return TokenHolder(replace(principal, issued_at=NOW.timestamp(), **claims))  # type: ignore[arg-type]


async def test_a_token_holder_reads_their_organisation_with_their_current_roles() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    person = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=organisation.id)

    assert (
        await applications.get_organisation(uow, organisation.id, token_of(person.principal()))
        == organisation
    )

    # The token still says member; the person has since moved to another organisation.
    other = an_organisation(uow, a_cluster(uow, name="Flemish Fashion Hub"))
    uow.database.people[person.id] = replace(person, organisation_id=other.id)
    with pytest.raises(NotAllowed):
        await applications.get_organisation(uow, organisation.id, token_of(person.principal()))


async def test_stale_tokens_are_refused_before_anything_is_read_or_changed() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=Status.ACTIVE)
    person = a_person(uow, role=Role.ORGANISATION_ADMIN, organisation_id=organisation.id)
    token = person.principal()
    change = profiles.UpdateProfile(organisation.id, ProfileChanges(city="Terrassa"))
    ended = Session(uuid4(), person.id, NOW, NOW + timedelta(hours=1), "hash", revoked_at=NOW)
    uow.database.sessions[ended.id] = ended
    before = uow.database.copy()

    uow.database.people[person.id] = replace(person, tokens_valid_from=NOW + timedelta(seconds=1))
    with pytest.raises(TokenRefused):
        await applications.get_organisation(uow, organisation.id, token_of(token))
    with pytest.raises(TokenRefused):
        await profiles.update_profile(uow, token_of(token), change)
    uow.database.people[person.id] = person
    with pytest.raises(SessionEnded):
        await profiles.update_profile(uow, token_of(token, session_id=ended.id), change)
    uow.database.people[person.id] = replace(person, status=PersonStatus.ERASED)
    with pytest.raises(TokenRefused, match="no longer exists"):
        await applications.get_organisation(uow, organisation.id, token_of(token))
    uow.database.people[person.id] = person

    assert uow.database == before
    assert uow.events == []


async def test_a_token_holder_changes_their_profile_and_an_unknown_organisation_is_not_found() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=Status.ACTIVE)
    person = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=organisation.id)

    change = profiles.UpdateProfile(organisation.id, ProfileChanges(city="Terrassa"))
    updated = await profiles.update_profile(uow, token_of(person.principal()), change)

    assert uow.database.organisations[organisation.id] == updated
    assert updated.profile.city == "Terrassa"
    with pytest.raises(NotFound):
        await applications.get_organisation(uow, uuid4(), token_of(person.principal()))
