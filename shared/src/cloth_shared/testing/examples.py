"""Example events for every test tier and the benchmarks, built in one place.

Each builder gives a valid event with plausible defaults; tests name only what they assert on.
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from cloth_shared.contracts.codec import encode
from cloth_shared.contracts.envelope import Event, EventEnvelope, wrap
from cloth_shared.contracts.exchange import (
    ActivityKind,
    ExchangeCompleted,
    ExchangeSnapshot,
    LumpSumBreakdown,
)
from cloth_shared.contracts.membership import (
    EmailVerificationRequested,
    OrganisationCategory,
    OrganisationSnapshot,
    PersonErased,
    PersonJoined,
    PersonRole,
    PersonSnapshot,
    SMEJoined,
    StakeholderJoined,
)

MODACC = UUID("0b1c0000-0000-4000-8000-000000000001")


def organisation_snapshot(
    *,
    organisation_id: UUID | None = None,
    legal_name: str = "Teixits Igualada SL",
    category: OrganisationCategory = "sme",
    cluster_id: UUID = MODACC,
    country: str = "ES",
    **profile: Any,
) -> OrganisationSnapshot:
    return OrganisationSnapshot(
        organisation_id=organisation_id or uuid4(),
        legal_name=legal_name,
        category=category,
        cluster_id=cluster_id,
        country=country,
        **profile,
    )


def sme_joined(
    legal_name: str = "Teixits Igualada SL", organisation_id: UUID | None = None, **profile: Any
) -> SMEJoined:
    """A valid SMEJoined; `profile` sets any other snapshot field (country, cluster_id, …)."""
    snapshot = organisation_snapshot(organisation_id=organisation_id, legal_name=legal_name, **profile)
    return SMEJoined(organisation=snapshot, joined_at=datetime.now(UTC))


def stakeholder_joined(
    legal_name: str = "Ruse Fashion Agency",
    *,
    category: OrganisationCategory = "support_organisation",
    **profile: Any,
) -> StakeholderJoined:
    snapshot = organisation_snapshot(legal_name=legal_name, category=category, **profile)
    return StakeholderJoined(organisation=snapshot, joined_at=datetime.now(UTC))


def person_joined(
    person_id: UUID | None = None,
    *,
    display_name: str = "Laia Puig",
    role: PersonRole = "organisation_admin",
    organisation_id: UUID | None = None,
    cluster_id: UUID | None = None,
    language: str = "ca",
) -> PersonJoined:
    person_id = person_id or uuid4()
    person = PersonSnapshot(
        person_id=person_id,
        display_name=display_name,
        email=f"{person_id.hex[:12]}@example.org",
        language=language,
        role=role,
        organisation_id=organisation_id,
        cluster_id=cluster_id,
    )
    return PersonJoined(person_id=person_id, person=person, joined_at=datetime.now(UTC))


def person_erased(person_id: UUID | None = None) -> PersonErased:
    return PersonErased(person_id=person_id or uuid4(), erased_at=datetime.now(UTC))


def exchange_completed(
    *,
    visitor: UUID | None = None,
    host: UUID | None = None,
    activity_kind: ActivityKind = "knowledge_sharing",
    shared_summary: str | None = "We learnt natural dyeing at industrial scale.",
    shared_lessons_learned: str | None = None,
) -> ExchangeCompleted:
    """A completed exchange from an SME in Spain to one in Romania; the summary shared by default."""
    snapshot = ExchangeSnapshot(
        exchange_id=uuid4(),
        programme_id=uuid4(),
        visitor_organisation_id=visitor or uuid4(),
        host_organisation_id=host or uuid4(),
        visitor_category="sme",
        host_category="sme",
        slot_category="sme",
        visitor_country="ES",
        host_country="RO",
        visitor_cluster_id=MODACC,
        host_cluster_id=uuid4(),
        first_day=date(2027, 3, 1),
        last_day=date(2027, 3, 12),
        activity_kind=activity_kind,
    )
    lump_sum = LumpSumBreakdown(
        amount_eur=Decimal("900.00"), cap_eur=Decimal("900.00"), working_days=10, distance_km=None
    )
    return ExchangeCompleted(
        exchange=snapshot,
        validated_by=uuid4(),
        completed_at=datetime.now(UTC),
        payment_due=date(2027, 4, 1),
        lump_sum=lump_sum,
        shared_summary=shared_summary,
        shared_lessons_learned=shared_lessons_learned,
    )


def email_verification_requested(
    person_id: UUID | None = None,
    *,
    email: str = "ivan@example.org",
    display_name: str = "Иван Петров",
    language: str = "bg",
    token: str = "Jf3q9Yc1uXb2W7pQeR5tZk8vLm4nHs0aDg6iOy2cPwE",  # noqa: S107 - an example link token
    valid_for: timedelta = timedelta(hours=36),
) -> EmailVerificationRequested:
    return EmailVerificationRequested(
        person_id=person_id or uuid4(),
        email=email,
        display_name=display_name,
        language=language,
        token=token,
        expires_at=datetime.now(UTC) + valid_for,
    )


def enveloped(
    event: Event,
    *,
    producer: str = "membership",
    correlation_id: str = "test-flow",
    event_id: UUID | None = None,
    occurred_at: datetime | None = None,
) -> EventEnvelope[dict[str, Any]]:
    """The event in the envelope a consumer receives."""
    return wrap(
        event, producer=producer, correlation_id=correlation_id, event_id=event_id, occurred_at=occurred_at
    )


def encoded(event: Event, **envelope: Any) -> bytes:
    """The event as the bytes of a Kafka message value."""
    return encode(enveloped(event, **envelope))
