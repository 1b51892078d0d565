"""The closed vocabularies of the exchange programme: categories, activity kinds, sides, states."""

from enum import StrEnum


class Category(StrEnum):
    """Participant categories; the same strings as membership's OrganisationCategory contract."""

    SME = "sme"
    CLUSTER_ORGANISATION = "cluster_organisation"
    SUPPORT_ORGANISATION = "support_organisation"
    LARGE_COMPANY = "large_company"
    PUBLIC_BODY = "public_body"


# Large companies and public bodies take part in ClusterXchange only as hosts.
HOST_ONLY: frozenset[Category] = frozenset({Category.LARGE_COMPANY, Category.PUBLIC_BODY})
MAY_VISIT: frozenset[Category] = frozenset(Category) - HOST_ONLY


class ActivityKind(StrEnum):
    CAPACITY_BUILDING = "capacity_building"
    KNOWLEDGE_SHARING = "knowledge_sharing"
    RESEARCH_AND_DEVELOPMENT = "research_and_development"
    MARKET_RESEARCH = "market_research"
    NETWORKING = "networking"


class QuotaSide(StrEnum):
    """Which party's category a quota counts: the visiting or the hosting organisation."""

    VISITOR = "visitor"
    HOST = "host"


class State(StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMMITMENT_AGREED = "commitment_agreed"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    REPORT_SUBMITTED = "report_submitted"
    REPORT_SENT_BACK = "report_sent_back"
    COMPLETED = "completed"
    LUMP_SUM_PAID = "lump_sum_paid"
    CANCELLED = "cancelled"


def side_of(category: Category) -> QuotaSide:
    """The side a category's quota is counted on: host-only categories on the host side."""
    return QuotaSide.HOST if category in HOST_ONLY else QuotaSide.VISITOR
