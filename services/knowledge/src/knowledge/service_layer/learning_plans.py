"""Learning plans: learner profiles kept from other services' events, plans read through them.

The consumed-event use cases run inside the inbox's open unit of work and do not commit. Two
deliveries about one new organisation (membership's and exchange's consumers are separate) may
both find no profile and both insert; the second fails on the primary key, and the inbox's retry
applies it on top of the first.
"""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.exchange import ExchangeCompleted
from cloth_shared.contracts.membership import OrganisationProfileUpdated, SMEJoined, StakeholderJoined
from cloth_shared.errors import NotFound
from knowledge.domain import learning_plans as rules
from knowledge.domain.learning_plans import LearnerProfile
from knowledge.domain.training.courses import Audience, Course, Language, SkillArea
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.training.courses import suggested_courses

Envelope = EventEnvelope[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class LearningPlan:
    organisation_id: UUID
    audience: Audience
    languages: tuple[Language, ...]
    skill_areas: tuple[SkillArea, ...]
    courses: list[Course]


async def describe_learner(
    uow: KnowledgeUnitOfWork,
    envelope: Envelope,
    event: SMEJoined | StakeholderJoined | OrganisationProfileUpdated,
) -> None:
    """Membership described an organisation: its plan follows its category, value chains, languages."""
    organisation = event.organisation
    kept = rules.described(
        await uow.learner_profiles.get(organisation.organisation_id, for_update=True),
        organisation_id=organisation.organisation_id,
        category=organisation.category,
        value_chains=organisation.value_chains,
        languages=organisation.languages,
        at=envelope.occurred_at,
    )
    if kept is not None:
        await uow.learner_profiles.save(kept)


async def learn_from_exchange(uow: KnowledgeUnitOfWork, envelope: Envelope, event: ExchangeCompleted) -> None:
    """The visitor completed an exchange: its plan also follows what it went to learn."""
    exchange = event.exchange
    kept = rules.exchanged(
        await uow.learner_profiles.get(exchange.visitor_organisation_id, for_update=True),
        organisation_id=exchange.visitor_organisation_id,
        category=exchange.visitor_category,
        activity=exchange.activity_kind,
    )
    if kept is not None:
        await uow.learner_profiles.save(kept)


async def learning_plan(
    uow: KnowledgeUnitOfWork, caller: Principal, organisation_id: UUID, *, limit: int
) -> LearningPlan:
    """The courses suggested to an organisation now, from the catalogue as it is now."""
    async with uow.reading():
        known = await uow.library_organisations.get(organisation_id)
        rules.check_reads_plan(caller, organisation_id, known.cluster_id if known else None)
        profile = await uow.learner_profiles.get(organisation_id)
    if profile is None:
        raise NotFound("knowledge has not heard of this organisation yet", code="learning-plan-not-found")
    return await _plan(uow, profile, limit=limit)


async def _plan(uow: KnowledgeUnitOfWork, profile: LearnerProfile, *, limit: int) -> LearningPlan:
    audience, languages = rules.audience(profile), rules.languages(profile)
    skill_areas = rules.skill_areas(profile)
    courses = await suggested_courses(
        uow, audience=audience, languages=languages, skill_areas=skill_areas or None, limit=limit
    )
    return LearningPlan(profile.organisation_id, audience, languages, skill_areas, courses)
