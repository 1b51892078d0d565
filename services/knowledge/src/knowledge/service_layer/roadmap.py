"""Use cases of the common partnership strategy: draft, approve, comment, read."""

from datetime import UTC, datetime

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from knowledge.domain import roadmap, roadmap_access
from knowledge.domain.roadmap import StrategyContent, StrategyVersion
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.roadmap_events import strategy_commented, strategy_drafted, strategy_endorsed


async def draft_strategy(
    uow: KnowledgeUnitOfWork, caller: Principal, content: StrategyContent
) -> StrategyVersion:
    """A partner cluster's manager drafts the next version; it needs all five approvals again."""
    cluster_id = roadmap_access.speak_for_partner(caller)
    async with uow:
        versions = await uow.partnership_strategy.versions(for_update=True)
        version = roadmap.draft(
            versions, content, cluster_id=cluster_id, by=caller.subject, at=datetime.now(UTC)
        )
        await uow.partnership_strategy.save(version)
        uow.emit(strategy_drafted(version))
        await uow.commit()
    return version


async def approve_strategy(uow: KnowledgeUnitOfWork, caller: Principal, number: int) -> StrategyVersion:
    """A partner cluster's manager approves the latest version for their cluster, once."""
    cluster_id = roadmap_access.speak_for_partner(caller)
    async with uow:
        versions = await uow.partnership_strategy.versions(for_update=True)
        endorsed = roadmap.approve(
            versions, number, cluster_id=cluster_id, by=caller.subject, at=datetime.now(UTC)
        )
        await uow.partnership_strategy.save(endorsed.version)
        for event in strategy_endorsed(endorsed):
            uow.emit(event)
        await uow.commit()
    return endorsed.version


async def comment_strategy(
    uow: KnowledgeUnitOfWork, caller: Principal, number: int, text: str
) -> StrategyVersion:
    """A partner cluster's manager comments on the latest version (PartnershipStrategyCommented)."""
    cluster_id = roadmap_access.speak_for_partner(caller)
    async with uow:
        versions = await uow.partnership_strategy.versions(for_update=True)
        version = roadmap.comment(
            versions, number, text, cluster_id=cluster_id, by=caller.subject, at=datetime.now(UTC)
        )
        await uow.partnership_strategy.save(version)
        uow.emit(strategy_commented(version))
        await uow.commit()
    return version


async def strategy_in_force(uow: KnowledgeUnitOfWork) -> StrategyVersion:
    """The version all five partners approved last (public)."""
    async with uow.reading():
        version = roadmap.in_force(await uow.partnership_strategy.versions())
    if version is None:
        raise NotFound("no version of the partnership strategy is approved yet", code="no-strategy-in-force")
    return version


async def strategy_versions(uow: KnowledgeUnitOfWork, caller: Principal) -> tuple[StrategyVersion, ...]:
    """Every version with its approvals and comments (partner managers and administrators)."""
    roadmap_access.read_strategy_drafts(caller)
    async with uow.reading():
        return await uow.partnership_strategy.versions()
