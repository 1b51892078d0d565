"""What the e-mail channel needs: the delivery rows, a renderer and an SMTP client, as ports."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from cloth_shared.ports import UnitOfWorkPort
from notifications.domain.email import EmailDelivery, OutgoingEmail, RenderedEmail, SendOutcome


class EmailDeliveryRepository(Protocol):
    """The `email_deliveries` rows: written by whoever decides a mail is due (routing, digests,
    account e-mails, webhook notices), drained by the sender."""

    async def add(self, delivery: EmailDelivery) -> bool:
        """Store a pending delivery; False (and nothing stored) when its id is taken or its
        notification already has one."""
        ...

    async def add_all(self, deliveries: Sequence[EmailDelivery]) -> None:
        """`add` of each."""

    async def anonymise_for(self, person_id: UUID) -> None:
        """Erasure: keep the row (counts, statuses), drop address, context and person; never send.
        Others' mail about them (people events naming them) loses its context."""

    async def for_person(self, person_id: UUID) -> list[EmailDelivery]:
        """The person's rows, oldest first."""
        ...

    async def get(self, delivery_id: UUID) -> EmailDelivery | None: ...

    async def resend_refused(self, person_id: UUID, email: str, *, reason: str, since: datetime) -> int:
        """The person's rows to this address (any case) that failed for `reason` and were written
        since `since` are pending again, due now; how many."""
        ...

    async def claim_due(self, *, limit: int, lease_seconds: float) -> list[EmailDelivery]:
        """Up to `limit` rows due now, oldest first, skipping rows another sender holds: pending
        rows whose time came, and 'sending' rows whose lease ran out (their sender died).
        Each becomes 'sending' for `lease_seconds` with one more attempt; returned as claimed."""
        ...

    async def mark_sent(self, delivery_id: UUID, *, attempt: int) -> bool:
        """Sent, if this claim (`attempt`) still holds the row; False when the lease was lost."""
        ...

    async def retry_later(self, delivery_id: UUID, *, attempt: int, error: str, delay_seconds: float) -> bool:
        """Back to pending, due after `delay_seconds`, if this claim still holds the row."""
        ...

    async def mark_failed(self, delivery_id: UUID, *, attempt: int, error: str) -> bool:
        """Failed for good, if this claim still holds the row."""
        ...

    async def refuse_unverified(self, delivery: EmailDelivery, *, attempt: int, reason: str) -> bool:
        """Failed with `reason` if this claim still holds the row and its address is still not
        verified, decided one at a time with the person's verification (which then sends it
        again); given back, due now, if the address was verified since the sender looked."""
        ...

    async def release(self, delivery_id: UUID, *, attempt: int) -> bool:
        """An unsent claim given back: pending, due now, the attempt not counted."""
        ...


class VerifiedAddressRepository(Protocol):
    async def remember(self, person_id: UUID, email: str, *, at: datetime) -> None:
        """The person proved this address theirs (it replaces any earlier one)."""
        ...

    async def forget(self, person_id: UUID) -> None: ...

    async def verified(self, candidates: Sequence[tuple[UUID, str]]) -> set[tuple[UUID, str]]:
        """Which (person id, address) pairs are verified (addresses compared case-insensitively)."""
        ...


class EmailUnitOfWork(UnitOfWorkPort, Protocol):
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository


class EmailRenderer(Protocol):
    def render(self, template: str, language: str, context: Mapping[str, Any]) -> RenderedEmail:
        """Raises ValueError when the context does not fit the template."""
        ...


class Mailer(Protocol):
    async def send_batch(self, emails: Sequence[OutgoingEmail], *, lease_ends: float) -> list[SendOutcome]:
        """One outcome per e-mail, in order; none is started unless it can finish before
        `lease_ends` (a time.monotonic() value)."""
        ...
