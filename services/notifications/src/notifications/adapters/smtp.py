"""Sending e-mail to an SMTP server with aiosmtplib: one connection per batch, one message per
delivery, each message's fate reported separately (a refused recipient does not sink the batch)."""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate

import aiosmtplib
import structlog

from notifications.domain.email import Accepted, NotTried, OutgoingEmail, Refused, SendOutcome, message_id

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class SmtpServer:
    host: str
    port: int
    sender: str
    sender_name: str = "CLOTH"
    security: str = "none"  # 'none' | 'starttls' | 'tls'
    username: str | None = None
    password: str | None = None
    timeout_seconds: float = 30.0
    # The right-hand side of Message-IDs: the sender's domain unless configured.
    message_id_domain: str | None = None


def compose(email: OutgoingEmail, server: SmtpServer) -> EmailMessage:
    """A multipart/alternative message: plain text first, HTML preferred by clients that can."""
    message = EmailMessage()  # the default policy refuses CR/LF in header values
    message["From"] = formataddr((server.sender_name, server.sender))
    message["To"] = email.to_address
    message["Subject"] = email.content.subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    domain = server.message_id_domain or server.sender.rpartition("@")[2] or "cloth.invalid"
    message["Message-ID"] = message_id(email.delivery_id, domain)
    # Automatic mail: out-of-office replies and the like must not answer it (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(email.content.text)
    message.add_alternative(email.content.html, subtype="html")
    message["Content-Language"] = email.content.language  # after set_content, which clears Content-*
    return message


class SmtpMailer:
    def __init__(self, server: SmtpServer) -> None:
        self._server = server

    async def send_batch(self, emails: Sequence[OutgoingEmail], *, lease_ends: float) -> list[SendOutcome]:
        """Send each in turn on one connection. A message is not started unless it can time out
        before `lease_ends` (time.monotonic()): a sender that overran its lease could otherwise
        send a row another sender has claimed again."""
        server = self._server
        outcomes: list[SendOutcome] = []
        client = aiosmtplib.SMTP(
            hostname=server.host,
            port=server.port,
            timeout=server.timeout_seconds,
            use_tls=server.security == "tls",
            start_tls=server.security == "starttls",
            username=server.username,
            password=server.password,
        )
        try:
            await client.connect()
        except (aiosmtplib.SMTPException, OSError) as error:
            return [Refused(f"cannot reach the SMTP server: {error}") for _ in emails]
        try:
            for email in emails:
                if time.monotonic() + server.timeout_seconds >= lease_ends:
                    outcomes.append(NotTried())
                    continue
                outcomes.append(await self._send_one(client, email))
        finally:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError):
                client.close()
        return outcomes

    async def _send_one(self, client: aiosmtplib.SMTP, email: OutgoingEmail) -> SendOutcome:
        try:
            message = compose(email, self._server)
        except ValueError as error:  # an address the e-mail package refuses as a header
            return Refused(f"cannot compose the message: {error}", permanent=True)
        try:
            await client.send_message(message)
        except aiosmtplib.SMTPRecipientsRefused as error:
            codes = [refusal.code for refusal in error.recipients]
            return Refused(f"recipient refused: {codes}", permanent=all(500 <= c < 600 for c in codes))
        except aiosmtplib.SMTPResponseException as error:
            # 5xx: the server will never take it; 4xx: try again later.
            return Refused(f"{error.code} {error.message}", permanent=500 <= error.code < 600)
        except (aiosmtplib.SMTPException, OSError) as error:
            if not client.is_connected:
                await _reconnect(client)
            return Refused(f"SMTP conversation failed: {error}")
        return Accepted()


async def _reconnect(client: aiosmtplib.SMTP) -> None:
    try:
        await client.connect()
    except (aiosmtplib.SMTPException, OSError) as error:
        log.info("smtp_reconnect_failed", error=str(error))
