"""Draining the e-mail delivery rows: claim, render, send, record. Safe with many senders.

What a delivery can count on:
- Two senders never hold one row: a claim (pending → sending, one more attempt) is its own
  committed statement under `FOR UPDATE SKIP LOCKED`.
- A claim is a lease (`next_attempt_at` = its end). The SMTP client starts no message it could
  not finish, by its timeout, before the lease ends (measured from before the claim, so on the
  safe side of the database's clock); a live sender therefore never sends a row another sender
  may already have reclaimed.
- Recording the result is fenced on (status 'sending', the claimed attempt number): a sender
  that lost its lease changes nothing.
- Never lost: a sender that dies at any point leaves the row 'sending' until the lease ends;
  the next claim takes it again. Dying after the SMTP server accepted the message but before
  'sent' was recorded is the one case that sends it twice, once per such crash, and both copies
  carry the same Message-ID (derived from the delivery id), so a receiver can drop the second.
- A person's address gets nothing but account e-mails (verification, sign-up notice) until
  membership said they verified it: such a row is 'failed' with that reason, never sent.
- Temporary refusals (4xx, connection failures) retry with backoff and jitter (RetryPolicy) up
  to the last attempt, then 'failed'; a permanent refusal (5xx) or a template that cannot render
  the row's context is 'failed' at once.
"""

import asyncio
import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import structlog
from prometheus_client import Counter

from notifications.domain.email import (
    NOT_VERIFIED,
    Accepted,
    EmailDelivery,
    GiveUp,
    NotTried,
    OutgoingEmail,
    Refused,
    RetryPolicy,
    SendOutcome,
    needs_verified_address,
)
from notifications.service_layer.email_ports import (
    EmailDeliveryRepository,
    EmailRenderer,
    EmailUnitOfWork,
    Mailer,
)

log = structlog.get_logger(__name__)

ATTEMPTS = Counter(
    "email_delivery_attempts_total",
    "E-mail delivery attempts by what followed: sent, retry, failed, not_verified, given_back, lease_lost",
    ["outcome"],
)


@dataclass(frozen=True, slots=True)
class SendingRules:
    batch_size: int = 20
    lease_seconds: float = 300.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)


@dataclass(frozen=True, slots=True)
class EmailChannel:
    """What the sender works with: rows, templates, the SMTP server, and the rules."""

    unit_of_work: Callable[[], EmailUnitOfWork]
    renderer: EmailRenderer
    mailer: Mailer
    rules: SendingRules = field(default_factory=SendingRules)
    random: Callable[[], float] = random.random
    clock: Callable[[], float] = time.monotonic


async def send_due_emails(channel: EmailChannel) -> int:
    """One batch: claim the rows that are due, send them, record each outcome; how many claimed."""
    rules = channel.rules
    lease_ends = channel.clock() + rules.lease_seconds
    async with channel.unit_of_work() as uow:
        claimed = await uow.email_deliveries.claim_due(
            limit=rules.batch_size, lease_seconds=rules.lease_seconds
        )
        verified = await uow.verified_addresses.verified(
            [(d.person_id, d.to_address) for d in claimed if d.person_id and needs_verified_address(d)]
        )
        await uow.commit()
    if not claimed:
        return 0
    outcomes: list[tuple[EmailDelivery, SendOutcome]] = []
    ready: list[tuple[EmailDelivery, OutgoingEmail]] = []
    for delivery in claimed:
        if needs_verified_address(delivery) and (delivery.person_id, delivery.to_address) not in verified:
            outcomes.append((delivery, NOT_VERIFIED))
            continue
        try:
            content = channel.renderer.render(delivery.template, delivery.language, delivery.context)
        except ValueError as error:
            outcomes.append((delivery, Refused(str(error), permanent=True)))
            continue
        ready.append((delivery, OutgoingEmail(delivery.id, delivery.to_address, content)))
    sent = (
        await channel.mailer.send_batch([email for _, email in ready], lease_ends=lease_ends) if ready else []
    )
    outcomes.extend(zip((delivery for delivery, _ in ready), sent, strict=True))
    await _record(channel, outcomes)
    return len(claimed)


async def _record(channel: EmailChannel, outcomes: list[tuple[EmailDelivery, SendOutcome]]) -> None:
    async with channel.unit_of_work() as uow:
        # In person order: two senders' refusals take the people's verification locks alike.
        for delivery, outcome in sorted(outcomes, key=lambda pair: str(pair[0].person_id)):
            what = await _apply(uow.email_deliveries, channel, delivery, outcome)
            ATTEMPTS.labels(what).inc()
        await uow.commit()


async def _apply(
    rows: EmailDeliveryRepository, channel: EmailChannel, delivery: EmailDelivery, outcome: SendOutcome
) -> str:
    """Move the row as the outcome says, if this claim still holds it; what happened."""
    attempt = delivery.attempts
    if isinstance(outcome, Accepted):
        held, what = await rows.mark_sent(delivery.id, attempt=attempt), "sent"
    elif outcome is NOT_VERIFIED:
        held = await rows.refuse_unverified(delivery, attempt=attempt, reason=outcome.reason)
        what = "not_verified"
    elif isinstance(outcome, NotTried):
        held, what = await rows.release(delivery.id, attempt=attempt), "given_back"
    else:
        step = channel.rules.retry.after_refusal(attempt, outcome, channel.random)
        if isinstance(step, GiveUp):
            held, what = await rows.mark_failed(delivery.id, attempt=attempt, error=step.reason), "failed"
            log.warning("email_failed", delivery_id=str(delivery.id), reason=step.reason)
        else:
            delay = step.delay_seconds
            held = await rows.retry_later(
                delivery.id, attempt=attempt, error=outcome.reason, delay_seconds=delay
            )
            what = "retry"
    if not held:
        log.warning("email_lease_lost", delivery_id=str(delivery.id), attempt=attempt)
        return "lease_lost"
    return what


class EmailSender:
    """Runs `send_due_emails` until stopped: at once again after a full batch, otherwise after
    the poll interval; a failing pass (database down) is retried with a growing pause."""

    def __init__(self, channel: EmailChannel, *, poll_interval: float = 1.0) -> None:
        self._channel = channel
        self._poll_interval = poll_interval
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Finish the batch under way, then return from `run`."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        pause = self._poll_interval
        while not self._stopping:
            try:
                claimed = await send_due_emails(self._channel)
                pause = self._poll_interval
            except Exception as error:
                log.warning("email_sender_pass_failed", error=str(error), retry_in=pause)
                claimed, pause = 0, min(pause * 2, 30.0)
            if claimed == self._channel.rules.batch_size:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), pause)
            self._wake.clear()
