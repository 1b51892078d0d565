"""E-mail deliveries on PostgreSQL, sent to a real SMTP server (aiosmtpd on a loopback port)."""

import asyncio
from email.message import EmailMessage
from uuid import UUID, uuid4

import asyncpg
import pytest

from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.mailbox import Mailbox
from cloth_shared.testing.tokens import TestTokens
from notifications.adapters.email_templates import JinjaEmailRenderer
from notifications.adapters.smtp import SmtpMailer, SmtpServer
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import DEFINITION, MIGRATIONS
from notifications.config import NotificationsSettings
from notifications.domain.email import EmailDelivery, RetryPolicy
from notifications.service_layer.email_sending import EmailChannel, SendingRules, send_due_emails

pytestmark = pytest.mark.integration

BULGARIAN_REQUEST = {
    "display_name": "Иван <script>alert(1)</script>",
    "visitor_name": "Bucharest Knitwear SRL",
    "first_day": "2027-03-01",
    "last_day": "2027-03-05",
    "activity_kind": "knowledge_sharing",
}


@pytest.fixture
async def pool(migrated_pool) -> asyncpg.Pool:  # type: ignore[no-untyped-def]
    return await migrated_pool(MIGRATIONS)


def channel(pool: asyncpg.Pool, mailbox: Mailbox, *, max_attempts: int = 5) -> EmailChannel:
    server = SmtpServer(host="127.0.0.1", port=mailbox.port, sender="notifications@cloth.example")
    return EmailChannel(
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications")),
        renderer=JinjaEmailRenderer(),
        mailer=SmtpMailer(server),
        # No wait between attempts: the test drives the passes itself.
        rules=SendingRules(batch_size=10, retry=RetryPolicy(max_attempts=max_attempts, base_seconds=0)),
    )


async def add_delivery(pool: asyncpg.Pool, *, language: str = "bg", to: str = "ivan@example.org") -> UUID:
    delivery = EmailDelivery(
        id=uuid4(),
        notification_id=uuid4(),
        to_address=to,
        language=language,
        template="ExchangeRequested",
        context=BULGARIAN_REQUEST,
    )
    async with PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications")) as uow:
        await uow.email_deliveries.add(delivery)
        await uow.commit()
    return delivery.id


async def state(pool: asyncpg.Pool, delivery_id: UUID) -> tuple[str, int]:
    row = await pool.fetchrow("SELECT status, attempts FROM email_deliveries WHERE id = $1", delivery_id)
    assert row is not None
    return row["status"], row["attempts"]


def parts(message: EmailMessage) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.iter_parts()}


async def test_a_bulgarian_person_gets_a_multipart_email_in_bulgarian_with_their_name_escaped(
    pool, mailbox
) -> None:
    delivery_id = await add_delivery(pool)
    assert await send_due_emails(channel(pool, mailbox)) == 1
    (message,) = await mailbox.received(1)
    assert message["Subject"] == "Нова заявка за Fashion ClusterXchange от Bucharest Knitwear SRL"
    assert message["To"] == "ivan@example.org"
    assert message["Message-ID"] == f"<{delivery_id}@cloth.example>"
    assert message["Content-Language"] == "bg"
    assert message.get_content_type() == "multipart/alternative"
    text, html = parts(message)["text/plain"], parts(message)["text/html"]
    assert "Дейност: обмен на знания" in text and "Здравейте, Иван <script>alert(1)</script>," in text
    assert "<script>" not in html and "Иван &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert await state(pool, delivery_id) == ("sent", 1)


async def test_a_refusing_server_is_retried_until_it_accepts(pool, mailbox) -> None:
    mailbox.refuse_next(2, "451 4.3.0 Mailbox busy, try again later")
    delivery_id = await add_delivery(pool)
    sender = channel(pool, mailbox)
    for _ in range(2):
        await send_due_emails(sender)
        assert await state(pool, delivery_id) == ("pending", _ + 1)
    await send_due_emails(sender)
    assert await state(pool, delivery_id) == ("sent", 3)
    assert len(await mailbox.received(1)) == 1


async def test_a_server_that_keeps_refusing_fails_the_delivery_after_the_last_attempt(pool, mailbox) -> None:
    mailbox.refuse_next(100, "451 4.3.0 Mailbox busy, try again later")
    delivery_id = await add_delivery(pool)
    sender = channel(pool, mailbox, max_attempts=3)
    for _ in range(4):
        await send_due_emails(sender)
    assert await state(pool, delivery_id) == ("failed", 3)
    error = await pool.fetchval("SELECT last_error FROM email_deliveries WHERE id = $1", delivery_id)
    assert error.startswith("gave up after 3 attempts: 451")
    assert mailbox.messages == []


async def test_a_server_that_cannot_be_reached_is_a_temporary_failure(pool, mailbox) -> None:
    delivery_id = await add_delivery(pool)
    unreachable = SmtpServer(host="127.0.0.1", port=1, sender="notifications@cloth.example")
    sender = channel(pool, mailbox)
    await send_due_emails(
        EmailChannel(sender.unit_of_work, sender.renderer, SmtpMailer(unreachable), sender.rules)
    )
    assert await state(pool, delivery_id) == ("pending", 1)


async def test_a_row_left_sending_by_a_crashed_sender_is_sent_once_more_after_its_lease(
    pool, mailbox
) -> None:
    delivery_id = await add_delivery(pool)
    # A sender claimed it, the server accepted it, and the sender died before recording 'sent'.
    await pool.execute(
        "UPDATE email_deliveries SET status = 'sending', attempts = 1,"
        " next_attempt_at = now() + interval '1 hour' WHERE id = $1",
        delivery_id,
    )
    sender = channel(pool, mailbox)
    assert await send_due_emails(sender) == 0  # within the lease nobody else touches it
    await pool.execute(
        "UPDATE email_deliveries SET next_attempt_at = now() - interval '1 second' WHERE id = $1", delivery_id
    )
    assert await send_due_emails(sender) == 1
    assert await send_due_emails(sender) == 0
    (message,) = await mailbox.received(1)
    assert message["Message-ID"] == f"<{delivery_id}@cloth.example>"  # the same as the first copy's
    assert await state(pool, delivery_id) == ("sent", 2)


async def test_two_senders_draining_together_send_each_email_exactly_once(pool, mailbox) -> None:
    deliveries = [await add_delivery(pool, to=f"person{i}@example.org") for i in range(30)]
    first, second = channel(pool, mailbox), channel(pool, mailbox)

    async def drain(sender: EmailChannel) -> None:
        while await send_due_emails(sender):
            pass

    await asyncio.gather(drain(first), drain(second))
    received = await mailbox.received(30)
    assert sorted(m["Message-ID"] for m in received) == sorted(f"<{d}@cloth.example>" for d in deliveries)
    assert {await state(pool, d) for d in deliveries} == {("sent", 1)}


async def test_the_running_service_sends_what_is_written_to_its_delivery_table(
    database_url, service_environment, monkeypatch, mailbox
) -> None:
    for name, value in {
        "NOTIFICATIONS_DATABASE_URL": database_url,
        "NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM": TestTokens().public_key_pem,
        "NOTIFICATIONS_SMTP_PORT": str(mailbox.port),
        "NOTIFICATIONS_SMTP_FROM": "notifications@cloth.example",
        "NOTIFICATIONS_EMAIL_POLL_INTERVAL_SECONDS": "0.05",
    }.items():
        monkeypatch.setenv(name, value)
    app = create_app(DEFINITION, lambda: load_settings(NotificationsSettings))
    async with running(app) as (_, infra):
        delivery_id = await add_delivery(infra.pool, language="fr")
        (message,) = await mailbox.received(1)
    assert message["Subject"] == "Nouvelle demande de Fashion ClusterXchange de Bucharest Knitwear SRL"
    assert message["Message-ID"] == f"<{delivery_id}@cloth.example>"


async def test_a_claim_too_short_for_a_message_to_time_out_in_sends_nothing_and_gives_the_row_back(
    pool, mailbox
) -> None:
    delivery_id = await add_delivery(pool)
    server = SmtpServer(host="127.0.0.1", port=mailbox.port, sender="x@cloth.example", timeout_seconds=30)
    sender = channel(pool, mailbox)
    rules = SendingRules(lease_seconds=5)
    short = EmailChannel(sender.unit_of_work, sender.renderer, SmtpMailer(server), rules)
    assert await send_due_emails(short) == 1
    assert await state(pool, delivery_id) == ("pending", 0)
    assert mailbox.messages == []
