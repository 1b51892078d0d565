"""Fixtures of the notifications integration tests."""

from collections.abc import Iterator

import pytest

from cloth_shared.testing.mailbox import Mailbox, serving_mailbox


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    """A real SMTP server (aiosmtpd) on a free loopback port, keeping what it accepts."""
    with serving_mailbox() as box:
        yield box
