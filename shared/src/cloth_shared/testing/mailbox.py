"""A real SMTP server on a loopback port (aiosmtpd), for tests and for local development.

Tests: `with serving_mailbox() as mailbox:` gives its port, the messages it accepted, and
`refuse_next(n, "451 …")` to make it refuse the next n messages as a real server may.
Development (deploy/local/mailbox.sh): `python -m cloth_shared.testing.mailbox --port 1025
--directory .local/mail` keeps every message as an .eml file that any mail client opens.
"""

import argparse
import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from uuid import uuid4

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

ACCEPTED = "250 2.0.0 OK: queued"


class Mailbox:
    """An aiosmtpd handler: accepts (or refuses, when told to) and keeps what it accepted."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        self.port = 0
        self._messages: list[EmailMessage] = []
        self._refusals: list[str] = []
        self._lock = threading.Lock()  # aiosmtpd's Controller runs in its own thread
        self._arrived = threading.Event()

    @property
    def messages(self) -> list[EmailMessage]:
        with self._lock:
            return list(self._messages)

    def refuse_next(self, count: int, reply: str = "451 4.3.0 Try again later") -> None:
        """Answer the next `count` messages' DATA with `reply` instead of accepting them."""
        with self._lock:
            self._refusals.extend([reply] * count)

    async def handle_DATA(self, server: SMTP, session: Any, envelope: Any) -> str:  # noqa: N802
        with self._lock:
            if self._refusals:
                return self._refusals.pop(0)
        message: EmailMessage = BytesParser(policy=policy.default).parsebytes(envelope.content)
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")
            path = self.directory / f"{stamp}-{uuid4().hex[:8]}.eml"
            path.write_bytes(envelope.content)
            print(f"{stamp} to {', '.join(envelope.rcpt_tos)}: {message['Subject']} → {path}", flush=True)
        with self._lock:
            self._messages.append(message)
        self._arrived.set()
        return ACCEPTED

    async def received(self, count: int, *, within: float = 30.0) -> list[EmailMessage]:
        """The messages, once at least `count` arrived (a guard against waiting forever)."""
        async with asyncio.timeout(within):
            while len(found := self.messages) < count:
                # Set from the server's thread: waited for in a worker thread, briefly each time.
                await asyncio.to_thread(self._arrived.wait, 0.1)
                self._arrived.clear()
        return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving_mailbox(directory: Path | None = None) -> Iterator[Mailbox]:
    """A mailbox listening on a free loopback port for the duration of the block."""
    mailbox = Mailbox(directory)
    mailbox.port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


async def serve(host: str, port: int, directory: Path) -> None:
    mailbox = Mailbox(directory)
    server = await asyncio.get_running_loop().create_server(lambda: SMTP(mailbox), host, port)
    print(f"mailbox: SMTP on {host}:{port}, messages kept in {directory}", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description="A local SMTP server keeping mail as .eml files.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--directory", type=Path, default=Path(".local/mail"))
    arguments = parser.parse_args()
    asyncio.run(serve(arguments.host, arguments.port, arguments.directory))


if __name__ == "__main__":
    main()
