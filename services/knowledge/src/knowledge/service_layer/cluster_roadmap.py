"""Use cases of each partner cluster's roadmap: its own strategy, its labels, the cooperation map."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from knowledge.domain import cluster_strategies, cooperation, excellence_labels, roadmap, roadmap_access
from knowledge.domain.cluster_strategies import ClusterAction, ClusterStrategy, Progress
from knowledge.domain.excellence_labels import Certification, LabelLevel, PlannedStep
from knowledge.domain.partners import partner
from knowledge.domain.roadmap import StrategyVersion
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.roadmap_events import cluster_strategy_updated, label_awarded


@dataclass(frozen=True, slots=True)
class UpdateClusterStrategy:
    summary: str
    actions: tuple[ClusterAction, ...]
    progress: tuple[Progress, ...]


@dataclass(frozen=True, slots=True)
class AlignedStrategy:
    """A cluster's strategy with the version of the common strategy it follows."""

    strategy: ClusterStrategy
    aligned_with: StrategyVersion

    @property
    def standings(self) -> tuple[cluster_strategies.Standing, ...]:
        return cluster_strategies.standings(self.strategy, self.aligned_with)


@dataclass(frozen=True, slots=True)
class AwardLabel:
    level: LabelLevel
    awarded_on: date
    valid_until: date | None = None


async def update_cluster_strategy(
    uow: KnowledgeUnitOfWork, caller: Principal, cluster_id: UUID, command: UpdateClusterStrategy
) -> AlignedStrategy:
    """The cluster's managers or an administrator replace its strategy (ClusterStrategyUpdated)."""
    partner(cluster_id)
    roadmap_access.plan_for_cluster(caller, cluster_id)
    async with uow:
        reference = roadmap.reference(await uow.partnership_strategy.versions())
        strategy = cluster_strategies.update(
            await uow.cluster_strategies.get(cluster_id, for_update=True),
            cluster_id=cluster_id,
            summary=command.summary,
            actions=command.actions,
            progress=command.progress,
            reference=reference,
            by=caller.subject,
            at=datetime.now(UTC),
        )
        assert reference is not None  # update refuses to align with nothing
        await uow.cluster_strategies.save(strategy)
        uow.emit(cluster_strategy_updated(strategy, reference))
        await uow.commit()
    return AlignedStrategy(strategy, reference)


async def cluster_strategy(uow: KnowledgeUnitOfWork, cluster_id: UUID) -> AlignedStrategy:
    """A partner cluster's strategy and where it stands on the common indicators (public)."""
    partner(cluster_id)
    async with uow.reading():
        strategy = await uow.cluster_strategies.get(cluster_id)
        versions = await uow.partnership_strategy.versions()
    if strategy is None:
        raise NotFound("this cluster has not written its strategy yet", code="cluster-strategy-not-found")
    return AlignedStrategy(strategy, versions[strategy.aligned_with_version - 1])


async def award_label(
    uow: KnowledgeUnitOfWork, caller: Principal, cluster_id: UUID, command: AwardLabel
) -> Certification:
    """An administrator records a cluster-excellence label (ClusterLabelAwarded)."""
    partner(cluster_id)
    roadmap_access.award_labels(caller)
    async with uow:
        known = await uow.certifications.get(cluster_id, for_update=True)
        awarded = excellence_labels.award(
            known,
            command.level,
            awarded_on=command.awarded_on,
            valid_until=command.valid_until,
            by=caller.subject,
            at=datetime.now(UTC),
        )
        await uow.certifications.save(awarded)
        previous = known.current.level if known.current else None
        assert awarded.current is not None
        uow.emit(label_awarded(cluster_id, awarded.current, previous))
        await uow.commit()
    return awarded


async def plan_next_label(
    uow: KnowledgeUnitOfWork, caller: Principal, cluster_id: UUID, steps: tuple[PlannedStep, ...]
) -> Certification:
    """The cluster's managers or an administrator plan the steps to the next label level."""
    partner(cluster_id)
    roadmap_access.plan_for_cluster(caller, cluster_id)
    async with uow:
        planned = excellence_labels.plan_next_level(
            await uow.certifications.get(cluster_id, for_update=True), steps
        )
        await uow.certifications.save(planned)
        await uow.commit()
    return planned


async def certification(uow: KnowledgeUnitOfWork, cluster_id: UUID) -> Certification:
    """A partner cluster's labels and plan (public)."""
    partner(cluster_id)
    async with uow.reading():
        return await uow.certifications.get(cluster_id)


@dataclass(frozen=True, slots=True)
class CooperationMap:
    certifications: dict[UUID, Certification]
    links: tuple[cooperation.Link, ...]
    strategy_version: int | None


async def cooperation_map(uow: KnowledgeUnitOfWork) -> CooperationMap:
    """Which partner clusters work together on which actions, with their labels (public)."""
    async with uow.reading():
        reference = roadmap.reference(await uow.partnership_strategy.versions())
        strategies = await uow.cluster_strategies.all()
        certified = {c.cluster_id: c for c in await uow.certifications.all()}
    links = cooperation.links(reference, strategies)
    return CooperationMap(certified, links, reference.number if reference else None)
