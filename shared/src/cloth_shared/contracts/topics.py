"""Kafka topic names: the one place they are spelled.

A topic carries the events of one aggregate type, keyed by the aggregate id, so one aggregate's
events stay ordered. Deployments may put a namespace prefix in front (settings.kafka_topic_prefix).
"""

MEMBERSHIP_ORGANISATIONS = "membership.organisations"
MEMBERSHIP_PEOPLE = "membership.people"
# What membership asks to be e-mailed to an address about an account (a verification link, a
# sign-up attempt with a taken address). Its events carry single-use secrets and addresses that
# may never be verified: kept for a week, never compacted, so none outlives its use (and none is
# a person's latest event on the compacted people topic, which must carry their full state).
MEMBERSHIP_ACCOUNT_EMAILS = "membership.account-emails"
ACCOUNT_EMAILS_RETENTION_MS = 7 * 24 * 3600 * 1000
EXCHANGE_EXCHANGES = "exchange.exchanges"
KNOWLEDGE_RESOURCES = "knowledge.resources"
KNOWLEDGE_TRAINING = "knowledge.training"
KNOWLEDGE_ROADMAP = "knowledge.roadmap"

ALL_TOPICS: tuple[str, ...] = (
    MEMBERSHIP_ORGANISATIONS,
    MEMBERSHIP_PEOPLE,
    MEMBERSHIP_ACCOUNT_EMAILS,
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
    if topic == MEMBERSHIP_ACCOUNT_EMAILS:
        return {"cleanup.policy": "delete", "retention.ms": str(ACCOUNT_EMAILS_RETENTION_MS)}
    return {}
