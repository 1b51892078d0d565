"""Kafka topic names: the one place they are spelled.

A topic carries the events of one aggregate type, keyed by the aggregate id, so one aggregate's
events stay ordered. Deployments may put a namespace prefix in front (settings.kafka_topic_prefix).
"""

MEMBERSHIP_ORGANISATIONS = "membership.organisations"
MEMBERSHIP_PEOPLE = "membership.people"
EXCHANGE_EXCHANGES = "exchange.exchanges"
KNOWLEDGE_RESOURCES = "knowledge.resources"
KNOWLEDGE_TRAINING = "knowledge.training"
KNOWLEDGE_ROADMAP = "knowledge.roadmap"

ALL_TOPICS: tuple[str, ...] = (
    MEMBERSHIP_ORGANISATIONS,
    MEMBERSHIP_PEOPLE,
    EXCHANGE_EXCHANGES,
    KNOWLEDGE_RESOURCES,
    KNOWLEDGE_TRAINING,
    KNOWLEDGE_ROADMAP,
)

# Topics whose every event carries the aggregate's full current state: Kafka keeps at least each
# key's latest event forever (log compaction instead of time-based deletion), so a service that
# starts years later still rebuilds its picture of the alliance by reading from the beginning.
# On membership.people the latest event of an erased person is PersonErased: compaction then
# drops the older events that carried their personal data.
COMPACTED_TOPICS: frozenset[str] = frozenset({MEMBERSHIP_ORGANISATIONS, MEMBERSHIP_PEOPLE})

DEAD_LETTER_SUFFIX = ".dlq"


def dead_letter_topic(topic: str) -> str:
    """The topic where messages that failed on `topic` are parked for an operator."""
    return f"{topic}{DEAD_LETTER_SUFFIX}"


def topic_config(topic: str) -> dict[str, str]:
    """Broker settings a contract topic is created (and kept) with."""
    if topic in COMPACTED_TOPICS:
        return {"cleanup.policy": "compact"}
    return {}
