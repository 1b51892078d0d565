"""Every event type the platform publishes, looked up by (type, version)."""

from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.exchange import (
    ExchangeAccepted,
    ExchangeApproved,
    ExchangeAtRiskFlagged,
    ExchangeCancelled,
    ExchangeCommitmentAgreed,
    ExchangeCompleted,
    ExchangeDeclined,
    ExchangeReportOverdue,
    ExchangeReportSentBack,
    ExchangeReportSubmitted,
    ExchangeRequested,
    ExchangeStarted,
    HostingOfferPublished,
    LumpSumPaid,
    LumpSumPaymentOverdue,
)
from cloth_shared.contracts.knowledge_resources import (
    ResourceArchived,
    ResourcePublished,
    ResourceSentBack,
    ResourceSubmitted,
)
from cloth_shared.contracts.knowledge_roadmap import (
    ClusterLabelAwarded,
    ClusterStrategyUpdated,
    PartnershipStrategyApproved,
    PartnershipStrategyCommented,
    PartnershipStrategyDrafted,
    PartnershipStrategyEndorsed,
    RegionalAnalysisPublished,
)
from cloth_shared.contracts.knowledge_training import (
    CertificateIssued,
    CertificateRevoked,
    CourseCompleted,
    CourseScheduled,
    EnrolmentCancelled,
    EnrolmentConfirmed,
    EnrolmentWaitlisted,
    PlaceOffered,
)
from cloth_shared.contracts.membership import (
    EmailAddressVerified,
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    PersonErased,
    PersonJoined,
    PersonRemoved,
    PersonRoleChanged,
    PersonSessionsRevoked,
    SMEJoined,
    StakeholderJoined,
)

ALL_EVENTS: tuple[type[Event], ...] = (
    SMEJoined,
    StakeholderJoined,
    OrganisationProfileUpdated,
    MembershipEnded,
    MembershipReinstated,
    PersonJoined,
    PersonRoleChanged,
    PersonRemoved,
    PersonErased,
    PersonSessionsRevoked,
    EmailAddressVerified,
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
    HostingOfferPublished,
    ExchangeRequested,
    ExchangeAccepted,
    ExchangeDeclined,
    ExchangeCommitmentAgreed,
    ExchangeApproved,
    ExchangeStarted,
    ExchangeReportSubmitted,
    ExchangeReportSentBack,
    ExchangeCompleted,
    ExchangeCancelled,
    LumpSumPaid,
    ExchangeReportOverdue,
    LumpSumPaymentOverdue,
    ExchangeAtRiskFlagged,
    CourseScheduled,
    EnrolmentConfirmed,
    EnrolmentWaitlisted,
    PlaceOffered,
    EnrolmentCancelled,
    CourseCompleted,
    CertificateIssued,
    CertificateRevoked,
    RegionalAnalysisPublished,
    PartnershipStrategyDrafted,
    PartnershipStrategyEndorsed,
    PartnershipStrategyCommented,
    PartnershipStrategyApproved,
    ClusterStrategyUpdated,
    ClusterLabelAwarded,
    ResourceSubmitted,
    ResourcePublished,
    ResourceSentBack,
    ResourceArchived,
)

_BY_TYPE_AND_VERSION: dict[tuple[str, int], type[Event]] = {
    (event.event_type, event.event_version): event for event in ALL_EVENTS
}


def event_class(event_type: str, event_version: int) -> type[Event] | None:
    """The payload class of a published event, or None if this code does not know it."""
    return _BY_TYPE_AND_VERSION.get((event_type, event_version))


def events_on(topic: str) -> tuple[type[Event], ...]:
    """Every published event type of one topic, in registry order."""
    return tuple(event for event in ALL_EVENTS if event.topic == topic)
