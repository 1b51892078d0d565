"""An in-memory `TokenValidityRepository` for fake units of work."""

from datetime import datetime
from uuid import UUID


class FakeTokenValidity:
    """Over a dict the fake database owns (and copies with the rest of it)."""

    def __init__(self, valid_from: dict[UUID, datetime]) -> None:
        self._valid_from = valid_from

    async def refuse_before(self, subject: UUID, at: datetime) -> None:
        known = self._valid_from.get(subject)
        self._valid_from[subject] = at if known is None else max(known, at)

    async def valid_from(self, subject: UUID) -> datetime | None:
        return self._valid_from.get(subject)
