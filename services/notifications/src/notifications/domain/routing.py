# ruff: noqa: E501  (the table keeps one row per line: adding an event is adding a line)
"""The routing table: for each public event, who is told, on which channels, in which category.

One row per event type. Adding an event is one line: its type, its category, and who hears of
it on which channels (audiences name where the ids sit in the payload, see audiences.py). A row
with nobody to tell records the decision that nobody is told. `tests/unit/test_routing_table.py`
fails when a registered event of a covered producer has no row, or a row names a field its
event does not have. The service README prints this table (`describe_table`).
"""

from dataclasses import dataclass
from enum import StrEnum

from notifications.domain.audiences import (
    Administrators,
    AllClusterManagers,
    Audience,
    ClusterManagers,
    HomeClusterManagers,
    ManagersOfEachCluster,
    NamedPerson,
    OrganisationAdmins,
    OrganisationPeople,
)


class Channel(StrEnum):
    IN_APP = "in_app"
    EMAIL = "email"


class Category(StrEnum):
    """What a person chooses preferences for."""

    SECURITY = "security"  # e-mail that cannot be switched off
    ACCOUNT = "account"
    MEMBERSHIP = "membership"
    CATALOGUE = "catalogue"
    EXCHANGES = "exchanges"
    REPORTS = "reports"
    PAYMENTS = "payments"
    DEADLINES = "deadlines"
    TRAINING = "training"
    RESOURCES = "resources"
    ROADMAP = "roadmap"


BOTH = (Channel.IN_APP, Channel.EMAIL)
IN_APP = (Channel.IN_APP,)
EMAIL = (Channel.EMAIL,)


@dataclass(frozen=True, slots=True)
class Tell:
    audience: Audience
    channels: tuple[Channel, ...]


@dataclass(frozen=True, slots=True)
class Route:
    event_type: str
    category: Category
    tells: tuple[Tell, ...]
    # Where the person who acted sits in the payload: they are not told of their own act.
    actor: str | None = None


def route(event_type: str, category: Category, *tells: Tell, actor: str | None = None) -> Route:
    return Route(event_type, category, tells, actor)


def tell(audience: Audience, channels: tuple[Channel, ...]) -> Tell:
    return Tell(audience, channels)


ORG = "organisation.organisation_id"
ORG_CLUSTER = "organisation.cluster_id"
VISITOR, HOST = "exchange.visitor_organisation_id", "exchange.host_organisation_id"
VISITOR_CLUSTER, HOST_CLUSTER = "exchange.visitor_cluster_id", "exchange.host_cluster_id"
SECURITY, ACCOUNT, MEMBERSHIP = Category.SECURITY, Category.ACCOUNT, Category.MEMBERSHIP
EXCHANGES, REPORTS, PAYMENTS, DEADLINES = (
    Category.EXCHANGES,
    Category.REPORTS,
    Category.PAYMENTS,
    Category.DEADLINES,
)
TRAINING, ROADMAP, RESOURCES = Category.TRAINING, Category.ROADMAP, Category.RESOURCES

# fmt: off
ROUTES: tuple[Route, ...] = (
    # membership.organisations
    route("SMEJoined", MEMBERSHIP, tell(OrganisationPeople(ORG), BOTH), tell(ClusterManagers(ORG_CLUSTER), IN_APP)),
    route("StakeholderJoined", MEMBERSHIP, tell(OrganisationPeople(ORG), BOTH), tell(ClusterManagers(ORG_CLUSTER), IN_APP)),
    route("OrganisationProfileUpdated", MEMBERSHIP, tell(OrganisationAdmins(ORG), IN_APP)),
    route("MembershipEnded", MEMBERSHIP, tell(OrganisationPeople(ORG), BOTH), tell(ClusterManagers(ORG_CLUSTER), IN_APP)),
    route("MembershipReinstated", MEMBERSHIP, tell(OrganisationPeople(ORG), BOTH), tell(ClusterManagers(ORG_CLUSTER), IN_APP)),
    # membership.people
    route("PersonJoined", ACCOUNT, tell(NamedPerson("person_id"), BOTH), tell(OrganisationAdmins("person.organisation_id"), IN_APP)),
    route("PersonRoleChanged", SECURITY, tell(NamedPerson("person_id"), BOTH)),
    route("PersonRemoved", ACCOUNT, tell(NamedPerson("person_id"), EMAIL), tell(OrganisationAdmins("organisation_id"), IN_APP)),
    route("PersonErased", ACCOUNT),  # the person is gone: nobody is told
    route("PersonSessionsRevoked", SECURITY, tell(NamedPerson("person_id"), EMAIL)),
    route("EmailAddressVerified", ACCOUNT),  # the person just verified it themselves: nobody is told
    # exchange.exchanges
    route("HostingOfferPublished", Category.CATALOGUE, tell(ClusterManagers("offer.host_cluster_id"), IN_APP), tell(OrganisationAdmins("offer.host_organisation_id"), IN_APP), actor="published_by"),
    route("ExchangeRequested", EXCHANGES, tell(OrganisationPeople(HOST), BOTH), tell(ClusterManagers(HOST_CLUSTER), IN_APP), actor="requested_by"),
    route("ExchangeAccepted", EXCHANGES, tell(OrganisationPeople(VISITOR), BOTH), tell(ClusterManagers(VISITOR_CLUSTER), BOTH), tell(ClusterManagers(HOST_CLUSTER), BOTH), actor="accepted_by"),
    route("ExchangeDeclined", EXCHANGES, tell(OrganisationPeople(VISITOR), BOTH), actor="declined_by"),
    route("ExchangeCommitmentAgreed", EXCHANGES, tell(ClusterManagers(VISITOR_CLUSTER), BOTH), tell(OrganisationPeople(VISITOR), IN_APP), tell(OrganisationPeople(HOST), IN_APP)),
    route("ExchangeApproved", EXCHANGES, tell(OrganisationPeople(VISITOR), BOTH), tell(OrganisationPeople(HOST), BOTH), tell(ClusterManagers(HOST_CLUSTER), IN_APP), actor="approved_by"),
    route("ExchangeStarted", EXCHANGES, tell(OrganisationPeople(VISITOR), IN_APP), tell(OrganisationPeople(HOST), IN_APP)),
    route("ExchangeReportSubmitted", REPORTS, tell(ClusterManagers(VISITOR_CLUSTER), BOTH), actor="submitted_by"),
    route("ExchangeReportSentBack", REPORTS, tell(OrganisationPeople(VISITOR), BOTH), actor="sent_back_by"),
    route("ExchangeCompleted", EXCHANGES, tell(OrganisationPeople(VISITOR), BOTH), tell(OrganisationPeople(HOST), BOTH), tell(ClusterManagers(HOST_CLUSTER), IN_APP), actor="validated_by"),
    route("ExchangeCancelled", EXCHANGES, tell(OrganisationPeople(VISITOR), BOTH), tell(OrganisationPeople(HOST), BOTH), tell(ClusterManagers(VISITOR_CLUSTER), BOTH), tell(ClusterManagers(HOST_CLUSTER), IN_APP), actor="cancelled_by"),
    route("LumpSumPaid", PAYMENTS, tell(OrganisationAdmins(VISITOR), BOTH), actor="recorded_by"),
    route("ExchangeReportOverdue", DEADLINES, tell(OrganisationPeople(VISITOR), BOTH), tell(ClusterManagers(VISITOR_CLUSTER), BOTH)),
    route("LumpSumPaymentOverdue", DEADLINES, tell(ClusterManagers(VISITOR_CLUSTER), BOTH), tell(OrganisationAdmins(VISITOR), IN_APP)),
    route("ExchangeAtRiskFlagged", DEADLINES, tell(ClusterManagers(VISITOR_CLUSTER), BOTH), tell(ClusterManagers(HOST_CLUSTER), BOTH), tell(Administrators(), IN_APP)),
    # knowledge.training
    route("CourseScheduled", TRAINING, tell(NamedPerson("session.trainer_id"), BOTH), tell(ClusterManagers("course.cluster_id"), IN_APP), actor="scheduled_by"),
    route("EnrolmentConfirmed", TRAINING, tell(NamedPerson("person_id"), BOTH)),
    route("EnrolmentWaitlisted", TRAINING, tell(NamedPerson("person_id"), BOTH)),
    route("PlaceOffered", TRAINING, tell(NamedPerson("person_id"), BOTH)),
    route("EnrolmentCancelled", TRAINING, tell(NamedPerson("person_id"), IN_APP)),
    route("CourseCompleted", TRAINING, tell(NamedPerson("person_id"), IN_APP)),
    route("CertificateIssued", TRAINING, tell(NamedPerson("person_id"), BOTH)),
    route("CertificateRevoked", TRAINING, tell(NamedPerson("person_id"), BOTH), actor="revoked_by"),
    # knowledge.resources: moderators are the managers of the author organisation's home cluster
    route("ResourceSubmitted", RESOURCES, tell(HomeClusterManagers("resource.author_organisation_id"), BOTH), actor="submitted_by"),
    route("ResourcePublished", RESOURCES, tell(OrganisationPeople("resource.author_organisation_id"), BOTH), actor="published_by"),
    route("ResourceSentBack", RESOURCES, tell(OrganisationPeople("resource.author_organisation_id"), BOTH), actor="sent_back_by"),
    route("ResourceArchived", RESOURCES, tell(OrganisationPeople("resource.author_organisation_id"), IN_APP), actor="archived_by"),
    # knowledge.roadmap
    route("RegionalAnalysisPublished", ROADMAP, tell(ClusterManagers("cluster_id"), IN_APP)),
    route("PartnershipStrategyDrafted", ROADMAP, tell(AllClusterManagers(), BOTH), actor="drafted_by"),
    route("PartnershipStrategyEndorsed", ROADMAP, tell(ManagersOfEachCluster("awaiting_cluster_ids"), IN_APP), actor="endorsed_by"),
    route("PartnershipStrategyCommented", ROADMAP, tell(AllClusterManagers(), IN_APP), actor="commented_by"),
    route("PartnershipStrategyApproved", ROADMAP, tell(ManagersOfEachCluster("approving_cluster_ids"), BOTH)),
    route("ClusterStrategyUpdated", ROADMAP, tell(ClusterManagers("cluster_id"), IN_APP), actor="updated_by"),
    route("ClusterLabelAwarded", ROADMAP, tell(ClusterManagers("cluster_id"), BOTH), actor="recorded_by"),
)
# fmt: on

_BY_TYPE = {r.event_type: r for r in ROUTES}


def route_for(event_type: str) -> Route | None:
    """The row of an event type; None for an event this table does not cover."""
    return _BY_TYPE.get(event_type)


def describe_table() -> str:
    """The table as Markdown, for the README (a test keeps the README in step)."""
    lines = ["| event | category | who is told → channels |", "|---|---|---|"]
    for row in ROUTES:
        told = "; ".join(
            f"{t.audience.describe()} → {', '.join(c.value for c in t.channels)}" for t in row.tells
        )
        actor = f" (not `{row.actor}`, who acted)" if row.actor else ""
        lines.append(f"| `{row.event_type}` | {row.category.value} | {told or 'nobody'}{actor} |")
    return "\n".join(lines)
