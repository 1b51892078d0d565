"""A person's notification preferences: read with defaults, chosen one (category, channel) at a time."""

from cloth_shared.auth.principal import Principal
from notifications.domain.access import check_has_inbox
from notifications.domain.preferences import Frequency, Preference, all_preferences, check_may_choose
from notifications.domain.routing import Category, Channel
from notifications.service_layer.ports import NotificationsUnitOfWork


async def read_preferences(uow: NotificationsUnitOfWork, caller: Principal) -> list[Preference]:
    check_has_inbox(caller)
    async with uow.reading():
        chosen = await uow.preferences.chosen([caller.subject])
    return all_preferences(caller.subject, chosen.get(caller.subject, {}))


async def choose(
    uow: NotificationsUnitOfWork,
    caller: Principal,
    category: Category,
    channel: Channel,
    frequency: Frequency,
) -> Preference:
    """The caller's own choice; security e-mail cannot be turned off or digested."""
    check_has_inbox(caller)
    check_may_choose(category, channel, frequency)
    preference = Preference(caller.subject, category, channel, frequency)
    async with uow:
        await uow.preferences.choose(preference)
        await uow.commit()
    return preference
