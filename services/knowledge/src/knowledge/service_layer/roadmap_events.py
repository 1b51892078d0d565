"""The contract events the roadmap's facts are announced with (domain → cloth_shared.contracts)."""

from uuid import UUID

from cloth_shared.contracts import knowledge_roadmap as contract
from cloth_shared.contracts.envelope import Event
from knowledge.domain.analyses import RegionalAnalysis
from knowledge.domain.cluster_strategies import ClusterStrategy, share_of_target
from knowledge.domain.excellence_labels import Award, LabelLevel
from knowledge.domain.partners import PartnerCluster
from knowledge.domain.roadmap import Endorsed, StrategyVersion


def analysis_published(
    analysis: RegionalAnalysis, region: PartnerCluster
) -> contract.RegionalAnalysisPublished:
    indicators = tuple(
        contract.AnalysisIndicator(
            key=i.key, value=i.value, unit=i.unit, source_title=i.source.title, source_url=i.source.url
        )
        for i in analysis.indicators
    )
    return contract.RegionalAnalysisPublished(
        region_code=analysis.region_code,
        cluster_id=region.cluster_id,
        year=analysis.year,
        revision=analysis.revision,
        indicators=indicators,
        published_at=analysis.written_at,
    )


def strategy_snapshot(version: StrategyVersion) -> contract.PartnershipStrategySnapshot:
    content = version.content
    return contract.PartnershipStrategySnapshot(
        version=version.number,
        title=content.title,
        objectives=tuple(contract.StrategyObjective(code=o.code, title=o.title) for o in content.objectives),
        actions=tuple(
            contract.StrategyAction(
                code=a.code,
                title=a.title,
                objective_code=a.objective_code,
                cluster_ids=tuple(sorted(a.clusters, key=str)),
                due=a.due,
            )
            for a in content.actions
        ),
        indicators=tuple(
            contract.StrategyIndicator(
                code=i.code,
                title=i.title,
                unit=i.unit,
                objective_code=i.objective_code,
                baseline=i.baseline,
                target=i.target,
                target_year=i.target_year,
            )
            for i in content.indicators
        ),
    )


def strategy_drafted(version: StrategyVersion) -> contract.PartnershipStrategyDrafted:
    return contract.PartnershipStrategyDrafted(
        strategy=strategy_snapshot(version),
        drafting_cluster_id=version.drafting_cluster_id,
        drafted_by=version.drafted_by,
        drafted_at=version.drafted_at,
    )


def strategy_commented(version: StrategyVersion) -> contract.PartnershipStrategyCommented:
    remark = version.decisions[-1]
    return contract.PartnershipStrategyCommented(
        strategy=strategy_snapshot(version),
        cluster_id=remark.cluster_id,
        commented_by=remark.by,
        commented_at=remark.at,
        comment=remark.comment or "",
    )


def strategy_endorsed(fact: Endorsed) -> list[Event]:
    """One partner's approval; the last one also brings the strategy into force."""
    version = fact.version
    decision = next(d for d in reversed(version.decisions) if d.approves and d.cluster_id == fact.cluster_id)
    events: list[Event] = [
        contract.PartnershipStrategyEndorsed(
            strategy=strategy_snapshot(version),
            cluster_id=fact.cluster_id,
            endorsed_by=decision.by,
            endorsed_at=decision.at,
            awaiting_cluster_ids=tuple(sorted(version.awaiting, key=str)),
        )
    ]
    if fact.completes and version.approved_at is not None:
        events.append(
            contract.PartnershipStrategyApproved(
                strategy=strategy_snapshot(version),
                approving_cluster_ids=tuple(sorted(version.approving_clusters, key=str)),
                approved_at=version.approved_at,
            )
        )
    return events


def cluster_strategy_updated(
    strategy: ClusterStrategy, reference: StrategyVersion
) -> contract.ClusterStrategyUpdated:
    indicators = {i.code: i for i in reference.content.indicators}
    return contract.ClusterStrategyUpdated(
        cluster_id=strategy.cluster_id,
        revision=strategy.revision,
        aligned_with_version=strategy.aligned_with_version,
        actions=tuple(
            contract.ClusterActionSnapshot(
                code=a.code,
                title=a.title,
                serves_objective_codes=tuple(sorted(a.serves)),
                partner_cluster_ids=tuple(sorted(a.partners, key=str)),
                status=a.status.value,
                due=a.due,
            )
            for a in strategy.actions
        ),
        progress=tuple(
            contract.IndicatorProgress(
                indicator_code=p.indicator_code,
                value=p.value,
                as_of=p.as_of,
                share_of_target=share_of_target(indicators[p.indicator_code], p.value),
            )
            for p in strategy.progress
        ),
        updated_by=strategy.updated_by,
        updated_at=strategy.updated_at,
    )


def label_awarded(
    cluster_id: UUID, award: Award, previous: LabelLevel | None
) -> contract.ClusterLabelAwarded:
    return contract.ClusterLabelAwarded(
        cluster_id=cluster_id,
        level=award.level.value,
        previous_level=previous.value if previous else None,
        awarded_on=award.awarded_on,
        valid_until=award.valid_until,
        recorded_by=award.awarded_by,
    )
