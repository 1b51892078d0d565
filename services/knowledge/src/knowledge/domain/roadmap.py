"""The common partnership strategy: drafted by a partner cluster's manager, approved by all five.

Every version is kept. A new draft is a new version with no approvals: what the partners
approved was a text, and a changed text needs their approval again. Each partner cluster approves
a version once; the version is approved when all five have. The strategy in force is the latest
approved version; clusters align their own strategies with it (or with the latest draft while no
version has been approved yet).
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput, NotFound
from knowledge.domain.partners import PARTNER_IDS


@dataclass(frozen=True, slots=True)
class Objective:
    code: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class CommonAction:
    code: str
    title: str
    objective_code: str
    clusters: frozenset[UUID]  # the partner clusters that carry it out together
    due: date | None = None


@dataclass(frozen=True, slots=True)
class StrategyIndicator:
    code: str
    title: str
    unit: str
    objective_code: str
    baseline: float
    target: float
    target_year: int


@dataclass(frozen=True, slots=True)
class StrategyContent:
    title: str
    vision: str
    objectives: tuple[Objective, ...]
    actions: tuple[CommonAction, ...]
    indicators: tuple[StrategyIndicator, ...]

    @property
    def objective_codes(self) -> frozenset[str]:
        return frozenset(o.code for o in self.objectives)


@dataclass(frozen=True, slots=True)
class Decision:
    """A partner cluster's word on a version: an approval, or a comment."""

    cluster_id: UUID
    by: UUID
    at: datetime
    approves: bool
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class StrategyVersion:
    number: int
    content: StrategyContent
    drafted_by: UUID
    drafting_cluster_id: UUID
    drafted_at: datetime
    decisions: tuple[Decision, ...] = ()
    approved_at: datetime | None = None

    @property
    def approving_clusters(self) -> frozenset[UUID]:
        return frozenset(d.cluster_id for d in self.decisions if d.approves)

    @property
    def awaiting(self) -> frozenset[UUID]:
        """Partner clusters whose approval this version still needs."""
        return PARTNER_IDS - self.approving_clusters


@dataclass(frozen=True, slots=True)
class Endorsed:
    """Fact: one partner cluster approved a version; `completes` when it was the last one."""

    version: StrategyVersion
    cluster_id: UUID
    completes: bool


def check_content(content: StrategyContent) -> None:
    """Codes are unique, and every action and indicator serves an objective of the strategy."""
    if not content.objectives:
        raise InvalidInput("a strategy has at least one objective", code="no-objectives")
    for kind, codes in (
        ("objective", [o.code for o in content.objectives]),
        ("action", [a.code for a in content.actions]),
        ("indicator", [i.code for i in content.indicators]),
    ):
        if len(set(codes)) != len(codes):
            raise InvalidInput(f"each {kind} code appears once", code=f"duplicate-{kind}-code")
    served = [(a.code, a.objective_code) for a in content.actions]
    served += [(i.code, i.objective_code) for i in content.indicators]
    for code, objective_code in served:
        if objective_code not in content.objective_codes:
            raise InvalidInput(f"{code} serves an unknown objective", code="unknown-objective")
    for action in content.actions:
        if not action.clusters or not action.clusters <= PARTNER_IDS:
            raise InvalidInput(
                f"{action.code} is carried out by one or more of the partner clusters",
                code="unknown-partner-cluster",
            )


def draft(
    versions: tuple[StrategyVersion, ...],
    content: StrategyContent,
    *,
    cluster_id: UUID,
    by: UUID,
    at: datetime,
) -> StrategyVersion:
    """The next version, awaiting every partner's approval."""
    check_content(content)
    number = versions[-1].number + 1 if versions else 1
    return StrategyVersion(number, content, drafted_by=by, drafting_cluster_id=cluster_id, drafted_at=at)


def _open(versions: tuple[StrategyVersion, ...], number: int) -> StrategyVersion:
    found = next((v for v in versions if v.number == number), None)
    if found is None:
        raise NotFound("no such version of the partnership strategy", code="strategy-version-not-found")
    if found.number != versions[-1].number:
        raise Conflict(
            f"version {number} was replaced by version {versions[-1].number}",
            code="strategy-version-superseded",
            current_version=versions[-1].number,
        )
    return found


def approve(
    versions: tuple[StrategyVersion, ...], number: int, *, cluster_id: UUID, by: UUID, at: datetime
) -> Endorsed:
    """A partner cluster approves the latest version, once."""
    version = _open(versions, number)
    if cluster_id in version.approving_clusters:
        raise Conflict("your cluster already approved this version", code="already-approved")
    decided = replace(version, decisions=(*version.decisions, Decision(cluster_id, by, at, approves=True)))
    completes = not decided.awaiting
    if completes:
        decided = replace(decided, approved_at=at)
    return Endorsed(decided, cluster_id, completes)


def comment(
    versions: tuple[StrategyVersion, ...], number: int, text: str, *, cluster_id: UUID, by: UUID, at: datetime
) -> StrategyVersion:
    """A partner cluster comments on the latest version (as often as it likes)."""
    version = _open(versions, number)
    remark = Decision(cluster_id, by, at, approves=False, comment=text)
    return replace(version, decisions=(*version.decisions, remark))


def in_force(versions: tuple[StrategyVersion, ...]) -> StrategyVersion | None:
    """The latest version all five partners approved."""
    return next((v for v in reversed(versions) if v.approved_at is not None), None)


def reference(versions: tuple[StrategyVersion, ...]) -> StrategyVersion | None:
    """What cluster strategies align with: the version in force, else the latest draft."""
    return in_force(versions) or (versions[-1] if versions else None)
