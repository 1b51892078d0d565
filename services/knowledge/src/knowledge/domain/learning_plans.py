"""What a learning plan is matched on: the organisation as membership and exchange described it.

A plan is not stored: it is the course catalogue read through an organisation's learner profile
at the time it is asked for, so a course scheduled later, or a profile changed later, is in the
next reading without any recomputation to keep in step. Only the profile is stored.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAllowed
from knowledge.domain.training.courses import Audience, Language, SkillArea

# What each membership value chain most needs from the programme.
VALUE_CHAIN_SKILLS = {
    "fashion_textile": SkillArea.TECHNICAL,
    "circular_economy": SkillArea.GREEN,
    "creative_industries": SkillArea.ENTREPRENEURIAL,
    "digital_technology": SkillArea.DIGITAL,
}
# A firm grows its business; everyone else runs organisations that serve others.
CATEGORY_SKILLS = {
    "sme": SkillArea.ENTREPRENEURIAL,
    "large_company": SkillArea.MANAGEMENT,
    "cluster_organisation": SkillArea.MANAGEMENT,
    "support_organisation": SkillArea.MANAGEMENT,
    "public_body": SkillArea.MANAGEMENT,
}
# A completed exchange points at what the visitor went to learn: keep learning it at home.
ACTIVITY_SKILLS = {
    "capacity_building": SkillArea.MANAGEMENT,
    "knowledge_sharing": SkillArea.TECHNICAL,
    "research_and_development": SkillArea.TECHNICAL,
    "market_research": SkillArea.ENTREPRENEURIAL,
    "networking": SkillArea.MANAGEMENT,
}
_TAUGHT = frozenset(language.value for language in Language)


@dataclass(frozen=True, slots=True)
class LearnerProfile:
    """An organisation's facts a plan is matched on. `described_at` is when membership last
    described it (None while only exchange has); `exchange_activities` only grow."""

    organisation_id: UUID
    category: str
    value_chains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    exchange_activities: tuple[str, ...] = ()
    described_at: datetime | None = None


def described(
    known: LearnerProfile | None,
    *,
    organisation_id: UUID,
    category: str,
    value_chains: Iterable[str],
    languages: Iterable[str],
    at: datetime,
) -> LearnerProfile | None:
    """Membership described the organisation; None when a replay is older than what is known."""
    if known is not None and known.described_at is not None and known.described_at > at:
        return None
    base = known or LearnerProfile(organisation_id=organisation_id, category=category)
    return replace(
        base, category=category, value_chains=tuple(value_chains), languages=tuple(languages), described_at=at
    )


def exchanged(
    known: LearnerProfile | None, *, organisation_id: UUID, category: str, activity: str
) -> LearnerProfile | None:
    """An exchange of the organisation completed; None when its activity is already counted.
    The category from the exchange stands in until membership's description arrives."""
    base = known or LearnerProfile(organisation_id=organisation_id, category=category)
    if activity in base.exchange_activities:
        return None
    return replace(base, exchange_activities=(*base.exchange_activities, activity))


def audience(profile: LearnerProfile) -> Audience:
    """A cluster organisation's people run clusters; everyone else's are members."""
    return Audience.CLUSTER_MANAGERS if profile.category == "cluster_organisation" else Audience.MEMBERS


def languages(profile: LearnerProfile) -> tuple[Language, ...]:
    """The organisation's languages the programme teaches in; English when it has none of them."""
    taught = tuple(Language(code) for code in profile.languages if code in _TAUGHT)
    return taught or (Language.EN,)


def skill_areas(profile: LearnerProfile) -> tuple[SkillArea, ...]:
    """The skill areas the plan suggests, each once, most specific first: value chains,
    then what exchanges were about, then the category."""
    wanted = [VALUE_CHAIN_SKILLS[chain] for chain in profile.value_chains if chain in VALUE_CHAIN_SKILLS]
    wanted += [ACTIVITY_SKILLS[kind] for kind in profile.exchange_activities if kind in ACTIVITY_SKILLS]
    if profile.category in CATEGORY_SKILLS:
        wanted.append(CATEGORY_SKILLS[profile.category])
    return tuple(dict.fromkeys(wanted))


def check_reads_plan(caller: Principal, organisation_id: UUID, cluster_id: UUID | None) -> None:
    """An organisation's plan is read by its people, its cluster's managers and administrators.
    `cluster_id` is the organisation's home cluster, None while knowledge does not know it."""
    manager = cluster_id is not None and caller.manages_cluster(cluster_id)
    if not (caller.belongs_to(organisation_id) or manager or caller.is_admin):
        raise NotAllowed(
            "only the organisation's people, its cluster's managers or administrators read its plan",
            code="not-your-learning-plan",
        )
