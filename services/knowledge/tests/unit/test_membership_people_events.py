"""Membership's people events, as use cases on the fake unit of work."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotFound
from cloth_shared.testing.examples import enveloped, person_erased, person_joined
from knowledge.service_layer.membership_events import forget_contributor, remember_contributor
from knowledge.service_layer.people import what_knowledge_holds_about

from .fakes import FakeKnowledgeUnitOfWork


async def consume(uow: FakeKnowledgeUnitOfWork, handler, event, **envelope) -> None:  # type: ignore[no-untyped-def]
    """As the inbox runs a handler: inside the unit of work, committed after it."""
    async with uow:
        await handler(uow, enveloped(event, **envelope), event)
        await uow.commit()


def caller(person_id) -> Principal:  # type: ignore[no-untyped-def]
    return Principal(person_id, frozenset({Role.ORGANISATION_ADMIN}))


async def test_a_person_who_joined_is_known_with_the_organisation_they_act_for() -> None:
    uow, organisation_id = FakeKnowledgeUnitOfWork(), uuid4()
    joined = person_joined(organisation_id=organisation_id, display_name="Laia")

    await consume(uow, remember_contributor, joined)

    known = await what_knowledge_holds_about(uow, caller(joined.person_id))
    assert (known.display_name, known.organisation_id) == ("Laia", organisation_id)


async def test_an_erased_person_is_forgotten_entirely() -> None:
    uow = FakeKnowledgeUnitOfWork()
    joined = person_joined()
    await consume(uow, remember_contributor, joined)

    await consume(uow, forget_contributor, person_erased(joined.person_id))

    assert uow.database.contributors == {}
    with pytest.raises(NotFound):
        await what_knowledge_holds_about(uow, caller(joined.person_id))


async def test_an_older_announcement_replayed_late_does_not_overwrite_a_newer_one() -> None:
    uow, person_id = FakeKnowledgeUnitOfWork(), uuid4()
    older_event = person_joined(person_id, role="organisation_member")
    older = enveloped(older_event)
    newer_event = person_joined(person_id, role="organisation_admin")
    newer = enveloped(newer_event)
    for envelope, event in ((newer, newer_event), (older, older_event)):
        async with uow:
            await remember_contributor(uow, envelope, event)
            await uow.commit()
    assert uow.database.contributors[person_id].role == "organisation_admin"
