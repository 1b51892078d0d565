"""Row ids that sort by creation time (UUID version 7, RFC 9562 section 5.7).

A table written many rows at a time (a consumer's notifications, their e-mail rows) keyed by
random version-4 ids inserts each key on a random page of its primary-key index: at a million
rows that index no longer sits in PostgreSQL's buffers, and each insert reads and dirties (and
after a checkpoint writes to the WAL whole) a page of its own. Version-7 ids rise with time, so
new keys land on the index's last pages. Python's own uuid.uuid7 arrives in 3.14.
"""

import os
import time
from uuid import UUID


def time_ordered_uuid() -> UUID:
    """48 bits of Unix milliseconds, the version and variant bits, then 74 random bits."""
    milliseconds = time.time_ns() // 1_000_000
    random = int.from_bytes(os.urandom(10))
    value = (milliseconds & (2**48 - 1)) << 80 | 0x7 << 76 | (random >> 64 & 0xFFF) << 64
    value |= 0b10 << 62 | random & (2**62 - 1)
    return UUID(int=value)
