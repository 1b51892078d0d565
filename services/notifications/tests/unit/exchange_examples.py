"""Exchange events as notifications receives them (cloth_shared.testing.examples has membership's)."""

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from cloth_shared.contracts.exchange import ExchangeReportOverdue, ExchangeRequested, ExchangeSnapshot


def exchange_snapshot(
    *,
    visitor: UUID | None = None,
    host: UUID | None = None,
    visitor_cluster: UUID | None = None,
    host_cluster: UUID | None = None,
) -> ExchangeSnapshot:
    return ExchangeSnapshot(
        exchange_id=uuid4(),
        programme_id=uuid4(),
        visitor_organisation_id=visitor or uuid4(),
        host_organisation_id=host or uuid4(),
        visitor_category="sme",
        host_category="sme",
        slot_category="sme",
        visitor_country="ES",
        host_country="RO",
        visitor_cluster_id=visitor_cluster or uuid4(),
        host_cluster_id=host_cluster or uuid4(),
        first_day=date(2027, 3, 1),
        last_day=date(2027, 3, 12),
        activity_kind="knowledge_sharing",
    )


def exchange_requested(snapshot: ExchangeSnapshot, *, by: UUID | None = None) -> ExchangeRequested:
    return ExchangeRequested(exchange=snapshot, requested_by=by or uuid4(), requested_at=datetime.now(UTC))


def report_overdue(snapshot: ExchangeSnapshot) -> ExchangeReportOverdue:
    return ExchangeReportOverdue(
        exchange=snapshot, report_due=date(2027, 4, 11), noticed_at=datetime.now(UTC)
    )
