"""What learning plans need from storage."""

from typing import Protocol
from uuid import UUID

from knowledge.domain.learning_plans import LearnerProfile


class LearnerProfileRepository(Protocol):
    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> LearnerProfile | None: ...

    async def save(self, profile: LearnerProfile) -> None:
        """Insert or replace."""
