"""Kafka topic names: the one place they are spelled.

A topic carries the events of one aggregate type, keyed by the aggregate id, so one aggregate's
events stay ordered. Deployments may put a namespace prefix in front (settings.kafka_topic_prefix).
"""

MEMBERSHIP_ORGANISATIONS = "membership.organisations"
MEMBERSHIP_PEOPLE = "membership.people"
EXCHANGE_EXCHANGES = "exchange.exchanges"
KNOWLEDGE_RESOURCES = "knowledge.resources"
KNOWLEDGE_TRAINING = "knowledge.training"

ALL_TOPICS: tuple[str, ...] = (
    MEMBERSHIP_ORGANISATIONS,
    MEMBERSHIP_PEOPLE,
    EXCHANGE_EXCHANGES,
    KNOWLEDGE_RESOURCES,
    KNOWLEDGE_TRAINING,
)

DEAD_LETTER_SUFFIX = ".dlq"


def dead_letter_topic(topic: str) -> str:
    """The topic where messages that failed on `topic` are parked for an operator."""
    return f"{topic}{DEAD_LETTER_SUFFIX}"
