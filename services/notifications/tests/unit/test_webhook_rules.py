"""Partner webhook rules: who subscribes, where deliveries may go, how they are retried."""

import ipaddress
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from standardwebhooks import Webhook

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound
from notifications.domain import webhook_deliveries as deliveries
from notifications.domain import webhooks as rules
from notifications.domain.webhook_deliveries import AttemptOutcome
from notifications.domain.webhook_targets import TargetPolicy, TargetRefused, check_addresses, target_host

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PUBLIC = frozenset({"SMEJoined", "ExchangeCompleted"})
STRICT = TargetPolicy()


def partner(*scopes: str) -> Principal:
    return Principal(uuid4(), frozenset({Role.PARTNER_CLIENT}), scopes=frozenset(scopes or {"events:read"}))


def admin() -> Principal:
    return Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))


def subscription(caller: Principal | None = None, **changes) -> rules.Subscription:  # type: ignore[no-untyped-def]
    arguments = {
        "id": uuid4(),
        "target_url": "https://crm.example/hooks",
        "event_types": ("SMEJoined",),
        "public_event_types": PUBLIC,
        "contact_email": "it@crm.example",
        "at": NOW,
        **changes,
    }
    return rules.subscription_for(caller or partner(), **arguments)


def delivery() -> deliveries.Delivery:
    return deliveries.delivery_for(
        subscription(),
        id=uuid4(),
        event_id=uuid4(),
        event_type="SMEJoined",
        subject_key="s",
        body="{}",
        at=NOW,
    )


def test_a_partner_client_subscribes_with_a_standard_webhooks_secret_that_signs_and_verifies() -> None:
    made = subscription(event_types=("SMEJoined", "ExchangeCompleted", "SMEJoined"))
    assert made.event_types == ("ExchangeCompleted", "SMEJoined")
    assert made.secret.startswith("whsec_") and made.status == "active"
    signer = Webhook(made.secret)
    signature = signer.sign("msg_1", datetime.now(UTC), '{"a":1}')
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(int(datetime.now(UTC).timestamp()))}
    assert signer.verify('{"a":1}', {**headers, "webhook-signature": signature}) == {"a": 1}
    assert subscription().secret != made.secret


@pytest.mark.parametrize(
    "caller",
    [
        admin(),
        partner("exchanges:read"),
        Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4()),
    ],
)
def test_only_partner_clients_with_the_events_scope_subscribe(caller: Principal) -> None:
    with pytest.raises(NotAllowed):
        subscription(caller)


def test_an_event_type_that_is_not_public_is_refused() -> None:
    with pytest.raises(InvalidInput, match="PasswordReset"):
        subscription(event_types=("SMEJoined", "PasswordReset"))


def test_a_subscription_is_invisible_to_other_partners_readable_by_admins_changed_only_by_its_partner() -> (
    None
):
    owner = partner()
    mine = subscription(owner)
    rules.check_may_change(owner, mine)
    rules.check_may_read(admin(), mine)
    with pytest.raises(NotFound):
        rules.check_may_read(partner(), mine)
    with pytest.raises(NotAllowed):
        rules.check_may_change(admin(), mine)


def test_the_retry_schedule_makes_eight_attempts_over_about_a_day() -> None:
    schedule = deliveries.RETRY_SCHEDULE_SECONDS
    waits = [deliveries.retry_delay(n, schedule, 0.0) for n in range(1, 9)]
    assert waits[-1] is None
    total = sum((w for w in waits if w is not None), timedelta())
    assert timedelta(hours=24) < total < timedelta(hours=30)
    shortest, longest = deliveries.retry_delay(2, schedule, -1.0), deliveries.retry_delay(2, schedule, 1.0)
    assert (shortest, longest) == (timedelta(seconds=240), timedelta(seconds=360))


def test_a_failed_attempt_is_retried_later_and_the_last_one_fails_the_delivery() -> None:
    schedule = (5.0, 60.0)
    first, logged = deliveries.after_attempt(
        delivery(), AttemptOutcome(503, 12.5), schedule=schedule, at=NOW, jitter=0
    )
    assert (first.status, first.attempts, first.next_attempt_at) == ("pending", 1, NOW + timedelta(seconds=5))
    assert (logged.number, logged.succeeded, logged.response_code, logged.latency_ms) == (1, False, 503, 12.5)
    second, _ = deliveries.after_attempt(
        first, AttemptOutcome(None, 10_000, "ReadTimeout"), schedule=schedule, at=NOW, jitter=0
    )
    third, last = deliveries.after_attempt(
        second, AttemptOutcome(500, 3), schedule=schedule, at=NOW, jitter=0
    )
    assert (third.status, third.attempts, third.next_attempt_at, last.number) == ("failed", 3, None, 3)


def test_a_2xx_delivers_and_a_replay_starts_a_fresh_schedule() -> None:
    done, logged = deliveries.after_attempt(
        delivery(), AttemptOutcome(204, 8), schedule=(5.0,), at=NOW, jitter=0
    )
    assert (done.status, done.finished_at, logged.succeeded) == ("delivered", NOW, True)
    again = deliveries.replayed(done, at=NOW + timedelta(hours=1))
    assert (again.status, again.attempts, again.next_attempt_at) == ("pending", 0, NOW + timedelta(hours=1))
    redirected, _ = deliveries.after_attempt(
        delivery(), AttemptOutcome(302, 8), schedule=(5.0,), at=NOW, jitter=0
    )
    assert redirected.status == "pending"


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",
        "127.0.0.1",
        "169.254.169.254",
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fd00::1",
        "::ffff:10.0.0.1",
        "ff02::1",
    ],
)
def test_targets_resolving_to_internal_addresses_are_refused(address: str) -> None:
    with pytest.raises(TargetRefused):
        check_addresses("partner.example", [address], STRICT)


def test_one_internal_address_among_public_ones_is_enough_to_refuse() -> None:
    check_addresses("partner.example", ["93.184.216.34", "2606:2800:220:1::1"], STRICT)
    with pytest.raises(TargetRefused, match=r"10\.0\.0\.7"):
        check_addresses("partner.example", ["93.184.216.34", "10.0.0.7"], STRICT)


def test_configuration_may_allow_loopback_but_private_ranges_stay_refused() -> None:
    tests = TargetPolicy(allow_loopback=True, require_https=False)
    check_addresses("localhost", ["127.0.0.1", "::1"], tests)
    with pytest.raises(TargetRefused):
        check_addresses("intranet", [str(ipaddress.ip_address("192.168.0.10"))], tests)


@pytest.mark.parametrize(
    "url",
    [
        "http://crm.example/hooks",
        "ftp://crm.example/",
        "https://user:pw@crm.example/",
        "https:///nohost",
        "https://h:99999/",
    ],
)
def test_a_target_url_must_be_https_without_credentials(url: str) -> None:
    with pytest.raises(TargetRefused):
        target_host(url, STRICT)


def test_plain_http_is_accepted_only_where_configured() -> None:
    assert target_host("http://127.0.0.1:8080/hook", TargetPolicy(require_https=False)) == "127.0.0.1"
