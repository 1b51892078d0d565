"""Use cases of accounts: sign-up, sign-in, tokens, passwords."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import uuid4

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import InvalidInput, NotAuthenticated, NotFound
from membership.domain import passwords, people
from membership.domain.people import Person
from membership.service_layer import callers, events
from membership.service_layer.email_verification import ask_to_verify, tell_owner_of_sign_up_attempt
from membership.service_layer.ports import Identity
from membership.service_layer.sessions import IssuedToken, end_every_session, start_session
from membership.service_layer.unit_of_work import MembershipUnitOfWork


def digest(secret: str) -> str:
    """Invitation tokens and account keys are stored hashed: a database leak does not reveal them."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SignUp:
    email: str
    password: str
    display_name: str
    language: str
    invitation_token: str | None = None


def check_new_password(identity: Identity, password: str, *, email: str | None, name: str | None) -> None:
    policy = identity.password_policy
    personal = [v for v in (email, name) if v]
    guessable = policy.guessable(password, personal=personal)
    passwords.check_new_password(password, email=email, name=name, common=policy.common, guessable=guessable)


async def sign_up(uow: MembershipUnitOfWork, identity: Identity, command: SignUp) -> None:
    """A person creates an account, with the role of their invitation if they bring one, and is
    sent a link to verify the address; they sign in with their password.

    The caller learns nothing about whether the address was already signed up: the answer and
    the work (the password is hashed either way) are the same, and the existing account's owner
    is told by e-mail instead."""
    now = datetime.now(UTC)
    email = command.email.lower()
    reserved = identity.bootstrap_admin.email if identity.bootstrap_admin else None
    people.check_not_reserved(email, reserved=reserved)
    check_new_password(identity, command.password, email=email, name=command.display_name)
    password_hash = await identity.passwords.hash(command.password)
    person = Person(uuid4(), email, command.display_name, command.language, password_hash, now)
    async with uow:
        owner = await uow.people.by_email(email)
        if owner is not None:
            tell_owner_of_sign_up_attempt(uow, owner, at=now)
            await uow.commit()
            return
        if command.invitation_token is not None:
            invitation = await uow.invitations.by_token_hash(digest(command.invitation_token))
            if invitation is None:
                raise NotFound("no such invitation", code="invitation-not-found", field="invitation_token")
            accepted = people.accept(invitation, email=email, at=now)
            person = people.assign_role(
                person,
                invitation.role,
                organisation_id=invitation.organisation_id,
                cluster_id=invitation.cluster_id,
            )
            await uow.invitations.mark_accepted(accepted)
        if not await uow.people.add(person):
            return  # signed up a moment ago by a concurrent request: rolled back, the same answer
        if person.role is not None:
            uow.emit(events.person_joined(person, now))
        await ask_to_verify(uow, person, at=now)
        await uow.commit()


async def _bootstrap_admin(uow: MembershipUnitOfWork, identity: Identity, email: str, password: str) -> None:
    """Creates the configured administrator on its first sign-in (see config.DEV_ADMIN_EMAIL)."""
    admin = identity.bootstrap_admin
    if admin is None or email != admin.email.lower() or not secrets.compare_digest(password, admin.password):
        return
    if await uow.people.by_email(email) is None:
        person = Person(
            uuid4(),
            email,
            "Platform administrator",
            "en",
            await identity.passwords.hash(password),
            datetime.now(UTC),
            role=Role.PLATFORM_ADMIN,
        )
        await uow.people.add(person)


async def throttle(
    uow: MembershipUnitOfWork, identity: Identity, account_key: str, client_address: str, now: datetime
) -> None:
    """Inside the caller's transaction, before any hashing: refuse when over a limit."""
    since = identity.throttle.since(now)
    await uow.login_attempts.lock(account_key)
    identity.throttle.check(
        account_failures=await uow.login_attempts.account_failures(account_key, since=since),
        client_address=client_address,
        address_failures=await uow.login_attempts.address_failures(client_address, since=since),
        now=now,
    )


async def sign_in(
    uow: MembershipUnitOfWork, identity: Identity, *, email: str, password: str, client_address: str
) -> IssuedToken:
    """Email and password for a token; failures are counted and limited per account and address."""
    now, email = datetime.now(UTC), email.lower()
    account_key = digest(email)
    async with uow:
        await throttle(uow, identity, account_key, client_address, now)
        await _bootstrap_admin(uow, identity, email, password)
        person = await uow.people.by_email(email)
        hash_ = person.password_hash if person else None
        succeeded = await identity.passwords.verify(hash_, password) and person is not None
        await uow.login_attempts.prune(account_key, before=identity.throttle.since(now), everything=succeeded)
        await uow.login_attempts.purge(before=identity.throttle.since(now))
        if not succeeded or person is None:
            await uow.login_attempts.record(account_key, client_address, succeeded=False, at=now)
            await uow.commit()
            raise NotAuthenticated("wrong email or password", code="wrong-credentials")
        issued = await start_session(uow, identity, person)
        await uow.commit()
    return issued


async def current_principal(uow: MembershipUnitOfWork, caller: Principal) -> Principal:
    """The caller as membership's data says now: a token's roles are those of when it was issued.

    One plain read on every authenticated request: the person (or client) and the token's
    session in one statement, no transaction."""
    return await callers.resolve(uow, caller)


async def change_password(
    uow: MembershipUnitOfWork,
    identity: Identity,
    caller: Principal,
    *,
    current: str,
    new: str,
    client_address: str = "unknown",
) -> None:
    """The current password is checked under the same limits as a sign-in (a stolen token must
    not become a way to guess it); every session ends."""
    now = datetime.now(UTC)
    async with uow:
        person = await _with_current_password(uow, identity, caller, current, client_address, now)
        check_new_password(identity, new, email=person.email, name=person.display_name)
        changed = people.replace_password(person, await identity.passwords.hash(new), at=now)
        await end_every_session(uow, changed, "password_changed", at=now)
        await uow.commit()


async def change_email(
    uow: MembershipUnitOfWork,
    identity: Identity,
    caller: Principal,
    *,
    new_email: str,
    current_password: str,
    client_address: str = "unknown",
) -> None:
    """A link is sent to the new address; the account keeps the old one until the link is
    opened (a mistyped address locks nobody out). As at sign-up, the answer does not say whether
    the new address already has an account: then no link is sent, and the address's owner
    learns nothing from a stranger either."""
    now, email = datetime.now(UTC), new_email.lower()
    reserved = identity.bootstrap_admin.email if identity.bootstrap_admin else None
    people.check_not_reserved(email, reserved=reserved)
    async with uow:
        person = await _with_current_password(uow, identity, caller, current_password, client_address, now)
        if email == person.email:
            raise InvalidInput("this is already the account's address", code="email-unchanged", field="email")
        if await uow.people.by_email(email) is None:
            await ask_to_verify(uow, person, at=now, new_email=email)
        await uow.commit()


async def _with_current_password(
    uow: MembershipUnitOfWork,
    identity: Identity,
    caller: Principal,
    password: str,
    client_address: str,
    now: datetime,
) -> Person:
    """The caller's account, locked, once their current password is checked under the same
    limits as a sign-in (a stolen token must not become a way to guess it)."""
    person = await uow.people.get(caller.subject, for_update=True)
    if person is None or person.email is None:
        raise NotAuthenticated("this account no longer exists", code="account-gone")
    account_key = digest(person.email)
    await throttle(uow, identity, account_key, client_address, now)
    if not await identity.passwords.verify(person.password_hash, password):
        await uow.login_attempts.record(account_key, client_address, succeeded=False, at=now)
        await uow.commit()
        raise NotAuthenticated("the current password is wrong", code="wrong-credentials")
    return person
