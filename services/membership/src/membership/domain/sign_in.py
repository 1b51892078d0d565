"""Limits on sign-in attempts, so passwords cannot be guessed at speed."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from cloth_shared.errors import TooManyRequests


@dataclass(frozen=True, slots=True)
class Throttle:
    """At most `max_failures` failed sign-ins per account (and per client address) per window."""

    max_failures: int = 5
    max_failures_per_address: int = 30
    window: timedelta = timedelta(minutes=15)

    def since(self, now: datetime) -> datetime:
        return now - self.window

    def check(self, *, account_failures: list[datetime], address_failures: int, now: datetime) -> None:
        """Refuse before the password is even checked, once the limit is reached."""
        if len(account_failures) >= self.max_failures or address_failures >= self.max_failures_per_address:
            oldest = min(account_failures, default=now)
            retry_after = max(1, int((oldest + self.window - now).total_seconds()))
            raise TooManyRequests(
                "too many failed sign-ins: wait before trying again",
                retry_after_seconds=retry_after,
            )
