"""Sessions: a refresh token works once, within an absolute lifetime, and can be ended."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cloth_shared.contracts.membership import PersonSessionsRevoked
from cloth_shared.errors import NotAllowed, TokenRefused
from membership.domain import sessions as rules
from membership.domain.people import token_still_valid
from membership.domain.sessions import RefreshTokenReused, SessionEnded
from membership.service_layer import accounts, sessions

from .builders import a_person, platform_admin, signed_in
from .fakes import FakeMembershipUnitOfWork, fake_identity

ADDRESS = "192.0.2.10"


async def signed_in_with_a_session(uow: FakeMembershipUnitOfWork) -> tuple[sessions.IssuedToken, str]:
    person = a_person(uow, password="right")
    issued = await accounts.sign_in(
        uow, fake_identity(), email=str(person.email), password="right", client_address=ADDRESS
    )
    assert issued.refresh_token is not None
    return issued, issued.refresh_token


async def test_signing_in_starts_a_session_whose_refresh_token_is_stored_hashed() -> None:
    uow = FakeMembershipUnitOfWork()
    _, refresh_token = await signed_in_with_a_session(uow)

    [session] = uow.database.sessions.values()
    assert refresh_token not in {session.refresh_token_hash, *uow.database.refresh_tokens}


async def test_a_refresh_token_is_rotated_and_works_once() -> None:
    uow = FakeMembershipUnitOfWork()
    _, first = await signed_in_with_a_session(uow)

    second = await sessions.refresh(uow, fake_identity(), first)

    assert second.refresh_token not in (None, first)
    third = await sessions.refresh(uow, fake_identity(), str(second.refresh_token))
    assert third.principal == second.principal


async def test_reusing_a_rotated_refresh_token_ends_the_whole_session() -> None:
    uow = FakeMembershipUnitOfWork()
    _, stolen = await signed_in_with_a_session(uow)
    legitimate = await sessions.refresh(uow, fake_identity(), stolen)

    with pytest.raises(RefreshTokenReused):
        await sessions.refresh(uow, fake_identity(), stolen)

    with pytest.raises(SessionEnded):  # the legitimate holder's next token is refused too
        await sessions.refresh(uow, fake_identity(), str(legitimate.refresh_token))


async def test_a_session_ends_at_its_absolute_lifetime_however_often_it_is_refreshed() -> None:
    uow = FakeMembershipUnitOfWork()
    _, token = await signed_in_with_a_session(uow)
    [session] = uow.database.sessions.values()
    uow.database.sessions[session.id] = replace(session, expires_at=datetime.now(UTC) - timedelta(seconds=1))

    with pytest.raises(SessionEnded):
        await sessions.refresh(uow, fake_identity(), token)


async def test_signing_out_ends_the_session_of_the_token() -> None:
    uow = FakeMembershipUnitOfWork()
    issued, token = await signed_in_with_a_session(uow)
    [session] = uow.database.sessions.values()

    await sessions.sign_out(uow, replace(issued.principal, session_id=session.id))

    with pytest.raises(SessionEnded):
        await sessions.refresh(uow, fake_identity(), token)


async def test_signing_out_everywhere_refuses_earlier_tokens_and_tells_every_service() -> None:
    uow = FakeMembershipUnitOfWork()
    issued, token = await signed_in_with_a_session(uow)
    person_id = issued.principal.subject

    await sessions.sign_out_everywhere(uow, signed_in(uow.database.people[person_id]), person_id)

    with pytest.raises(SessionEnded):
        await sessions.refresh(uow, fake_identity(), token)
    [event] = uow.events
    assert isinstance(event, PersonSessionsRevoked)
    assert (event.person_id, event.reason) == (person_id, "signed_out_everywhere")
    assert not tokens_count(uow, person_id, issued_before=True)


def tokens_count(uow: FakeMembershipUnitOfWork, person_id: UUID, *, issued_before: bool) -> bool:
    person = uow.database.people[person_id]
    assert person.tokens_valid_from is not None
    at = person.tokens_valid_from.timestamp() + (-1 if issued_before else 1)
    return token_still_valid(person, issued_at=at)


async def test_an_administrator_ends_a_persons_sessions_and_nobody_else_may() -> None:
    uow = FakeMembershipUnitOfWork()
    issued, _ = await signed_in_with_a_session(uow)
    person_id = issued.principal.subject
    stranger = a_person(uow)

    with pytest.raises(NotAllowed):
        await sessions.sign_out_everywhere(uow, signed_in(stranger), person_id)
    await sessions.sign_out_everywhere(uow, platform_admin(), person_id)

    assert [e.reason for e in uow.events if isinstance(e, PersonSessionsRevoked)] == [
        "revoked_by_administrator"
    ]


async def test_changing_the_password_ends_every_session() -> None:
    uow = FakeMembershipUnitOfWork()
    issued, token = await signed_in_with_a_session(uow)
    person = uow.database.people[issued.principal.subject]

    await accounts.change_password(
        uow, fake_identity(), signed_in(person), current="right", new="another long password"
    )

    with pytest.raises(TokenRefused):
        await sessions.refresh(uow, fake_identity(), token)
    assert [e.reason for e in uow.events if isinstance(e, PersonSessionsRevoked)] == ["password_changed"]
    assert not tokens_count(uow, person.id, issued_before=True)
    assert tokens_count(uow, person.id, issued_before=False)


def test_a_session_refuses_a_token_other_than_its_current_one() -> None:
    now = datetime.now(UTC)
    session = rules.start(uuid4(), refresh_token_hash="h1", at=now, lifetime=timedelta(hours=1))
    rotated = rules.rotate(session, presented_hash="h1", new_hash="h2", at=now)

    with pytest.raises(RefreshTokenReused):
        rules.rotate(rotated, presented_hash="h1", new_hash="h3", at=now)
