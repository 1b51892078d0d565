"""E-mail verifications over asyncpg, mapped by column name from one column list."""

from uuid import UUID

import asyncpg

from membership.domain.email_verification import EmailVerification

COLUMNS = "token_hash, person_id, email, created_at, expires_at, used_at, replaces_email"

INSERT = f"INSERT INTO email_verifications ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"
BY_TOKEN_HASH = f"SELECT {COLUMNS} FROM email_verifications WHERE token_hash = $1"
BY_TOKEN_HASH_FOR_UPDATE = BY_TOKEN_HASH + " FOR UPDATE"
MARK_USED = "UPDATE email_verifications SET used_at = $2 WHERE token_hash = $1"
IS_VERIFIED = """
SELECT EXISTS (
    SELECT 1 FROM email_verifications WHERE person_id = $1 AND email = $2 AND used_at IS NOT NULL
)
"""
FORGET = "DELETE FROM email_verifications WHERE person_id = $1"
# On erasure, the person's address events still in the outbox: those not yet published are
# dropped (no mail goes to an erased person), the published ones lose their personal fields.
ADDRESS_EVENTS = "('EmailVerificationRequested', 'ExistingAccountSignUpAttempted', 'EmailAddressVerified')"
DROP_UNPUBLISHED_ADDRESS_EVENTS = f"""
DELETE FROM outbox WHERE message_key = $1 AND published_at IS NULL AND event_type IN {ADDRESS_EVENTS}
"""
REDACT_PUBLISHED_ADDRESS_EVENTS = f"""
UPDATE outbox
SET envelope = envelope #- '{{payload,email}}' #- '{{payload,display_name}}' #- '{{payload,token}}'
    #- '{{payload,person,email}}' #- '{{payload,person,display_name}}'
WHERE message_key = $1 AND event_type IN {ADDRESS_EVENTS}
"""


class PostgresEmailVerificationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, verification: EmailVerification) -> None:
        v = verification
        values = (v.token_hash, v.person_id, v.email, v.created_at, v.expires_at, v.used_at, v.replaces_email)
        await self._connection.execute(INSERT, *values)

    async def by_token_hash(self, token_hash: str, *, for_update: bool = False) -> EmailVerification | None:
        row = await self._connection.fetchrow(
            BY_TOKEN_HASH_FOR_UPDATE if for_update else BY_TOKEN_HASH, token_hash
        )
        return EmailVerification(**dict(row)) if row else None

    async def mark_used(self, verification: EmailVerification) -> None:
        await self._connection.execute(MARK_USED, verification.token_hash, verification.used_at)

    async def is_verified(self, person_id: UUID, email: str) -> bool:
        return bool(await self._connection.fetchval(IS_VERIFIED, person_id, email))

    async def forget(self, person_id: UUID) -> None:
        await self._connection.execute(FORGET, person_id)
        await self._connection.execute(DROP_UNPUBLISHED_ADDRESS_EVENTS, str(person_id))
        await self._connection.execute(REDACT_PUBLISHED_ADDRESS_EVENTS, str(person_id))
