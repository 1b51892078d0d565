"""Digests queued on PostgreSQL at the person's local hour, driven by a clock the test moves."""

from datetime import timedelta
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.examples import enveloped, person_joined
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain.digests import next_slot
from notifications.domain.preferences import Frequency, Preference
from notifications.domain.routing import Category, Channel
from notifications.service_layer.digests import send_due_digests
from notifications.service_layer.recipients import remember_person
from notifications.service_layer.routing import notify

from ..unit.exchange_examples import exchange_requested, exchange_snapshot

pytestmark = pytest.mark.integration


async def test_a_daily_digest_is_one_delivery_row_listing_the_collected_items_queued_once(
    migrated_pool,
) -> None:  # type: ignore[no-untyped-def]
    pool = await migrated_pool(MIGRATIONS)
    uow = PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))
    host = uuid4()
    joined = person_joined(role="organisation_member", organisation_id=host, language="fr")
    async with uow:
        await remember_person(uow, enveloped(joined), joined)
        await uow.preferences.choose(
            Preference(joined.person_id, Category.EXCHANGES, Channel.EMAIL, Frequency.DAILY_DIGEST)
        )
        await uow.commit()
    requests = [exchange_requested(exchange_snapshot(host=host)) for _ in range(3)]
    envelopes = [enveloped(r, producer="exchange") for r in requests]
    async with uow:
        for envelope, request in zip(envelopes, requests, strict=True):
            await notify(uow, envelope, request)
        await uow.commit()
    slot = next_slot(envelopes[0].occurred_at, Frequency.DAILY_DIGEST, timezone="Europe/Madrid", hour=8)

    early = await send_due_digests(uow, lambda: slot - timedelta(seconds=1), hour=8)
    due = await send_due_digests(uow, lambda: slot, hour=8)
    again = await send_due_digests(uow, lambda: slot + timedelta(hours=1), hour=8)

    rows = await pool.fetch(
        "SELECT notification_id, language, template, context, status FROM email_deliveries"
        " WHERE person_id = $1",
        joined.person_id,
    )
    assert (early, due, again) == (0, 1, 0)
    [digest] = [r for r in rows if r["template"] == "digest"]
    assert (digest["notification_id"], digest["language"], digest["status"]) == (None, "fr", "pending")
    assert [i["event_type"] for i in digest["context"]["items"]] == ["ExchangeRequested"] * 3
    assert [r["template"] for r in rows if r["template"] == "ExchangeRequested"] == []
