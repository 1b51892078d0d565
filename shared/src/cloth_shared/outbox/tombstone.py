"""A tombstone: the null-value record after which a compacted topic forgets a key entirely.

Not an event (no envelope, nothing to consume): it goes through the outbox like one, so it
leaves after the events emitted before it in the same transaction, in the key's order —
e.g. PersonErased, then the tombstone that removes the person's earlier records from Kafka.
"""

from typing import ClassVar

from cloth_shared.contracts.envelope import Event

TOMBSTONE_TYPE = "Tombstone"


class Tombstone(Event):
    event_type: ClassVar[str] = TOMBSTONE_TYPE
    event_version: ClassVar[int] = 1
    topic: ClassVar[str] = ""  # the instance's `on_topic` is the topic
    on_topic: str
    key: str

    def subject_key(self) -> str:
        return self.key
