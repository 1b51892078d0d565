"""Learner profiles over asyncpg; the SQL lives in learning_plan_queries.py."""

from dataclasses import asdict
from uuid import UUID

import asyncpg

from knowledge.adapters import learning_plan_queries as q
from knowledge.domain.learning_plans import LearnerProfile

_TUPLES = ("value_chains", "languages", "exchange_activities")


class PostgresLearnerProfileRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> LearnerProfile | None:
        query = q.GET_LEARNER_PROFILE_FOR_UPDATE if for_update else q.GET_LEARNER_PROFILE
        row = await self._connection.fetchrow(query, organisation_id)
        if row is None:
            return None
        values = dict(row)
        return LearnerProfile(**{**values, **{column: tuple(values[column]) for column in _TUPLES}})

    async def save(self, profile: LearnerProfile) -> None:
        values = asdict(profile)
        values.update({column: list(values[column]) for column in _TUPLES})
        await self._connection.execute(
            q.SAVE_LEARNER_PROFILE, *(values[column] for column in q.LEARNER_PROFILE_COLUMNS)
        )
