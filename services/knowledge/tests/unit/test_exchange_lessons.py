"""A completed exchange with a shared summary starts one lessons-learned draft for the visitor."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts.exchange import ExchangeCompleted
from cloth_shared.errors import NotAllowed
from cloth_shared.testing.examples import enveloped, exchange_completed, sme_joined
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus
from knowledge.service_layer import resource_reads as reads
from knowledge.service_layer import resources as commands
from knowledge.service_layer.exchange_lessons import draft_lessons_learned
from knowledge.service_layer.learning_plans import describe_learner, learn_from_exchange
from knowledge.service_layer.library_organisations import remember_organisation

from .fakes import FakeKnowledgeUnitOfWork

VISITOR, HOST = uuid4(), uuid4()


async def delivered(uow: FakeKnowledgeUnitOfWork, event: ExchangeCompleted, times: int = 1) -> None:
    """As the inbox runs the subscription: in order, one transaction per delivery."""
    envelope = enveloped(event, producer="exchange")
    for _ in range(times):
        async with uow:
            await learn_from_exchange(uow, envelope, event)
            await draft_lessons_learned(uow, envelope, event)
            await uow.commit()


async def test_a_shared_summary_starts_a_draft_for_the_visitor_prefilled_from_the_exchange() -> None:
    uow = FakeKnowledgeUnitOfWork()
    host = sme_joined("Tricotaje Brasov SRL", organisation_id=HOST, country="RO")
    async with uow:
        await remember_organisation(uow, enveloped(host), host)
        await uow.commit()
    event = exchange_completed(
        visitor=VISITOR,
        host=HOST,
        shared_summary="Natural dyes at scale.",
        shared_lessons_learned="Test early.",
    )
    await delivered(uow, event)

    (draft,) = uow.database.resources.values()
    latest = draft.latest
    assert (draft.kind, draft.author_organisation_id, latest.status) == (
        Kind.LESSONS_LEARNED,
        VISITOR,
        RevisionStatus.DRAFT,
    )
    assert latest.content.title == "Lessons learned: knowledge sharing with Tricotaje Brasov SRL"
    assert latest.content.summary == "Natural dyes at scale."
    for line in ("- Host: Tricotaje Brasov SRL (RO)", "- From ES to RO", "Test early.", "2027-03-01"):
        assert line in latest.content.body
    assert draft.source_key == f"exchange:{event.exchange.exchange_id}"
    assert uow.events == []  # the draft is the visitor's own until its people submit it


async def test_a_redelivered_completion_starts_no_second_draft() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await delivered(uow, exchange_completed(visitor=VISITOR), times=3)
    assert len(uow.database.resources) == 1
    assert uow.database.learner_profiles[VISITOR].exchange_activities == ("knowledge_sharing",)


async def test_no_shared_summary_no_draft() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await delivered(uow, exchange_completed(visitor=VISITOR, shared_summary=None))
    assert uow.database.resources == {}


async def test_an_unknown_host_is_named_by_its_country_and_the_draft_is_in_the_visitor_language() -> None:
    uow = FakeKnowledgeUnitOfWork()
    visitor = sme_joined(organisation_id=VISITOR, languages=("ca", "es"))
    async with uow:
        await describe_learner(uow, enveloped(visitor), visitor)
        await uow.commit()
    await delivered(uow, exchange_completed(visitor=VISITOR, activity_kind="market_research"))

    (draft,) = uow.database.resources.values()
    assert draft.language is Language.CA
    assert draft.latest.content.title == "Lessons learned: market research with a host organisation in RO"


async def test_the_visitors_people_read_finish_and_submit_the_draft_others_do_not_see_it() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await delivered(uow, exchange_completed(visitor=VISITOR))
    (draft,) = uow.database.resources.values()
    visitor_person = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=VISITOR)
    stranger = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4())

    mine = await reads.organisation_resources(uow, visitor_person, VISITOR, limit=10, offset=0)
    assert [resource.id for resource in mine] == [draft.id]
    submitted = await commands.submit_resource(uow, visitor_person, draft.id)
    assert submitted.latest.status is RevisionStatus.SUBMITTED
    with pytest.raises(NotAllowed):
        await reads.organisation_resources(uow, stranger, VISITOR, limit=10, offset=0)
