"""Which partner clusters work together on which actions: the links the industry map draws."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Literal
from uuid import UUID

from knowledge.domain.cluster_strategies import ClusterStrategy
from knowledge.domain.roadmap import StrategyVersion


@dataclass(frozen=True, slots=True)
class SharedAction:
    origin: Literal["common", "cluster"]  # the common strategy, or one cluster's own strategy
    owner_cluster_id: UUID | None  # the cluster whose strategy it is, for "cluster" actions
    code: str
    title: str
    objective_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Link:
    clusters: tuple[UUID, UUID]  # ordered, so each pair appears once
    actions: tuple[SharedAction, ...]


def _pairs(clusters: Iterable[UUID]) -> list[tuple[UUID, UUID]]:
    return list(combinations(sorted(set(clusters), key=str), 2))


def links(reference: StrategyVersion | None, strategies: Iterable[ClusterStrategy]) -> tuple[Link, ...]:
    """Every pair of clusters sharing at least one action, with the actions they share."""
    shared: dict[tuple[UUID, UUID], list[SharedAction]] = defaultdict(list)
    for action in reference.content.actions if reference else ():
        common = SharedAction("common", None, action.code, action.title, (action.objective_code,))
        for pair in _pairs(action.clusters):
            shared[pair].append(common)
    for strategy in strategies:
        for own in strategy.actions:
            mine = SharedAction(
                "cluster", strategy.cluster_id, own.code, own.title, tuple(sorted(own.serves))
            )
            for pair in _pairs({strategy.cluster_id, *own.partners}):
                if strategy.cluster_id in pair:
                    shared[pair].append(mine)
    return tuple(
        Link(pair, tuple(actions)) for pair, actions in sorted(shared.items(), key=lambda i: str(i[0]))
    )
