"""Partner webhook use cases on the fake unit of work, with a fake sender and resolver."""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts.membership import SMEJoined
from cloth_shared.errors import NotAllowed, NotFound
from cloth_shared.testing.examples import enveloped, person_erased, person_joined, sme_joined
from notifications.domain import webhooks as rules
from notifications.domain.webhook_deliveries import AttemptOutcome
from notifications.domain.webhook_targets import TargetPolicy, TargetRefused
from notifications.service_layer import webhooks
from notifications.service_layer.email_sending import send_due_emails
from notifications.service_layer.webhook_dispatch import DispatchPolicy, dispatch_due
from notifications.service_layer.webhook_fan_out import fan_out_handlers

from .fakes import FakeNotificationsUnitOfWork
from .test_email_sending import ScriptedMailer, channel_with

POLICY = TargetPolicy()
IMMEDIATE = DispatchPolicy(retry_schedule=(0.0, 0.0), lease_seconds=60)


class AcceptingResolver:
    async def check(self, target_url: str, policy: TargetPolicy) -> list[str]:
        if "internal" in target_url:
            raise TargetRefused("internal.example resolves to 10.0.0.1, a private address")
        return ["93.184.216.34"]


class ScriptedSender:
    """Answers with the given response codes in turn, then with the last one for ever."""

    def __init__(self, *codes: int) -> None:
        self.codes = list(codes)
        self.sent: list[tuple[str, str]] = []

    async def send(
        self, *, target_url: str, secrets: tuple[str, ...], message_id: str, body: str
    ) -> AttemptOutcome:
        self.secrets = secrets
        self.sent.append((message_id, body))
        code = self.codes.pop(0) if len(self.codes) > 1 else self.codes[0]
        return AttemptOutcome(code, 5.0)


def partner() -> Principal:
    return Principal(uuid4(), frozenset({Role.PARTNER_CLIENT}), scopes=frozenset({"events:read"}))


ADMIN = Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))


async def subscribed(
    uow: FakeNotificationsUnitOfWork, caller: Principal, url: str = "https://crm.example/h"
) -> UUID:
    command = webhooks.Subscribe(url, ("SMEJoined",), "it@crm.example")
    return (await webhooks.subscribe(uow, AcceptingResolver(), POLICY, caller, command)).id


async def consume(uow: FakeNotificationsUnitOfWork, envelope) -> None:  # type: ignore[no-untyped-def]
    """As the webhook inbox runs its handler: in the unit of work, then commit."""
    event = SMEJoined.model_validate(envelope.payload)
    async with uow:
        await fan_out_handlers()[SMEJoined](uow, envelope, event)
        await uow.commit()


async def drain(uow: FakeNotificationsUnitOfWork, sender: ScriptedSender, times: int = 1) -> None:
    for _ in range(times):
        await dispatch_due(lambda: uow, sender, IMMEDIATE, jitter=lambda: 0.0)


def test_every_public_event_of_the_partner_topics_fans_out() -> None:
    handled = {event.event_type for event in fan_out_handlers()}
    assert {"SMEJoined", "PersonJoined", "ExchangeCompleted", "LumpSumPaid"} <= handled


async def test_an_event_fans_out_once_per_subscription_even_when_delivered_twice() -> None:
    uow = FakeNotificationsUnitOfWork()
    await subscribed(uow, partner())
    await subscribed(uow, partner())
    envelope = enveloped(sme_joined("Atelier Lyon"))
    await consume(uow, envelope)
    await consume(uow, envelope)
    assert len(uow.database.webhooks.deliveries) == 2


async def test_a_target_on_an_internal_address_is_refused_when_subscribing() -> None:
    uow = FakeNotificationsUnitOfWork()
    with pytest.raises(TargetRefused):
        await subscribed(uow, partner(), url="https://internal.example/h")
    assert uow.database.webhooks.subscriptions == {}


async def test_a_failing_delivery_is_retried_until_it_succeeds_and_every_attempt_is_logged() -> None:
    uow = FakeNotificationsUnitOfWork()
    await subscribed(uow, partner())
    await consume(uow, enveloped(sme_joined("Atelier Lyon")))
    sender = ScriptedSender(500, 503, 200)
    await drain(uow, sender, times=4)
    [delivery] = uow.database.webhooks.deliveries.values()
    assert (delivery.status, delivery.attempts, delivery.last_response_code) == ("delivered", 3, 200)
    logged = [(a.number, a.response_code, a.succeeded) for a in uow.database.webhooks.attempts]
    assert logged == [(1, 500, False), (2, 503, False), (3, 200, True)]
    assert {message_id for message_id, _ in sender.sent} == {str(delivery.id)}


async def test_a_delivery_failing_its_whole_schedule_disables_the_subscription_and_tells_the_contact() -> (
    None
):
    uow = FakeNotificationsUnitOfWork()
    subscription_id = await subscribed(uow, partner())
    await consume(uow, enveloped(sme_joined("Atelier Lyon")))
    await drain(uow, ScriptedSender(500), times=5)
    [delivery] = uow.database.webhooks.deliveries.values()
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    subscription = uow.database.webhooks.subscriptions[subscription_id]
    assert subscription.status == "disabled" and subscription.disabled_reason
    [notice] = uow.database.webhooks.notices
    assert notice["to"] == "it@crm.example" and "disabled" in notice["subject"]
    await _the_contact_is_mailed_once(uow, subscription_id)
    # Nothing more is sent to a disabled subscription, even for a new event.
    sender = ScriptedSender(200)
    await consume(uow, enveloped(sme_joined("Atelier Nantes")))
    await drain(uow, sender)
    assert sender.sent == []


async def test_replay_from_a_point_in_time_sends_again_only_what_happened_since() -> None:
    uow = FakeNotificationsUnitOfWork()
    owner = partner()
    subscription_id = await subscribed(uow, owner)
    old = datetime.now(UTC) - timedelta(days=2)
    await consume(uow, enveloped(sme_joined("Old")).model_copy(update={"occurred_at": old}))
    await consume(uow, enveloped(sme_joined("Recent")))
    await drain(uow, ScriptedSender(200))
    since = datetime.now(UTC) - timedelta(days=1)
    assert await webhooks.replay_since(uow, owner, subscription_id, since=since) == 1
    sender = ScriptedSender(200)
    await drain(uow, sender)
    assert len(sender.sent) == 1 and '"legal_name":"Recent"' in sender.sent[0][1]


async def test_partners_see_and_replay_only_their_own_administrators_everything() -> None:
    uow = FakeNotificationsUnitOfWork()
    owner, other = partner(), partner()
    mine = await subscribed(uow, owner)
    await subscribed(uow, other)
    await consume(uow, enveloped(sme_joined("Atelier Lyon")))
    [delivery_id] = [d.id for d in uow.database.webhooks.deliveries.values() if d.subscription_id == mine]
    await drain(uow, ScriptedSender(200))

    assert [s.id for s in await webhooks.list_subscriptions(uow, owner, limit=10, offset=0)] == [mine]
    assert len(await webhooks.list_subscriptions(uow, ADMIN, limit=10, offset=0)) == 2
    with pytest.raises(NotFound):
        await webhooks.read_delivery(uow, other, delivery_id)
    with pytest.raises(NotFound):
        await webhooks.replay_delivery(uow, other, delivery_id)
    with pytest.raises(NotAllowed):
        await webhooks.unsubscribe(uow, ADMIN, mine)
    replayed = await webhooks.replay_delivery(uow, ADMIN, delivery_id)
    assert (replayed.status, replayed.attempts) == ("pending", 0)
    member = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4())
    with pytest.raises(NotAllowed):
        await webhooks.list_subscriptions(uow, member, limit=10, offset=0)


async def test_an_erased_person_leaves_no_personal_data_in_stored_deliveries_and_partners_hear_of_it() -> (
    None
):
    uow = FakeNotificationsUnitOfWork()
    command = webhooks.Subscribe("https://crm.example/h", ("PersonJoined", "PersonErased"), "it@crm.example")
    await webhooks.subscribe(uow, AcceptingResolver(), POLICY, partner(), command)
    joined = person_joined(display_name="Laia Puig")
    for event in (joined, person_erased(joined.person_id)):
        envelope = enveloped(event)
        async with uow:
            await fan_out_handlers()[type(event)](uow, envelope, event)
            await uow.commit()
    bodies = {d.event_type: d.body for d in uow.database.webhooks.deliveries.values()}
    assert "Laia Puig" not in bodies["PersonJoined"] and '"redacted":true' in bodies["PersonJoined"]
    assert str(joined.person_id) in bodies["PersonErased"]


async def test_after_a_rotation_deliveries_verify_with_the_new_secret_and_for_a_day_with_the_old() -> None:
    uow = FakeNotificationsUnitOfWork()
    owner = partner()
    subscription_id = await subscribed(uow, owner)
    old = uow.database.webhooks.subscriptions[subscription_id].secret
    with pytest.raises(NotAllowed):
        await webhooks.rotate_secret(uow, ADMIN, subscription_id)
    new = (await webhooks.rotate_secret(uow, owner, subscription_id)).secret
    assert new != old
    await consume(uow, enveloped(sme_joined("Atelier Lyon")))
    sender = ScriptedSender(200)
    await drain(uow, sender)
    assert sender.secrets == (new, old)
    rotated = uow.database.webhooks.subscriptions[subscription_id]
    assert rules.signing_secrets(rotated, at=datetime.now(UTC) + timedelta(hours=25)) == (new,)


async def _the_contact_is_mailed_once(uow: FakeNotificationsUnitOfWork, subscription_id: UUID) -> None:
    """The notice goes out as an e-mail through the delivery rows, rendered like any other."""
    [row] = [e for e in uow.database.email_deliveries.values() if e.to_address == "it@crm.example"]
    mailer = ScriptedMailer()
    await send_due_emails(channel_with(uow, mailer))
    [sent] = mailer.sent
    assert sent.to_address == "it@crm.example"
    assert sent.content.subject == "Your CLOTH webhook subscription was disabled"
    assert f"/webhooks/subscriptions/{subscription_id}/enable" in sent.content.text
    assert uow.database.email_deliveries[row.id].status == "sent"
