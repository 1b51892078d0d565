"""Revocation: a service refuses a person's tokens issued before their last change of authority."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.auth.revocation import (
    REVOKING_EVENTS,
    TokenRevocation,
    refuse_earlier_tokens,
    with_revocation,
)
from cloth_shared.contracts.membership import PersonJoined, PersonRoleChanged, PersonSessionsRevoked
from cloth_shared.errors import TokenRefused
from cloth_shared.testing.examples import enveloped
from cloth_shared.testing.revocation import FakeTokenValidity

NOW = datetime.now(UTC)


def a_token_of(subject, *, issued_at: datetime) -> Principal:  # type: ignore[no-untyped-def]
    return Principal(subject, frozenset({Role.ORGANISATION_ADMIN}), issued_at=issued_at.timestamp())


async def test_a_token_issued_before_the_persons_valid_from_is_refused_and_a_later_one_accepted() -> None:
    subject = uuid4()
    validity = FakeTokenValidity({subject: NOW})
    check = TokenRevocation(validity)

    with pytest.raises(TokenRefused):
        await check.check(a_token_of(subject, issued_at=NOW - timedelta(milliseconds=5)))
    await check.check(a_token_of(subject, issued_at=NOW + timedelta(milliseconds=5)))
    await check.check(a_token_of(uuid4(), issued_at=NOW - timedelta(days=1)))  # nobody revoked them


async def test_valid_from_only_moves_forward_whatever_order_events_arrive_in() -> None:
    subject, store = uuid4(), FakeTokenValidity({})
    await store.refuse_before(subject, NOW)
    await store.refuse_before(subject, NOW - timedelta(minutes=1))
    assert await store.valid_from(subject) == NOW


async def test_a_services_own_handler_still_runs_before_tokens_are_refused() -> None:
    seen: list[str] = []

    async def own(uow, envelope, event) -> None:  # type: ignore[no-untyped-def]
        seen.append(type(event).__name__)

    handlers = with_revocation({PersonRoleChanged: own, PersonJoined: own})

    assert set(REVOKING_EVENTS) <= set(handlers)
    assert handlers[PersonJoined] is own  # joining revokes nothing
    assert handlers[PersonSessionsRevoked] is refuse_earlier_tokens

    class Uow:
        token_validity = FakeTokenValidity({})

    event = PersonSessionsRevoked(person_id=uuid4(), reason="password_changed", revoked_at=NOW)
    envelope = enveloped(event)
    await handlers[PersonSessionsRevoked](Uow(), envelope, event)
    assert await Uow.token_validity.valid_from(event.person_id) == envelope.occurred_at
