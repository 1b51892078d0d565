"""Password hashing with Argon2id (memory-hard), run off the event loop."""

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2Passwords:
    def __init__(self, *, time_cost: int, memory_kib: int, parallelism: int, concurrent: int = 2) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        # Each hash holds `memory_kib` while it runs: a burst of sign-ins must not multiply that
        # past what the process may use. Hashing is CPU-bound, so more at once is not faster.
        self._slots = asyncio.Semaphore(concurrent)
        # Verified when the account does not exist, so timing does not tell who has signed up.
        self._decoy = self._hasher.hash("decoy password, never matches")

    async def hash(self, password: str) -> str:
        async with self._slots:
            return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        async with self._slots:
            return await asyncio.to_thread(self._verify, password_hash, password)

    def _verify(self, password_hash: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash or self._decoy, password) and password_hash is not None
        except (VerificationError, InvalidHashError):
            return False
