"""People, organisations, programmes, quota counters and figures: the fake and PostgreSQL keep
the same promises (every case runs against both)."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from exchange.domain import programme as programmes
from exchange.domain.figures import Change, ClusterCount, Contribution, FlowCount
from exchange.domain.people import ERASED_PERSON, Person
from exchange.domain.vocabulary import Category

from ..unit.domain import builders as b
from .conftest import UnitOfWorkFactory, committed, read

pytestmark = pytest.mark.integration
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def a_person(**overrides) -> Person:  # type: ignore[no-untyped-def]
    values = {
        "person_id": uuid4(),
        "display_name": "Ana",
        "email": "ana@teixits.example",
        "language": "es",
        "role": "organisation_admin",
        "organisation_id": uuid4(),
        "cluster_id": None,
        "updated_at": NOW,
    }
    return Person(**{**values, **overrides})


async def test_a_remembered_person_is_read_back_as_they_were(new_uow: UnitOfWorkFactory) -> None:
    person = a_person()
    await committed(new_uow, lambda u: u.people.remember(person))
    assert await read(new_uow, lambda u: u.people.get(person.person_id)) == person


async def test_a_newer_announcement_replaces_and_an_older_one_does_not(new_uow: UnitOfWorkFactory) -> None:
    first = a_person()
    newer = replace(first, role="organisation_member", updated_at=NOW + timedelta(minutes=1))
    stale = replace(first, display_name="Old name", updated_at=NOW - timedelta(minutes=1))
    for version in (first, newer, stale):
        await committed(new_uow, lambda u, v=version: u.people.remember(v))
    assert await read(new_uow, lambda u: u.people.get(first.person_id)) == newer


async def test_a_detached_person_keeps_a_name_but_acts_for_nobody(new_uow: UnitOfWorkFactory) -> None:
    person = a_person()
    await committed(new_uow, lambda u: u.people.remember(person))
    await committed(new_uow, lambda u: u.people.detach(person.person_id, at=NOW + timedelta(minutes=1)))
    detached = await read(new_uow, lambda u: u.people.get(person.person_id))
    assert (detached.display_name, detached.role, detached.organisation_id) == ("Ana", None, None)


async def test_a_forgotten_person_is_gone_named_erased_and_not_brought_back(
    new_uow: UnitOfWorkFactory,
) -> None:
    person, other = a_person(), a_person(display_name="Joan")
    for known in (person, other):
        await committed(new_uow, lambda u, k=known: u.people.remember(k))
    await committed(new_uow, lambda u: u.people.forget(person.person_id, at=NOW))
    await committed(new_uow, lambda u: u.people.forget(person.person_id, at=NOW))
    await committed(new_uow, lambda u: u.people.remember(replace(person, updated_at=NOW + timedelta(days=1))))
    assert await read(new_uow, lambda u: u.people.get(person.person_id)) is None
    names = await read(new_uow, lambda u: u.people.names([person.person_id, other.person_id, uuid4()]))
    assert names == {person.person_id: ERASED_PERSON, other.person_id: "Joan"}


async def test_work_not_committed_is_not_kept(new_uow: UnitOfWorkFactory) -> None:
    person = a_person()
    async with new_uow() as uow:
        await uow.people.remember(person)
    assert await read(new_uow, lambda u: u.people.get(person.person_id)) is None


async def test_an_organisation_is_read_back_and_an_older_announcement_is_refused(
    new_uow: UnitOfWorkFactory,
) -> None:
    party = b.a_party(region="PT11", value_chains=frozenset({"fashion_textile"}), legal_name="Fios do Porto")
    assert await committed(new_uow, lambda u: u.organisations.remember(party, as_of=NOW))
    older = replace(party, is_active=False)
    assert not await committed(new_uow, lambda u: u.organisations.remember(older, as_of=NOW - timedelta(1)))
    assert await read(new_uow, lambda u: u.organisations.get(party.organisation_id, for_update=True)) == party
    names = await read(new_uow, lambda u: u.organisations.names([party.organisation_id, uuid4()]))
    assert names == {party.organisation_id: "Fios do Porto"}


async def test_a_programme_is_read_back_with_its_quotas_and_caps_and_closes(
    new_uow: UnitOfWorkFactory,
) -> None:
    programme, older = b.a_programme(), b.a_programme(created_at=b.NOW - timedelta(days=30))
    for p in (older, programme):
        await committed(new_uow, lambda u, p=p: u.programmes.add(p))
    assert await read(new_uow, lambda u: u.programmes.get(programme.id)) == programme
    closed = programmes.close(programme, at=NOW, by=uuid4())
    await committed(new_uow, lambda u: u.programmes.save(closed))
    listed = await read(new_uow, lambda u: u.programmes.list())
    assert [p.id for p in listed] == [programme.id, older.id] and listed[0] == closed


async def test_a_slot_is_taken_only_while_one_is_free_and_a_freed_slot_can_be_taken_again(
    new_uow: UnitOfWorkFactory,
) -> None:
    programme = replace(
        b.a_programme(), quotas=(programmes.Quota(Category.SME, programmes.QuotaSide.VISITOR, 2),)
    )
    await committed(new_uow, lambda u: u.programmes.add(programme))
    takes = [await committed(new_uow, lambda u: u.quotas.take(programme.id, Category.SME)) for _ in range(3)]
    assert takes == [True, True, False]
    await committed(new_uow, lambda u: u.quotas.free(programme.id, Category.SME))
    assert await read(new_uow, lambda u: u.quotas.taken(programme.id, Category.SME)) == 1
    assert await committed(new_uow, lambda u: u.quotas.take(programme.id, Category.SME))
    assert not await committed(new_uow, lambda u: u.quotas.take(programme.id, Category.PUBLIC_BODY))


async def test_figures_add_up_per_category_cluster_and_country_pair(new_uow: UnitOfWorkFactory) -> None:
    programme = b.a_programme()
    await committed(new_uow, lambda u: u.programmes.add(programme))
    cluster = uuid4()
    pt_es = Contribution(programme.id, cluster, Category.SME, "PT", "ES")
    await committed(new_uow, lambda u: u.quotas.take(programme.id, Category.SME))
    for change in (Change(1, 0), Change(0, 1), Change(1, 0), Change(-1, 0)):
        await committed(new_uow, lambda u, c=change: u.figures.record(pt_es, c))
    counts = await read(new_uow, lambda u: u.figures.counts(programme.id))
    sme = next(c for c in counts.categories if c.category is Category.SME)
    assert (sme.slots, sme.approved, sme.completed) == (75, 1, 1)
    assert counts.clusters == (ClusterCount(cluster, 1, 1),)
    assert counts.flows == (FlowCount("PT", "ES", 1, 1),)


async def test_only_one_holder_of_a_lock_at_a_time(new_uow: UnitOfWorkFactory) -> None:
    async with new_uow() as uow:
        assert await uow.try_lock(42)
