"""Use cases of people: invitations, roles, removal, and a person's own data (export, erasure)."""

import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.errors import Conflict, NotFound
from cloth_shared.outbox.tombstone import Tombstone
from membership.domain import access
from membership.domain import organisations as organisation_rules
from membership.domain import people as rules
from membership.domain.organisations import Status as OrganisationStatus
from membership.domain.people import Invitation, Person
from membership.service_layer import events
from membership.service_layer.accounts import digest
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class Invite:
    email: str
    role: Role
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None


async def invite(uow: MembershipUnitOfWork, caller: Principal, command: Invite) -> tuple[Invitation, str]:
    """Returns the invitation and its secret token, to be sent to the invitee (shown once)."""
    rules.check_scope(command.role, organisation_id=command.organisation_id, cluster_id=command.cluster_id)
    access.invite(caller, command.role, command.organisation_id)
    token = secrets.token_urlsafe(24)
    invitation = Invitation(
        id=uuid4(),
        email=command.email.lower(),
        role=command.role,
        invited_by=caller.subject,
        token_hash=digest(token),
        created_at=datetime.now(UTC),
        organisation_id=command.organisation_id,
        cluster_id=command.cluster_id,
    )
    async with uow:
        await _check_scope_exists(uow, organisation_id=command.organisation_id, cluster_id=command.cluster_id)
        await uow.invitations.add(invitation)
        await uow.commit()
    return invitation, token


async def _locked_person(uow: MembershipUnitOfWork, person_id: UUID) -> tuple[Person, list[UUID]]:
    """The person, locked, and the holders of their role if it is an admin role (locked first:
    the invariant that an admin remains is checked against what no one else is changing)."""
    found = await uow.people.get(person_id)
    if found is None or found.email is None:
        raise NotFound("no such person", code="person-not-found")
    holders: list[UUID] = []
    if found.role in rules.ADMIN_ROLES:
        assert found.role is not None
        holders = await uow.people.holders(found.role, organisation_id=found.organisation_id)
    person = await uow.people.get(person_id, for_update=True)
    if person is None or person.email is None or person.role != found.role:
        raise Conflict("this person changed meanwhile: try again", code="concurrent-change")
    return person, holders


async def _withdraw_pending_application(
    uow: MembershipUnitOfWork, admin: Person, *, at: datetime, refused: rules.LastOrganisationAdmin
) -> None:
    """An organisation that never was a member needs no admin: its application is withdrawn. An
    active or suspended one keeps the refusal (another admin first)."""
    assert admin.organisation_id is not None
    organisation = await uow.organisations.get(admin.organisation_id, for_update=True)
    if organisation is None or organisation.status is not OrganisationStatus.PENDING:
        raise refused
    await uow.organisations.save_status(organisation_rules.withdraw(organisation, at=at))


async def _check_scope_exists(
    uow: MembershipUnitOfWork, *, organisation_id: UUID | None, cluster_id: UUID | None
) -> None:
    if cluster_id and not await uow.clusters.exists(cluster_id):
        raise NotFound("no such cluster", code="cluster-not-found", field="cluster_id")
    if organisation_id and not await uow.organisations.get(organisation_id):
        raise NotFound("no such organisation", code="organisation-not-found", field="organisation_id")


async def change_role(
    uow: MembershipUnitOfWork,
    caller: Principal,
    person_id: UUID,
    role: Role,
    *,
    organisation_id: UUID | None = None,
    cluster_id: UUID | None = None,
) -> Person:
    """Administrators set any role; an organisation's admin switches colleagues' roles."""
    now = datetime.now(UTC)
    async with uow:
        current, holders = await _locked_person(uow, person_id)
        access.change_role(caller, current, role, organisation_id)
        changed = rules.assign_role(current, role, organisation_id=organisation_id, cluster_id=cluster_id)
        await _check_scope_exists(uow, organisation_id=organisation_id, cluster_id=cluster_id)
        rules.keep_an_admin(current, changed, holders=holders)
        await uow.people.save(changed)
        uow.emit(events.role_changed(changed, current, now))
        await uow.commit()
    return changed


async def remove_person(uow: MembershipUnitOfWork, caller: Principal, person_id: UUID) -> Person:
    """The person loses their role and affiliation, keeping their account."""
    async with uow:
        current, holders = await _locked_person(uow, person_id)
        access.remove_person(caller, current)
        removed = rules.remove(current)
        rules.keep_an_admin(current, removed, holders=holders)
        await uow.people.save(removed)
        uow.emit(events.person_removed(current, datetime.now(UTC)))
        await uow.commit()
    return removed


async def people_of(uow: MembershipUnitOfWork, caller: Principal, organisation_id: UUID) -> list[Person]:
    async with uow:
        organisation = await uow.organisations.get(organisation_id)
        if organisation is None:
            raise NotFound("no such organisation", code="organisation-not-found")
        access.view_people(caller, organisation)
        return await uow.people.of_organisation(organisation_id)


async def me(uow: MembershipUnitOfWork, caller: Principal) -> Person:
    async with uow:
        person = await uow.people.get(caller.subject)
    if person is None or person.email is None:
        raise NotFound("no such person", code="person-not-found")
    return person


async def export(uow: MembershipUnitOfWork, caller: Principal) -> dict[str, Any]:
    """Everything membership holds about the caller (GDPR art. 15/20), as JSON-ready data."""
    person = await me(uow, caller)
    async with uow:
        sent = await uow.invitations.sent_by(person.id)
    record = asdict(person)
    record.pop("password_hash")
    invitations = [{k: v for k, v in asdict(i).items() if k != "token_hash"} for i in sent]
    return {"person": record, "invitations_sent": invitations}


async def erase(uow: MembershipUnitOfWork, caller: Principal) -> None:
    """Forget the caller's personal fields here, and tell every other service to forget them. The
    last admin of a member organisation is refused; of a pending application, it is withdrawn."""
    now = datetime.now(UTC)
    async with uow:
        current, holders = await _locked_person(uow, caller.subject)
        assert current.email is not None
        erased = rules.erase(current, at=now)
        try:
            rules.keep_an_admin(current, erased, holders=holders)
        except rules.LastOrganisationAdmin as refused:
            await _withdraw_pending_application(uow, current, at=now, refused=refused)
        await uow.people.save(erased)
        await uow.invitations.forget_invitations_to(current.email)
        await uow.email_verifications.forget(current.id)
        await uow.login_attempts.prune(digest(current.email), before=now, everything=True)
        await uow.sessions.revoke_all(current.id, at=now)
        await uow.people.forget_in_outbox(current.id)
        uow.emit(events.person_erased(current, now))
        # Last: Kafka then keeps nothing of theirs under their key (membership.people is compacted).
        uow.emit(Tombstone(on_topic=topics.MEMBERSHIP_PEOPLE, key=str(current.id)))
        await uow.commit()
