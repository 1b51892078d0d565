"""Learning plans: matched on category, value chains, languages and completed exchanges, read
through the catalogue as it is at the time, by the organisation's people and its managers."""

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed, NotFound
from cloth_shared.testing.examples import (
    MODACC,
    enveloped,
    exchange_completed,
    sme_joined,
    stakeholder_joined,
)
from knowledge.domain.training.courses import Audience, Language, SkillArea
from knowledge.service_layer.learning_plans import describe_learner, learn_from_exchange, learning_plan
from knowledge.service_layer.library_organisations import remember_organisation
from knowledge.service_layer.training.courses import create_course

from .fakes import FakeKnowledgeUnitOfWork
from .training_world import a_course, manager

ORGANISATION = uuid4()
PERSON = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=ORGANISATION)


async def joined(uow: FakeKnowledgeUnitOfWork, **profile: object) -> None:
    event = sme_joined(organisation_id=ORGANISATION, **profile)
    async with uow:
        await remember_organisation(uow, enveloped(event), event)
        await describe_learner(uow, enveloped(event), event)
        await uow.commit()


async def titles(uow: FakeKnowledgeUnitOfWork, caller: Principal = PERSON) -> list[str]:
    plan = await learning_plan(uow, caller, ORGANISATION, limit=20)
    return [course.title for course in plan.courses]


async def test_an_sme_is_suggested_members_courses_of_its_value_chains_in_its_languages() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await joined(uow, value_chains=("circular_economy",), languages=("es",))
    for title, area, language, audience in (
        ("Ecodiseño circular", SkillArea.GREEN, Language.ES, Audience.MEMBERS),
        ("Vender online", SkillArea.ENTREPRENEURIAL, Language.ES, Audience.BOTH),
        ("Circular design", SkillArea.GREEN, Language.EN, Audience.MEMBERS),
        ("Dirigir un clúster", SkillArea.GREEN, Language.ES, Audience.CLUSTER_MANAGERS),
        ("Tejidos técnicos", SkillArea.TECHNICAL, Language.ES, Audience.MEMBERS),
    ):
        course = a_course(title=title, skill_area=area, language=language, audience=audience)
        await create_course(uow, manager(), course)

    plan = await learning_plan(uow, PERSON, ORGANISATION, limit=20)
    assert (plan.audience, plan.languages, plan.skill_areas) == (
        Audience.MEMBERS,
        (Language.ES,),
        (SkillArea.GREEN, SkillArea.ENTREPRENEURIAL),
    )
    assert [course.title for course in plan.courses] == ["Ecodiseño circular", "Vender online"]


async def test_a_course_created_after_joining_is_in_the_next_reading() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await joined(uow, value_chains=("digital_technology",))
    assert await titles(uow) == []
    await create_course(
        uow, manager(), a_course(title="Digital product passports", skill_area=SkillArea.DIGITAL)
    )
    assert await titles(uow) == ["Digital product passports"]


async def test_a_completed_exchange_adds_what_the_visitor_went_to_learn_once() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await joined(uow, value_chains=("circular_economy",))
    await create_course(uow, manager(), a_course(title="Technical textiles", skill_area=SkillArea.TECHNICAL))
    event = exchange_completed(visitor=ORGANISATION, activity_kind="research_and_development")
    for _ in range(2):  # redelivered
        async with uow:
            await learn_from_exchange(uow, enveloped(event, producer="exchange"), event)
            await uow.commit()
    plan = await learning_plan(uow, PERSON, ORGANISATION, limit=20)
    assert plan.skill_areas == (SkillArea.GREEN, SkillArea.TECHNICAL, SkillArea.ENTREPRENEURIAL)
    assert [course.title for course in plan.courses] == ["Technical textiles"]


async def test_an_exchange_before_joining_is_kept_when_membership_describes_the_organisation() -> None:
    uow = FakeKnowledgeUnitOfWork()
    event = exchange_completed(visitor=ORGANISATION, activity_kind="market_research")
    async with uow:
        await learn_from_exchange(uow, enveloped(event, producer="exchange"), event)
        await uow.commit()
    await joined(uow, value_chains=("fashion_textile",), languages=("bg", "xx"))
    plan = await learning_plan(uow, PERSON, ORGANISATION, limit=20)
    assert (plan.languages, plan.skill_areas) == (
        (Language.BG,),
        (SkillArea.TECHNICAL, SkillArea.ENTREPRENEURIAL),
    )


async def test_a_cluster_organisation_is_suggested_cluster_managers_courses_in_english_by_default() -> None:
    uow = FakeKnowledgeUnitOfWork()
    event = stakeholder_joined(category="cluster_organisation")
    organisation = event.organisation.organisation_id
    async with uow:
        await remember_organisation(uow, enveloped(event), event)
        await describe_learner(uow, enveloped(event), event)
        await uow.commit()
    plan = await learning_plan(uow, manager(), organisation, limit=20)
    assert (plan.audience, plan.languages, plan.skill_areas) == (
        Audience.CLUSTER_MANAGERS,
        (Language.EN,),
        (SkillArea.MANAGEMENT,),
    )


async def test_an_older_description_replayed_later_changes_nothing() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await joined(uow, value_chains=("digital_technology",))
    older = sme_joined(organisation_id=ORGANISATION, value_chains=("fashion_textile",))
    envelope = enveloped(older).model_copy(update={"occurred_at": datetime(2020, 1, 1, tzinfo=UTC)})
    async with uow:
        await describe_learner(uow, envelope, older)
        await uow.commit()
    assert uow.database.learner_profiles[ORGANISATION].value_chains == ("digital_technology",)


async def test_its_people_its_cluster_managers_and_administrators_read_the_plan_others_are_refused() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await joined(uow, cluster_id=MODACC)
    admin = Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))
    for reader in (PERSON, manager(MODACC), admin):
        assert (await learning_plan(uow, reader, ORGANISATION, limit=5)).organisation_id == ORGANISATION
    stranger = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4())
    for refused in (stranger, manager(uuid4())):
        with pytest.raises(NotAllowed):
            await learning_plan(uow, refused, ORGANISATION, limit=5)


async def test_the_plan_of_an_organisation_knowledge_never_heard_of_is_not_found() -> None:
    with pytest.raises(NotFound):
        await learning_plan(FakeKnowledgeUnitOfWork(), PERSON, ORGANISATION, limit=5)
