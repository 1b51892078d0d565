"""Choosing how often to hear of what; security mail cannot be silenced."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import InvalidInput
from notifications.domain.preferences import Frequency, default_frequency
from notifications.domain.routing import Category, Channel
from notifications.service_layer import preferences

from .fakes import FakeNotificationsUnitOfWork

ME = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}))


async def test_a_person_sees_every_category_and_channel_with_defaults_until_they_choose() -> None:
    uow = FakeNotificationsUnitOfWork()
    await preferences.choose(uow, ME, Category.EXCHANGES, Channel.EMAIL, Frequency.WEEKLY_DIGEST)

    shown = {(p.category, p.channel): p.frequency for p in await preferences.read_preferences(uow, ME)}

    assert len(shown) == len(Category) * len(Channel)
    assert shown[(Category.EXCHANGES, Channel.EMAIL)] is Frequency.WEEKLY_DIGEST
    assert shown[(Category.CATALOGUE, Channel.EMAIL)] is default_frequency(Category.CATALOGUE, Channel.EMAIL)


@pytest.mark.parametrize("frequency", [Frequency.OFF, Frequency.DAILY_DIGEST, Frequency.WEEKLY_DIGEST])
async def test_security_mail_cannot_be_turned_off_or_digested(frequency: Frequency) -> None:
    uow = FakeNotificationsUnitOfWork()
    with pytest.raises(InvalidInput) as refused:
        await preferences.choose(uow, ME, Category.SECURITY, Channel.EMAIL, frequency)
    assert refused.value.code == "security-mail-always-sent"
    assert uow.database.preferences == {}


async def test_security_notices_in_the_app_may_be_turned_off_but_not_digested() -> None:
    uow = FakeNotificationsUnitOfWork()
    await preferences.choose(uow, ME, Category.SECURITY, Channel.IN_APP, Frequency.OFF)
    with pytest.raises(InvalidInput) as refused:
        await preferences.choose(uow, ME, Category.EXCHANGES, Channel.IN_APP, Frequency.DAILY_DIGEST)
    assert refused.value.code == "digest-is-email-only"
