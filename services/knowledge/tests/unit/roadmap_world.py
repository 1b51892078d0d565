"""People and documents the roadmap tests share: the five partners' managers, a strategy, an analysis."""

from datetime import date
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal, Role
from knowledge.domain.analyses import Indicator, Source
from knowledge.domain.cluster_strategies import ClusterAction, Progress
from knowledge.domain.partners import PARTNERS
from knowledge.domain.roadmap import CommonAction, Objective, StrategyContent, StrategyIndicator

MODACC, BFA, EA, ICONIC, LDC = (p.cluster_id for p in PARTNERS)


def manager_of(cluster_id: UUID) -> Principal:
    return Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=cluster_id)


def admin() -> Principal:
    return Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))


def member() -> Principal:
    return Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4())


def a_strategy(title: str = "Circular fashion alliance 2030") -> StrategyContent:
    return StrategyContent(
        title=title,
        vision="A circular, digital fashion industry in every partner region.",
        objectives=(
            Objective("O1", "Circularity", "Help members design for reuse and recycling."),
            Objective("O2", "Internationalisation", "Members find partners abroad."),
        ),
        actions=(
            CommonAction("A1", "Shared textile-waste pilots", "O1", frozenset({MODACC, EA})),
            CommonAction("A2", "Joint trade-fair missions", "O2", frozenset({BFA, ICONIC, LDC})),
        ),
        indicators=(
            StrategyIndicator("I1", "Members with a circular product", "companies", "O1", 20, 120, 2030),
            StrategyIndicator("I2", "Cross-border exchanges", "exchanges", "O2", 0, 100, 2027),
        ),
    )


def an_action(code: str = "M1", serves: frozenset[str] = frozenset({"O1"}), *partners: UUID) -> ClusterAction:
    return ClusterAction(code, "Repair-and-reuse workshops", serves, frozenset(partners))


def a_progress(indicator_code: str = "I1", value: float = 70) -> Progress:
    return Progress(indicator_code, value, date(2026, 10, 1))


def an_indicator(
    key: str = "fashion_textile_companies", value: float = 4_150, unit: str = "companies"
) -> Indicator:
    return Indicator(key, value, unit, Source("Idescat business directory 2025", "https://www.idescat.cat/"))
