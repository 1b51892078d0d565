"""Authors credited by knowledge: fed by membership's people events, anonymised on erasure."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotFound
from cloth_shared.testing.examples import enveloped, person_erased, person_joined
from knowledge.domain.authors import ERASED_PERSON, Author, announced, erase
from knowledge.service_layer.membership_events import credit_author, erase_author
from knowledge.service_layer.people import what_knowledge_holds_about

from .fakes import FakeKnowledgeUnitOfWork

NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)


async def consume(uow: FakeKnowledgeUnitOfWork, handler, event, **envelope) -> None:  # type: ignore[no-untyped-def]
    """As the inbox runs a handler: inside the unit of work, committed after it."""
    async with uow:
        await handler(uow, enveloped(event, **envelope), event)
        await uow.commit()


def an_author(**overrides) -> Author:  # type: ignore[no-untyped-def]
    return Author(
        **{
            "person_id": uuid4(),
            "display_name": "Ana",
            "organisation_id": uuid4(),
            "updated_at": NOON,
            **overrides,
        }
    )


def test_an_erased_author_keeps_the_row_but_nothing_that_identifies_them() -> None:
    erased = erase(an_author(), at=NOON)
    assert (erased.display_name, erased.organisation_id, erased.erased) == (ERASED_PERSON, None, True)


def test_an_older_announcement_or_one_after_erasure_changes_nothing() -> None:
    known = an_author()
    older = an_author(person_id=known.person_id, updated_at=NOON - timedelta(hours=1))
    newer = an_author(person_id=known.person_id, updated_at=NOON + timedelta(hours=1))
    assert announced(known, older) is None
    assert announced(known, newer) == newer
    assert announced(None, older) == older
    assert announced(erase(known, at=NOON), newer) is None


async def test_a_person_who_joined_is_credited_by_the_name_membership_announced() -> None:
    uow = FakeKnowledgeUnitOfWork()
    joined = person_joined(display_name="Laia Puig")
    await consume(uow, credit_author, joined)
    me = Principal(joined.person_id, frozenset({Role.ORGANISATION_MEMBER}))
    assert (await what_knowledge_holds_about(uow, me)).display_name == "Laia Puig"


async def test_an_erased_person_is_credited_as_erased_and_a_replay_does_not_bring_the_name_back() -> None:
    uow = FakeKnowledgeUnitOfWork()
    joined = person_joined(display_name="Laia Puig")
    await consume(uow, credit_author, joined)
    await consume(uow, erase_author, person_erased(joined.person_id))
    await consume(uow, credit_author, joined)  # a replay of the topic from the beginning

    assert uow.database.authors[joined.person_id].display_name == ERASED_PERSON
    with pytest.raises(NotFound):
        await what_knowledge_holds_about(uow, Principal(joined.person_id, frozenset()))
