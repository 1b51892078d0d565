"""Membership's events as use cases on the fake unit of work, run as the inbox runs them."""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import exchange as contract
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import MembershipEnded, OrganisationProfileUpdated, PersonRemoved
from cloth_shared.errors import NotFound
from cloth_shared.testing.examples import (
    enveloped,
    organisation_snapshot,
    person_erased,
    person_joined,
    sme_joined,
    stakeholder_joined,
)
from exchange.domain.people import ERASED_PERSON
from exchange.domain.vocabulary import Category, State
from exchange.service_layer import membership_events as on
from exchange.service_layer.people import what_exchange_holds_about

from .fakes import FakeExchangeUnitOfWork
from .world import World

LATER = datetime.now(UTC) + timedelta(minutes=5)


async def consume(uow: FakeExchangeUnitOfWork, handler, event: Event, **envelope) -> None:  # type: ignore[no-untyped-def]
    """As the inbox runs a handler: inside the unit of work, committed after it."""
    async with uow:
        await handler(uow, enveloped(event, **envelope), event)
        await uow.commit()


def caller(person_id: UUID) -> Principal:
    return Principal(person_id, frozenset({Role.ORGANISATION_ADMIN}))


async def test_a_joined_sme_is_known_with_its_profile_as_an_active_member() -> None:
    uow = FakeExchangeUnitOfWork()
    joined = sme_joined(country="BG", region="BG323", latitude=43.84, longitude=25.97, languages=("bg", "en"))
    await consume(uow, on.remember_organisation, joined)
    async with uow:
        party = await uow.organisations.get(joined.organisation.organisation_id)
    assert party is not None and party.is_active
    assert (party.category, party.country, party.region) == (Category.SME, "BG", "BG323")
    assert party.coordinates is not None and party.languages == {"bg", "en"}


async def test_a_stakeholder_without_coordinates_is_known_without_them() -> None:
    uow = FakeExchangeUnitOfWork()
    joined = stakeholder_joined(category="public_body")
    await consume(uow, on.remember_organisation, joined)
    async with uow:
        party = await uow.organisations.get(joined.organisation.organisation_id)
    assert party is not None and party.coordinates is None and party.category is Category.PUBLIC_BODY


async def test_a_profile_update_keeps_an_ended_membership_ended() -> None:
    uow = FakeExchangeUnitOfWork()
    snapshot = organisation_snapshot()
    await consume(
        uow, on.end_membership, MembershipEnded(organisation=snapshot, reason="left", ended_at=LATER)
    )
    updated = OrganisationProfileUpdated(organisation=snapshot.model_copy(update={"city": "Igualada"}))
    await consume(uow, on.update_organisation, updated)
    async with uow:
        party = await uow.organisations.get(snapshot.organisation_id)
    assert party is not None and not party.is_active


async def test_membership_ended_cancels_unapproved_exchanges_and_flags_approved_ones_to_the_managers() -> (
    None
):
    world = await World().start()
    waiting = await world.accepted()
    other = World(uow=world.uow, host=world.host)
    await other.know(other.visitor)
    other.programme = world.programme
    running = await other.approved()
    host = world.host
    snapshot = organisation_snapshot(
        organisation_id=host.organisation_id, category="sme", cluster_id=host.cluster_id, country="ES"
    )
    await consume(
        world.uow,
        on.end_membership,
        MembershipEnded(organisation=snapshot, reason="suspended", ended_at=LATER),
    )

    db = world.uow.database
    assert db.exchanges[waiting.id].state is State.CANCELLED
    assert db.exchanges[waiting.id].closing_reason == "The host organisation's membership ended (suspended)."
    assert db.exchanges[running.id].state is State.APPROVED
    assert db.exchanges[running.id].at_risk is not None
    announced = {type(event): event for event in world.uow.events[-2:]}  # in exchange-id order
    flagged, cancelled = announced[contract.ExchangeAtRiskFlagged], announced[contract.ExchangeCancelled]
    assert (flagged.side, flagged.state, flagged.exchange.host_cluster_id) == (
        "host",
        "approved",
        host.cluster_id,
    )
    assert cancelled.cancelled_by is None


async def test_an_older_membership_ended_replayed_after_a_reinstatement_changes_nothing() -> None:
    uow = FakeExchangeUnitOfWork()
    snapshot = organisation_snapshot()
    ended = MembershipEnded(organisation=snapshot, reason="suspended", ended_at=LATER)
    ended_envelope = enveloped(ended)
    reinstated = sme_joined(organisation_id=snapshot.organisation_id)
    await consume(uow, on.remember_organisation, reinstated)  # newer
    async with uow:
        stale = ended_envelope.model_copy(
            update={"occurred_at": ended_envelope.occurred_at - timedelta(hours=1)}
        )
        await on.end_membership(uow, stale, ended)
        await uow.commit()
    async with uow:
        party = await uow.organisations.get(snapshot.organisation_id)
    assert party is not None and party.is_active


async def test_a_person_who_joined_is_known_with_the_organisation_they_act_for() -> None:
    uow, organisation_id = FakeExchangeUnitOfWork(), uuid4()
    joined = person_joined(organisation_id=organisation_id, display_name="Laia")
    await consume(uow, on.remember_person, joined)
    known = await what_exchange_holds_about(uow, caller(joined.person_id))
    assert (known.display_name, known.organisation_id) == ("Laia", organisation_id)


async def test_a_removed_person_acts_for_nobody_any_more() -> None:
    uow, organisation_id = FakeExchangeUnitOfWork(), uuid4()
    joined = person_joined(organisation_id=organisation_id)
    await consume(uow, on.remember_person, joined)
    removed = PersonRemoved(person_id=joined.person_id, organisation_id=organisation_id, removed_at=LATER)
    await consume(uow, on.detach_person, removed)
    known = await what_exchange_holds_about(uow, caller(joined.person_id))
    assert (known.role, known.organisation_id) == (None, None)


async def test_an_erased_person_is_forgotten_and_named_erased_person_even_if_announced_again() -> None:
    uow = FakeExchangeUnitOfWork()
    joined = person_joined()
    await consume(uow, on.remember_person, joined)
    await consume(uow, on.forget_person, person_erased(joined.person_id))
    await consume(uow, on.remember_person, joined)  # an old announcement, replayed
    assert joined.person_id not in uow.database.people
    with pytest.raises(NotFound):
        await what_exchange_holds_about(uow, caller(joined.person_id))
    async with uow:
        assert await uow.people.names([joined.person_id]) == {joined.person_id: ERASED_PERSON}


async def test_an_older_announcement_replayed_late_does_not_overwrite_a_newer_one() -> None:
    uow, person_id = FakeExchangeUnitOfWork(), uuid4()
    older_event = person_joined(person_id, role="organisation_member")
    older = enveloped(older_event)
    newer_event = person_joined(person_id, role="organisation_admin")
    newer = enveloped(newer_event)
    for envelope, event in ((newer, newer_event), (older, older_event)):
        async with uow:
            await on.remember_person(uow, envelope, event)
            await uow.commit()
    assert uow.database.people[person_id].role == "organisation_admin"
