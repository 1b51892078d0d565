"""A host learns of an exchange request by e-mail, end to end: membership, exchange and
notifications as separate OS processes on real Kafka and PostgreSQL, mail through a real SMTP
server. The host verifies their address from the link notifications mailed them; the request then
reaches them once, in their language, as text and HTML, though the event is delivered twice.
"""

import asyncio
import re
from email.message import EmailMessage
from typing import Any
from uuid import UUID, uuid4

import pytest

from cloth_shared.contracts import topics
from cloth_shared.testing.flows import BFA, MembershipFlows, application
from cloth_shared.testing.kafka import produce_raw, read_topic
from cloth_shared.testing.mailbox import Mailbox, serving_mailbox

from .conftest import Platform
from .exchange_steps import ok, programme, requested

pytestmark = pytest.mark.e2e

WEB = "https://cloth.test"
# The sign-up flow writes in Catalan: so must the host's mail.
REQUEST_SUBJECT_CA = "Nova sol·licitud de Fashion ClusterXchange"  # "… de <visitor>" once known
HOST_NAME = "Tints Igualada SL"
WELCOME_SUBJECT_CA = f"Benvinguts a l'aliança CLOTH, {HOST_NAME}"
VERIFY_SUBJECT_CA = "Confirmi la seva adreça electrònica per a CLOTH"
CANCELLED_SUBJECT = "Intercanvi cancel·lat"  # the title of ExchangeCancelled in the host's Catalan


def mail_env(mailbox: Mailbox) -> dict[str, str]:
    return {
        "NOTIFICATIONS_SMTP_HOST": "127.0.0.1",
        "NOTIFICATIONS_SMTP_PORT": str(mailbox.port),
        "NOTIFICATIONS_SMTP_SECURITY": "none",
        "NOTIFICATIONS_EMAIL_POLL_INTERVAL_SECONDS": "0.1",
        "NOTIFICATIONS_PUBLIC_WEB_URL": WEB,
    }


async def mail_to(mailbox: Mailbox, address: str, subject: str) -> EmailMessage:
    """The first message to `address` whose subject starts with `subject`, once it arrived."""
    async with asyncio.timeout(60):
        while True:
            for message in mailbox.messages:
                if message["To"] == address and str(message["Subject"]).startswith(subject):
                    return message
            await mailbox.received(len(mailbox.messages) + 1, within=60)


def body(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None, f"no text/{subtype} part"
    return str(part.get_content())


async def host_with_verified_address(
    flows: MembershipFlows, mailbox: Mailbox, manager: dict[str, str]
) -> tuple[UUID, str]:
    """An organisation whose admin opened the verification link notifications mailed them."""
    address = f"host-{uuid4().hex[:8]}@example.org"
    applicant = await flows.sign_up(email=address)
    organisation = await ok(
        flows.http.post("/organisations", json=application(legal_name=HOST_NAME), headers=applicant),
        201,
    )
    await ok(flows.http.post(f"/organisations/{organisation['id']}/approval", headers=manager))
    verification = await mail_to(mailbox, address, VERIFY_SUBJECT_CA)
    [token] = re.findall(rf"{re.escape(WEB)}/verify-email\?token=([\w\-]+)", body(verification, "plain"))
    await ok(flows.http.post("/auth/verify-email", json={"token": token}), 204)
    return UUID(organisation["id"]), address


async def test_a_host_receives_an_exchange_request_by_email_once_in_their_language(
    platform: Platform,
) -> None:
    with serving_mailbox() as mailbox:
        await platform.start("membership", "exchange", "notifications", **mail_env(mailbox))
        async with (
            platform.services["membership"].client() as membership,
            platform.services["exchange"].client() as exchange,
        ):
            flows = MembershipFlows(membership)
            admin, modacc, bfa = await flows.admin(), await flows.manager(), await flows.manager(BFA)
            host_id, address = await host_with_verified_address(flows, mailbox, modacc)
            visitor_id, visitor = await flows.active(
                bfa, legal_name="Moda Ruse OOD", cluster_id=BFA, country="BG", region="BG323", city="Ruse"
            )
            programme_id = await programme(exchange, admin)
            exchange_id = await requested(exchange, programme_id, visitor_id, host_id, visitor)

            request = await mail_to(mailbox, address, REQUEST_SUBJECT_CA)
            # The welcome, written before the address was verified, went once it was.
            await mail_to(mailbox, address, WELCOME_SUBJECT_CA)

            # The same event once more, as a broker redelivers it; then a later event of the same
            # exchange (same key, same partition): once its mail is here, the copy was consumed.
            await redeliver(platform, exchange_id, "ExchangeRequested")
            reason = {"reason": "Our plans changed."}
            await ok(exchange.post(f"/exchanges/{exchange_id}/cancellation", json=reason, headers=visitor))
            await mail_to(mailbox, address, CANCELLED_SUBJECT)

    requests = [m for m in mailbox.messages if str(m["Subject"]).startswith(REQUEST_SUBJECT_CA)]
    assert [m["To"] for m in requests] == [address]
    assert [m["To"] for m in mailbox.messages if m["Subject"] == WELCOME_SUBJECT_CA] == [address]
    assert request.is_multipart() and request.get_content_type() == "multipart/alternative"
    text, html = body(request, "plain"), body(request, "html")
    assert "La seva organització ha rebut una sol·licitud" in text
    assert f"{WEB}/exchange/{exchange_id}" in text and f'href="{WEB}/exchange/{exchange_id}"' in html
    assert '<html lang="ca">' in html and request["Content-Language"] == "ca"


async def redeliver(platform: Platform, exchange_id: str, event_type: str) -> None:
    topic = platform.topic_prefix + topics.EXCHANGE_EXCHANGES
    records = await read_topic(platform.kafka, topic, at_least=1)
    record: Any = next(
        r for r in records if event_type.encode() in r.value and exchange_id.encode() in r.value
    )
    await produce_raw(platform.kafka, topic, record.value, key=record.key, headers=list(record.headers))
