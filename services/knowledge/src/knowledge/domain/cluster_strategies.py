"""Each partner cluster's own strategy: its actions, the common objectives they serve, and its
progress on the common strategy's indicators."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput
from knowledge.domain.partners import PARTNER_IDS
from knowledge.domain.roadmap import StrategyIndicator, StrategyVersion


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ClusterAction:
    code: str
    title: str
    serves: frozenset[str]  # codes of the common objectives it contributes to
    partners: frozenset[UUID]  # other partner clusters it is carried out with
    status: ActionStatus = ActionStatus.PLANNED
    due: date | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    indicator_code: str
    value: float
    as_of: date
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterStrategy:
    cluster_id: UUID
    summary: str
    actions: tuple[ClusterAction, ...]
    progress: tuple[Progress, ...]
    aligned_with_version: int
    revision: int
    updated_by: UUID
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a cluster stands on one indicator of the common strategy it follows."""

    indicator: StrategyIndicator
    progress: Progress | None  # None until the cluster reports on it
    share_of_target: float | None


def share_of_target(indicator: StrategyIndicator, value: float) -> float | None:
    """How far from baseline to target a value has come (0 = baseline, 1 = target reached)."""
    span = indicator.target - indicator.baseline
    return None if span == 0 else (value - indicator.baseline) / span


def _check(
    cluster_id: UUID,
    actions: tuple[ClusterAction, ...],
    progress: tuple[Progress, ...],
    reference: StrategyVersion,
) -> None:
    content = reference.content
    codes = [a.code for a in actions]
    if len(set(codes)) != len(codes):
        raise InvalidInput("each action code appears once", code="duplicate-action-code")
    for action in actions:
        if not action.serves or not action.serves <= content.objective_codes:
            raise InvalidInput(
                f"{action.code} serves one or more objectives of strategy version {reference.number}",
                code="unknown-objective",
            )
        if not action.partners <= PARTNER_IDS - {cluster_id}:
            raise InvalidInput(
                f"{action.code}'s partners are other partner clusters", code="unknown-partner-cluster"
            )
    indicator_codes = {i.code for i in content.indicators}
    measured = [p.indicator_code for p in progress]
    if len(set(measured)) != len(measured) or not set(measured) <= indicator_codes:
        raise InvalidInput(
            f"progress is given once per indicator of strategy version {reference.number}",
            code="unknown-indicator",
        )


def update(
    known: ClusterStrategy | None,
    *,
    cluster_id: UUID,
    summary: str,
    actions: tuple[ClusterAction, ...],
    progress: tuple[Progress, ...],
    reference: StrategyVersion | None,
    by: UUID,
    at: datetime,
) -> ClusterStrategy:
    """The cluster's strategy replaced by a new revision, aligned with the common strategy."""
    if reference is None:
        raise Conflict("there is no common strategy to align with yet", code="no-partnership-strategy")
    _check(cluster_id, actions, progress, reference)
    return ClusterStrategy(
        cluster_id=cluster_id,
        summary=summary,
        actions=actions,
        progress=progress,
        aligned_with_version=reference.number,
        revision=1 if known is None else known.revision + 1,
        updated_by=by,
        updated_at=at,
    )


def standings(strategy: ClusterStrategy, aligned_with: StrategyVersion) -> tuple[Standing, ...]:
    """Every indicator of the version the cluster follows, with its progress where reported."""
    reported = {p.indicator_code: p for p in strategy.progress}
    found = []
    for indicator in aligned_with.content.indicators:
        progress = reported.get(indicator.code)
        share = None if progress is None else share_of_target(indicator, progress.value)
        found.append(Standing(indicator, progress, share))
    return tuple(found)
