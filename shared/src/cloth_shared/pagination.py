"""Page parameters every list endpoint takes, spelled once so every API caps pages alike."""

from typing import Annotated

from fastapi import Query

MAX_PAGE_SIZE = 100
MAX_OFFSET = 100_000

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size, at most {MAX_PAGE_SIZE}.")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip (prefer the cursor where offered).")
]
Cursor = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=r"^[A-Za-z0-9_\-=]+$",
        description="Opaque position returned as `next_cursor` by the previous page.",
    ),
]
