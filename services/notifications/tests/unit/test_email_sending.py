"""Draining delivery rows on fakes: each outcome of an attempt moves the row as promised."""

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID, uuid4

from notifications.adapters.email_templates import JinjaEmailRenderer
from notifications.domain.email import (
    NOT_VERIFIED,
    Accepted,
    EmailDelivery,
    NotTried,
    OutgoingEmail,
    Refused,
    RetryPolicy,
    SendOutcome,
)
from notifications.service_layer.email_sending import EmailChannel, SendingRules, send_due_emails

from .email_examples import CONTEXTS
from .fakes import FakeNotificationsUnitOfWork


class ScriptedMailer:
    """Answers each message with the next scripted outcome (then accepts), and keeps what it sent."""

    def __init__(self, *outcomes: SendOutcome) -> None:
        self.script = list(outcomes)
        self.sent: list[OutgoingEmail] = []

    async def send_batch(self, emails: Sequence[OutgoingEmail], *, lease_ends: float) -> list[SendOutcome]:
        outcomes = [self.script.pop(0) if self.script else Accepted() for _ in emails]
        self.sent += [e for e, o in zip(emails, outcomes, strict=True) if isinstance(o, Accepted)]
        return outcomes


def channel_with(uow: FakeNotificationsUnitOfWork, mailer: ScriptedMailer, **rules) -> EmailChannel:
    retry = RetryPolicy(max_attempts=3, base_seconds=0, cap_seconds=0)
    return EmailChannel(
        unit_of_work=lambda: uow,
        renderer=JinjaEmailRenderer(),
        mailer=mailer,
        rules=SendingRules(**{"retry": retry, **rules}),
    )


async def a_delivery(uow: FakeNotificationsUnitOfWork, template: str = "SMEJoined", context=None) -> UUID:
    delivery = EmailDelivery(
        id=uuid4(),
        notification_id=uuid4(),
        to_address="laia@example.org",
        language="ca",
        template=template,
        context=CONTEXTS[template] if context is None else context,
    )
    async with uow:
        assert await uow.email_deliveries.add(delivery)
        await uow.commit()
    return delivery.id


async def row(uow: FakeNotificationsUnitOfWork, delivery_id: UUID) -> EmailDelivery:
    async with uow.reading():
        found = await uow.email_deliveries.get(delivery_id)
    assert found is not None
    return found


async def test_an_accepted_email_is_marked_sent_after_one_attempt() -> None:
    uow, mailer = FakeNotificationsUnitOfWork(), ScriptedMailer()
    delivery_id = await a_delivery(uow)
    assert await send_due_emails(channel_with(uow, mailer)) == 1
    sent = await row(uow, delivery_id)
    assert (sent.status, sent.attempts, sent.sent_at is not None) == ("sent", 1, True)
    assert mailer.sent[0].content.subject == "Benvinguts a l'aliança CLOTH, Teixits Igualada SL"
    assert await send_due_emails(channel_with(uow, mailer)) == 0  # nothing left to claim


async def test_a_temporary_refusal_retries_later_and_the_last_one_fails_the_delivery() -> None:
    uow = FakeNotificationsUnitOfWork()
    mailer = ScriptedMailer(*[Refused("451 try later")] * 3)
    delivery_id = await a_delivery(uow)
    await send_due_emails(channel_with(uow, mailer))
    retried = await row(uow, delivery_id)
    assert (retried.status, retried.attempts, retried.last_error) == ("pending", 1, "451 try later")
    await send_due_emails(channel_with(uow, mailer))
    await send_due_emails(channel_with(uow, mailer))
    failed = await row(uow, delivery_id)
    assert (failed.status, failed.attempts) == ("failed", 3)
    assert failed.last_error == "gave up after 3 attempts: 451 try later"
    assert mailer.sent == []


async def test_a_permanent_refusal_fails_at_once() -> None:
    uow, mailer = FakeNotificationsUnitOfWork(), ScriptedMailer(Refused("550 no such user", permanent=True))
    delivery_id = await a_delivery(uow)
    await send_due_emails(channel_with(uow, mailer))
    assert (await row(uow, delivery_id)).status == "failed"


async def test_a_row_its_template_cannot_render_fails_without_reaching_the_server() -> None:
    uow, mailer = FakeNotificationsUnitOfWork(), ScriptedMailer()
    broken = await a_delivery(uow, "address_verification", {"verify_url": "https://x.example/v"})
    fine = await a_delivery(uow)
    await send_due_emails(channel_with(uow, mailer))
    assert (await row(uow, broken)).status == "failed"
    assert "valid_hours" in ((await row(uow, broken)).last_error or "")
    assert (await row(uow, fine)).status == "sent"
    assert [e.delivery_id for e in mailer.sent] == [fine]


async def test_a_message_left_unsent_for_lack_of_lease_is_given_back_without_costing_an_attempt() -> None:
    uow, mailer = FakeNotificationsUnitOfWork(), ScriptedMailer(NotTried())
    delivery_id = await a_delivery(uow)
    await send_due_emails(channel_with(uow, mailer))
    given_back = await row(uow, delivery_id)
    assert (given_back.status, given_back.attempts) == ("pending", 0)


async def test_a_row_whose_lease_ran_out_is_claimed_again_and_the_late_sender_changes_nothing() -> None:
    uow = FakeNotificationsUnitOfWork()
    delivery_id = await a_delivery(uow)
    async with uow:  # a sender claims with a lease that is over at once, then dies
        (first_claim,) = await uow.email_deliveries.claim_due(limit=10, lease_seconds=0)
        await uow.commit()
    mailer = ScriptedMailer()
    assert await send_due_emails(channel_with(uow, mailer)) == 1
    async with uow:
        late = await uow.email_deliveries.mark_failed(delivery_id, attempt=first_claim.attempts, error="late")
        await uow.commit()
    resent = await row(uow, delivery_id)
    assert (late, resent.status, resent.attempts, len(mailer.sent)) == (False, "sent", 2, 1)


async def test_a_row_within_its_lease_is_not_claimed_by_another_sender() -> None:
    uow = FakeNotificationsUnitOfWork()
    await a_delivery(uow)
    async with uow:
        assert len(await uow.email_deliveries.claim_due(limit=10, lease_seconds=300)) == 1
        await uow.commit()
    mailer = ScriptedMailer()
    assert await send_due_emails(channel_with(uow, mailer)) == 0
    assert mailer.sent == []


async def a_persons_delivery(uow: FakeNotificationsUnitOfWork, template: str, person_id: UUID) -> UUID:
    delivery = EmailDelivery(
        id=uuid4(),
        person_id=person_id,
        to_address="Laia@Example.org",
        language="ca",
        template=template,
        context=CONTEXTS[template],
    )
    async with uow:
        await uow.email_deliveries.add(delivery)
        await uow.commit()
    return delivery.id


async def test_an_unverified_address_gets_account_emails_and_nothing_else() -> None:
    uow, mailer, person_id = FakeNotificationsUnitOfWork(), ScriptedMailer(), uuid4()
    welcome = await a_persons_delivery(uow, "SMEJoined", person_id)
    verification = await a_persons_delivery(uow, "address_verification", person_id)
    await send_due_emails(channel_with(uow, mailer))
    held_back = await row(uow, welcome)
    assert (held_back.status, held_back.last_error) == ("failed", NOT_VERIFIED.reason)
    assert (await row(uow, verification)).status == "sent"
    assert [e.delivery_id for e in mailer.sent] == [verification]


async def test_a_verified_address_gets_everything_whatever_the_case_of_its_letters() -> None:
    uow, mailer, person_id = FakeNotificationsUnitOfWork(), ScriptedMailer(), uuid4()
    async with uow:
        await uow.verified_addresses.remember(person_id, "laia@example.org", at=datetime.now(UTC))
        await uow.commit()
    welcome = await a_persons_delivery(uow, "SMEJoined", person_id)
    await send_due_emails(channel_with(uow, mailer))
    assert (await row(uow, welcome)).status == "sent"
