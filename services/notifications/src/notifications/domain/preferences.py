"""How often each person wants to hear, per category and channel, and what they cannot turn off."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import InvalidInput
from notifications.domain.routing import Category, Channel


class Frequency(StrEnum):
    IMMEDIATE = "immediate"
    DAILY_DIGEST = "daily_digest"
    WEEKLY_DIGEST = "weekly_digest"
    OFF = "off"


DIGESTS = frozenset({Frequency.DAILY_DIGEST, Frequency.WEEKLY_DIGEST})

# Sensible defaults: everything in the in-app inbox; e-mail at once for what asks for action,
# in a daily digest for news (catalogue, resources, roadmap) and the organisation's own changes.
_DIGESTED_BY_DEFAULT = frozenset({Category.CATALOGUE, Category.RESOURCES, Category.ROADMAP})


def default_frequency(category: Category, channel: Channel) -> Frequency:
    if channel is Channel.EMAIL and category in _DIGESTED_BY_DEFAULT:
        return Frequency.DAILY_DIGEST
    return Frequency.IMMEDIATE


@dataclass(frozen=True, slots=True)
class Preference:
    person_id: UUID
    category: Category
    channel: Channel
    frequency: Frequency


def check_may_choose(category: Category, channel: Channel, frequency: Frequency) -> None:
    """Security mail always goes at once; the in-app inbox is never digested (it is the list)."""
    if category is Category.SECURITY and channel is Channel.EMAIL and frequency is not Frequency.IMMEDIATE:
        raise InvalidInput(
            "security e-mail (sign-ins, role changes, revoked sessions) is always sent at once",
            code="security-mail-always-sent",
            field="frequency",
        )
    if channel is Channel.IN_APP and frequency in DIGESTS:
        raise InvalidInput(
            "digests are e-mail; the in-app inbox is immediate or off",
            code="digest-is-email-only",
            field="frequency",
        )


def frequency_for(
    chosen: Mapping[tuple[Category, Channel], Frequency], category: Category, channel: Channel
) -> Frequency:
    """What applies: the person's choice, else the default; security e-mail always at once."""
    if category is Category.SECURITY and channel is Channel.EMAIL:
        return Frequency.IMMEDIATE
    return chosen.get((category, channel), default_frequency(category, channel))


def all_preferences(
    person_id: UUID, chosen: Mapping[tuple[Category, Channel], Frequency]
) -> list[Preference]:
    """Every (category, channel) with what applies to it, for the preferences page."""
    return [
        Preference(person_id, category, channel, frequency_for(chosen, category, channel))
        for category in Category
        for channel in Channel
    ]
