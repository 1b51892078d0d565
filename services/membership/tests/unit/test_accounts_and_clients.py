from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Role
from cloth_shared.contracts.membership import (
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
    PersonJoined,
)
from cloth_shared.errors import NotAllowed, NotAuthenticated, NotFound, TooManyRequests
from membership.domain.people import Invitation
from membership.domain.sign_in import Throttle
from membership.service_layer import accounts, clients, sessions
from membership.service_layer.accounts import SignUp, digest
from membership.service_layer.clients import RegisterClient
from membership.service_layer.ports import BootstrapAdmin

from .builders import a_person, platform_admin, signed_in
from .fakes import FakeMembershipUnitOfWork, LoginAttempt, fake_identity

ADDRESS = "192.0.2.10"


def a_sign_up(**fields: str) -> SignUp:
    values = {
        "email": "Marta@Example.org",
        "password": "s3cret-s3cret",
        "display_name": "Marta",
        "language": "es",
    }
    return SignUp(**{**values, **fields})


async def test_signing_up_creates_an_account_without_a_role_and_asks_to_verify_the_address() -> None:
    uow = FakeMembershipUnitOfWork()

    await accounts.sign_up(uow, fake_identity(), a_sign_up())

    [person] = uow.database.people.values()
    assert (person.email, person.role, person.password_hash) == (
        "marta@example.org",
        None,
        "hashed:s3cret-s3cret",
    )
    [event] = uow.events
    assert isinstance(event, EmailVerificationRequested)
    assert (event.person_id, event.email, event.language) == (person.id, "marta@example.org", "es")
    [kept] = uow.database.email_verifications.values()
    assert kept.token_hash == digest(event.token) != event.token  # only the hash is kept


async def test_signing_up_with_a_taken_email_changes_nothing_and_tells_the_owner_instead() -> None:
    uow = FakeMembershipUnitOfWork()
    owner = a_person(uow, email="marta@example.org")

    answer = await accounts.sign_up(uow, fake_identity(), a_sign_up(email="MARTA@example.org"))

    assert answer is None  # the same (empty) answer as for a new address
    assert list(uow.database.people) == [owner.id]
    [event] = uow.events
    assert isinstance(event, ExistingAccountSignUpAttempted)
    assert (event.person_id, event.email) == (owner.id, "marta@example.org")
    assert uow.database.email_verifications == {}


async def test_signing_up_with_an_invitation_gives_its_role_and_announces_the_person_joined() -> None:
    uow = FakeMembershipUnitOfWork()
    invitation = Invitation(
        id=uuid4(),
        email="marta@example.org",
        role=Role.ORGANISATION_MEMBER,
        invited_by=uuid4(),
        token_hash=digest("the-token"),
        created_at=datetime.now(UTC),
        organisation_id=uuid4(),
    )
    uow.database.invitations[invitation.id] = invitation

    await accounts.sign_up(uow, fake_identity(), a_sign_up(invitation_token="the-token"))

    [person] = uow.database.people.values()
    assert person.principal().roles == frozenset({Role.ORGANISATION_MEMBER})
    assert uow.database.invitations[invitation.id].accepted_at is not None
    event, verification = uow.events
    assert isinstance(verification, EmailVerificationRequested)
    assert isinstance(event, PersonJoined)
    assert (event.person.role, event.person.organisation_id) == (
        "organisation_member",
        invitation.organisation_id,
    )


async def test_signing_up_with_an_unknown_invitation_creates_no_account() -> None:
    uow = FakeMembershipUnitOfWork()

    with pytest.raises(NotFound):
        await accounts.sign_up(uow, fake_identity(), a_sign_up(invitation_token="made-up"))

    assert uow.database.people == {}


async def test_signing_in_with_the_right_password_issues_a_token_for_the_persons_roles() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="marta@example.org", password="right", role=Role.PLATFORM_ADMIN)

    issued = await accounts.sign_in(
        uow, fake_identity(), email="Marta@example.org", password="right", client_address=ADDRESS
    )

    assert issued.principal == person.principal()
    assert issued.expires_in == 900


async def test_a_wrong_password_is_refused_and_the_failure_is_counted() -> None:
    uow = FakeMembershipUnitOfWork()
    a_person(uow, email="marta@example.org", password="right")

    with pytest.raises(NotAuthenticated) as refused:
        await accounts.sign_in(
            uow, fake_identity(), email="marta@example.org", password="wrong", client_address=ADDRESS
        )

    assert refused.value.code == "wrong-credentials"
    [attempt] = uow.database.login_attempts
    assert (attempt.account_key, attempt.client_address, attempt.succeeded) == (
        digest("marta@example.org"),
        ADDRESS,
        False,
    )


async def test_an_unknown_email_is_refused_like_a_wrong_password() -> None:
    uow = FakeMembershipUnitOfWork()

    with pytest.raises(NotAuthenticated) as refused:
        await accounts.sign_in(
            uow, fake_identity(), email="nobody@example.org", password="x", client_address=ADDRESS
        )

    assert refused.value.code == "wrong-credentials"
    assert len(uow.database.login_attempts) == 1


async def test_after_the_limit_of_failures_even_the_right_password_is_throttled() -> None:
    uow = FakeMembershipUnitOfWork()
    a_person(uow, email="marta@example.org", password="right")
    identity = fake_identity(throttle=Throttle(max_failures=3))
    for _ in range(3):
        with pytest.raises(NotAuthenticated):
            await accounts.sign_in(
                uow, identity, email="marta@example.org", password="wrong", client_address=ADDRESS
            )

    with pytest.raises(TooManyRequests) as throttled:
        await accounts.sign_in(
            uow, identity, email="marta@example.org", password="right", client_address=ADDRESS
        )

    assert 0 < throttled.value.extra["retry_after_seconds"] <= 15 * 60
    assert len(uow.database.login_attempts) == 3  # the throttled try is not recorded


async def test_wrong_passwords_from_elsewhere_do_not_keep_the_owner_out() -> None:
    uow = FakeMembershipUnitOfWork()
    a_person(uow, email="marta@example.org", password="right")
    for _ in range(8):
        with pytest.raises((NotAuthenticated, TooManyRequests)):
            await accounts.sign_in(
                uow,
                fake_identity(),
                email="marta@example.org",
                password="wrong",
                client_address="203.0.113.9",
            )

    await accounts.sign_in(
        uow, fake_identity(), email="marta@example.org", password="right", client_address=ADDRESS
    )


async def test_a_wrong_current_password_counts_as_a_failed_sign_in() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, password="right")
    identity = fake_identity(throttle=Throttle(max_failures=2))
    for _ in range(2):
        with pytest.raises(NotAuthenticated):
            await accounts.change_password(
                uow,
                identity,
                signed_in(person),
                current="guess",
                new="a new long passphrase",
                client_address=ADDRESS,
            )
    with pytest.raises(TooManyRequests):
        await accounts.change_password(
            uow,
            identity,
            signed_in(person),
            current="right",
            new="a new long passphrase",
            client_address=ADDRESS,
        )


async def test_client_secrets_are_limited_before_any_hashing() -> None:
    uow = FakeMembershipUnitOfWork()
    identity = fake_identity(throttle=Throttle(max_failures=2))
    client_id = uuid4()
    for _ in range(2):
        with pytest.raises(NotAuthenticated):
            await clients.client_token(
                uow, identity, client_id=client_id, client_secret="guessed secret", client_address=ADDRESS
            )
    with pytest.raises(TooManyRequests) as refused:
        await clients.client_token(
            uow, identity, client_id=client_id, client_secret="guessed secret", client_address=ADDRESS
        )
    assert refused.value.extra["retry_after_seconds"] > 0


async def test_attempts_older_than_the_window_are_purged_for_every_account() -> None:
    uow = FakeMembershipUnitOfWork()
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    uow.database.login_attempts.append(
        LoginAttempt(digest("someone@example.org"), "203.0.113.1", False, long_ago)
    )

    with pytest.raises(NotAuthenticated):
        await accounts.sign_in(
            uow, fake_identity(), email="x@example.org", password="x", client_address=ADDRESS
        )

    assert [a.account_key for a in uow.database.login_attempts] == [digest("x@example.org")]


async def test_a_successful_sign_in_clears_the_accounts_failures() -> None:
    uow = FakeMembershipUnitOfWork()
    a_person(uow, email="marta@example.org", password="right")
    with pytest.raises(NotAuthenticated):
        await accounts.sign_in(
            uow, fake_identity(), email="marta@example.org", password="wrong", client_address=ADDRESS
        )

    await accounts.sign_in(
        uow, fake_identity(), email="marta@example.org", password="right", client_address=ADDRESS
    )

    assert uow.database.login_attempts == []


async def test_failures_older_than_the_window_no_longer_count_and_are_pruned() -> None:
    uow = FakeMembershipUnitOfWork()
    a_person(uow, email="marta@example.org", password="right")
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    old = [LoginAttempt(digest("marta@example.org"), ADDRESS, False, long_ago) for _ in range(5)]
    uow.database.login_attempts.extend(old)

    with pytest.raises(NotAuthenticated):
        await accounts.sign_in(
            uow, fake_identity(), email="marta@example.org", password="wrong", client_address=ADDRESS
        )

    assert [a.at > long_ago for a in uow.database.login_attempts] == [True]


async def test_refreshing_reissues_a_token_with_the_persons_current_role() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, password="right")
    signed = await accounts.sign_in(
        uow, fake_identity(), email=str(person.email), password="right", client_address=ADDRESS
    )
    uow.database.people[person.id] = replace(person, role=Role.PLATFORM_ADMIN)
    assert signed.refresh_token is not None

    issued = await sessions.refresh(uow, fake_identity(), signed.refresh_token)

    assert issued.principal.roles == frozenset({Role.PLATFORM_ADMIN})


async def test_changing_the_password_needs_the_current_one() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, password="old")

    with pytest.raises(NotAuthenticated):
        await accounts.change_password(uow, fake_identity(), signed_in(person), current="wrong", new="new")
    assert uow.database.people[person.id].password_hash == "hashed:old"

    new = "a new long passphrase"
    await accounts.change_password(uow, fake_identity(), signed_in(person), current="old", new=new)
    assert uow.database.people[person.id].password_hash == f"hashed:{new}"


async def test_an_administrator_registers_a_partner_client_that_exchanges_its_secret_for_a_scoped_token() -> (
    None
):
    uow = FakeMembershipUnitOfWork()
    identity = fake_identity()

    new = await clients.create_client(
        uow, identity, platform_admin(), RegisterClient(name="ERP bridge", scopes=("exchange:read",))
    )
    issued = await clients.client_token(
        uow, identity, client_id=new.client_id, client_secret=new.client_secret
    )

    assert uow.database.clients[new.client_id].secret_hash != new.client_secret
    assert issued.principal.roles == frozenset({Role.PARTNER_CLIENT})
    assert issued.principal.scopes == frozenset({"exchange:read"})
    with pytest.raises(NotAuthenticated):
        await clients.client_token(uow, identity, client_id=new.client_id, client_secret="guess")


async def test_only_platform_administrators_register_partner_clients() -> None:
    uow = FakeMembershipUnitOfWork()
    someone = signed_in(a_person(uow))

    with pytest.raises(NotAllowed):
        await clients.create_client(
            uow, fake_identity(), someone, RegisterClient(name="ERP bridge", scopes=())
        )

    assert uow.database.clients == {}


async def test_the_configured_administrator_is_created_on_their_first_sign_in() -> None:
    uow = FakeMembershipUnitOfWork()
    identity = fake_identity(bootstrap_admin=BootstrapAdmin("Admin@cloth.example", "first-password"))

    issued = await accounts.sign_in(
        uow, identity, email="admin@cloth.example", password="first-password", client_address=ADDRESS
    )

    [admin] = uow.database.people.values()
    assert (admin.email, admin.role) == ("admin@cloth.example", Role.PLATFORM_ADMIN)
    assert issued.principal.is_admin


async def test_the_configured_administrator_is_not_created_by_a_wrong_password() -> None:
    uow = FakeMembershipUnitOfWork()
    identity = fake_identity(bootstrap_admin=BootstrapAdmin("admin@cloth.example", "first-password"))

    with pytest.raises(NotAuthenticated):
        await accounts.sign_in(
            uow, identity, email="admin@cloth.example", password="guess", client_address=ADDRESS
        )

    assert uow.database.people == {}
