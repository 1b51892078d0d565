"""Limits on password and secret guessing that an attacker cannot turn against the owner.

Failures are counted per (account, client address) and per address, each with a hard limit in
a window: a guesser is stopped where they are. Failures of one account from every address only
slow it down — a delay doubling per failure past a free allowance, capped at `max_delay` — so
wrong passwords from elsewhere never lock the owner out for long (NIST SP 800-63B §5.2.2).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from cloth_shared.errors import TooManyRequests

Failure = tuple[datetime, str]  # when, from which client address


@dataclass(frozen=True, slots=True)
class Throttle:
    max_failures: int = 5  # one account from one address, per window
    max_failures_per_address: int = 30  # any accounts from one address, per window
    free_account_failures: int = 10  # one account from all addresses before delays start
    max_delay: timedelta = timedelta(seconds=60)
    window: timedelta = timedelta(minutes=15)

    def since(self, now: datetime) -> datetime:
        return now - self.window

    def check(
        self,
        *,
        account_failures: Sequence[Failure],
        client_address: str,
        address_failures: int,
        now: datetime,
    ) -> None:
        """Refuse before the password is even checked, with when to try again."""
        pair = [at for at, address in account_failures if address == client_address]
        if len(pair) >= self.max_failures:
            self._refuse(min(pair) + self.window - now)
        if address_failures >= self.max_failures_per_address:
            self._refuse(self.window)
        extra = len(account_failures) - self.free_account_failures
        if extra >= 0:
            delay = min(timedelta(seconds=2**extra), self.max_delay)
            last = max(at for at, _ in account_failures)
            if now < last + delay:
                self._refuse(last + delay - now)

    @staticmethod
    def _refuse(wait: timedelta) -> None:
        raise TooManyRequests(
            "too many failed attempts: wait before trying again",
            retry_after_seconds=max(1, ceil(wait.total_seconds())),
        )
