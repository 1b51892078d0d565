"""Account e-mails end to end: a verification request on the real topic reaches the real SMTP
server once, in the person's language, whatever the redelivery."""

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import pytest

from cloth_shared.contracts import topics
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import email_verification_requested, encoded
from cloth_shared.testing.kafka import produce_raw
from cloth_shared.testing.tokens import TestTokens
from notifications.bootstrap import DEFINITION
from notifications.config import NotificationsSettings

pytestmark = pytest.mark.integration


@pytest.fixture
async def notifications(
    database_url, service_environment, monkeypatch, mailbox
) -> AsyncIterator[Infrastructure]:
    for name, value in {
        "NOTIFICATIONS_DATABASE_URL": database_url,
        "NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM": TestTokens().public_key_pem,
        "NOTIFICATIONS_SMTP_PORT": str(mailbox.port),
        "NOTIFICATIONS_PUBLIC_WEB_URL": "https://cloth.example",
        "NOTIFICATIONS_EMAIL_POLL_INTERVAL_SECONDS": "0.05",
    }.items():
        monkeypatch.setenv(name, value)
    async with running(create_app(DEFINITION, lambda: load_settings(NotificationsSettings))) as (_, infra):
        yield infra


async def test_a_verification_request_is_e_mailed_once_in_bulgarian_with_its_link(
    notifications, service_environment, mailbox
) -> None:
    bootstrap = service_environment["KAFKA_BOOTSTRAP_SERVERS"]
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ACCOUNT_EMAILS
    event = email_verification_requested(token="a-single-use-link-token-0123456789")
    message, later = encoded(event, event_id=uuid4()), email_verification_requested(email="later@example.org")
    for value in (message, message, encoded(later)):  # the same event twice, then a sentinel
        await produce_raw(bootstrap, topic, value, key=str(event.person_id).encode())
    received = await mailbox.received(2)
    assert sorted(m["To"] for m in received) == ["ivan@example.org", "later@example.org"]
    (mail,) = [m for m in received if m["To"] == "ivan@example.org"]
    assert mail["Subject"] == "Потвърдете имейл адреса си за CLOTH"
    text = mail.get_body(("plain",)).get_content()
    assert "https://cloth.example/verify-email?token=a-single-use-link-token-0123456789" in text
    assert "изтича след 36 часа" in text
    rows = "SELECT count(*) FROM email_deliveries"
    sent = "SELECT count(*) FROM email_deliveries WHERE status = 'sent'"
    async with asyncio.timeout(30):  # the server accepts a message just before its row is marked
        while await notifications.pool.fetchval(sent) < 2:
            await asyncio.sleep(0.05)
    assert await notifications.pool.fetchval(rows) == 2
