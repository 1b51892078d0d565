from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Role
from cloth_shared.contracts import topics
from cloth_shared.contracts.membership import PersonErased, PersonRemoved, PersonRoleChanged
from cloth_shared.errors import InvalidInput, NotAllowed, NotAuthenticated, NotFound
from cloth_shared.outbox.tombstone import Tombstone
from membership.domain.people import PersonStatus
from membership.service_layer import accounts, people, sessions
from membership.service_layer.accounts import digest
from membership.service_layer.people import Invite

from .builders import a_cluster, a_person, admin_of, an_organisation, member_of, platform_admin, signed_in
from .fakes import FakeMembershipUnitOfWork, LoginAttempt, fake_identity


async def test_an_organisations_admin_invites_a_colleague_with_a_secret_token_stored_only_hashed() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    admin = admin_of(organisation)

    invitation, token = await people.invite(
        uow, admin, Invite("Jordi@Example.org", Role.ORGANISATION_MEMBER, organisation_id=organisation.id)
    )

    stored = uow.database.invitations[invitation.id]
    assert (stored.email, stored.invited_by, stored.token_hash) == (
        "jordi@example.org",
        admin.subject,
        digest(token),
    )
    assert token not in stored.token_hash


async def test_an_organisations_admin_may_not_invite_a_cluster_manager() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    organisation = an_organisation(uow, cluster)

    with pytest.raises(NotAllowed):
        await people.invite(
            uow, admin_of(organisation), Invite("x@example.org", Role.CLUSTER_MANAGER, cluster_id=cluster.id)
        )

    assert uow.database.invitations == {}


async def test_an_invitation_to_a_role_without_its_scope_is_invalid() -> None:
    uow = FakeMembershipUnitOfWork()

    with pytest.raises(InvalidInput):
        await people.invite(uow, platform_admin(), Invite("x@example.org", Role.CLUSTER_MANAGER))


async def test_an_invitation_into_an_unknown_cluster_or_organisation_is_not_found() -> None:
    uow = FakeMembershipUnitOfWork()

    with pytest.raises(NotFound):
        await people.invite(
            uow, platform_admin(), Invite("x@example.org", Role.CLUSTER_MANAGER, cluster_id=uuid4())
        )
    with pytest.raises(NotFound):
        await people.invite(
            uow, platform_admin(), Invite("x@example.org", Role.ORGANISATION_MEMBER, organisation_id=uuid4())
        )

    assert uow.database.invitations == {}


async def test_an_organisations_admin_promotes_a_colleague_and_the_change_is_announced() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    colleague = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=organisation.id)

    await people.change_role(
        uow, admin_of(organisation), colleague.id, Role.ORGANISATION_ADMIN, organisation_id=organisation.id
    )

    assert uow.database.people[colleague.id].role is Role.ORGANISATION_ADMIN
    [event] = uow.events
    assert isinstance(event, PersonRoleChanged)
    assert (event.previous_role, event.person.role) == ("organisation_member", "organisation_admin")


async def test_an_organisations_admin_may_not_change_roles_in_another_organisation() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    ours, theirs = an_organisation(uow, cluster), an_organisation(uow, cluster)
    stranger = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=theirs.id)

    with pytest.raises(NotAllowed):
        await people.change_role(
            uow, admin_of(ours), stranger.id, Role.ORGANISATION_ADMIN, organisation_id=theirs.id
        )

    assert uow.database.people[stranger.id] == stranger
    assert uow.events == []


async def test_removing_a_person_keeps_their_account_but_drops_their_role_and_announces_it() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    colleague = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=organisation.id)

    await people.remove_person(uow, admin_of(organisation), colleague.id)

    kept = uow.database.people[colleague.id]
    assert (kept.email, kept.role, kept.organisation_id) == (colleague.email, None, None)
    [event] = uow.events
    assert isinstance(event, PersonRemoved)
    assert (event.person_id, event.organisation_id) == (colleague.id, organisation.id)


async def test_the_people_of_an_organisation_are_listed_to_its_own_people_only() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    organisation, other = an_organisation(uow, cluster), an_organisation(uow, cluster)
    colleague = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=organisation.id)

    assert await people.people_of(uow, member_of(organisation), organisation.id) == [colleague]
    with pytest.raises(NotAllowed):
        await people.people_of(uow, member_of(other), organisation.id)


async def test_a_person_exports_their_data_without_password_or_invitation_token_hashes() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    person = a_person(uow, role=Role.ORGANISATION_ADMIN, organisation_id=organisation.id)
    await people.invite(
        uow,
        signed_in(person),
        Invite("jordi@example.org", Role.ORGANISATION_MEMBER, organisation_id=organisation.id),
    )

    exported = await people.export(uow, signed_in(person))

    assert exported["person"]["email"] == person.email
    assert "password_hash" not in exported["person"]
    [sent] = exported["invitations_sent"]
    assert sent["email"] == "jordi@example.org"
    assert "token_hash" not in sent


async def test_erasure_forgets_the_personal_fields_and_announces_it_to_every_other_service() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    person = a_person(
        uow, email="marta@example.org", role=Role.ORGANISATION_ADMIN, organisation_id=organisation.id
    )
    a_person(uow, role=Role.ORGANISATION_ADMIN, organisation_id=organisation.id)  # the one who stays

    await people.erase(uow, signed_in(person))

    erased = uow.database.people[person.id]
    assert (erased.email, erased.display_name, erased.password_hash) == (None, None, None)
    assert (erased.role, erased.organisation_id, erased.status) == (None, None, PersonStatus.ERASED)
    assert erased.erased_at is not None
    event, tombstone = uow.events
    assert isinstance(event, PersonErased)
    assert (event.person_id, event.organisation_id, event.erased_at) == (
        person.id,
        organisation.id,
        erased.erased_at,
    )
    # Then Kafka forgets their key, and the outbox their personal fields.
    assert isinstance(tombstone, Tombstone)
    assert (tombstone.on_topic, tombstone.key) == (topics.MEMBERSHIP_PEOPLE, str(person.id))
    assert uow.database.forgotten_in_outbox == {person.id}


async def test_erasure_also_forgets_invitations_to_the_person_and_their_sign_in_attempts() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    person = a_person(uow, email="marta@example.org")
    await people.invite(
        uow,
        platform_admin(),
        Invite("MARTA@example.org", Role.ORGANISATION_MEMBER, organisation_id=organisation.id),
    )
    recent = datetime.now(UTC) - timedelta(minutes=1)
    uow.database.login_attempts.append(LoginAttempt(digest("marta@example.org"), "192.0.2.10", False, recent))
    uow.database.login_attempts.append(LoginAttempt(digest("other@example.org"), "192.0.2.10", False, recent))

    await people.erase(uow, signed_in(person))

    assert uow.database.invitations == {}
    assert [a.account_key for a in uow.database.login_attempts] == [digest("other@example.org")]


async def test_an_erased_person_can_neither_sign_in_nor_refresh_nor_be_erased_again() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="marta@example.org", password="right")
    signed = await accounts.sign_in(
        uow, fake_identity(), email="marta@example.org", password="right", client_address="192.0.2.10"
    )
    await people.erase(uow, signed_in(person))

    with pytest.raises(NotAuthenticated):
        await accounts.sign_in(
            uow, fake_identity(), email="marta@example.org", password="right", client_address="192.0.2.10"
        )
    with pytest.raises(NotAuthenticated):
        await sessions.refresh(uow, fake_identity(), str(signed.refresh_token))
    with pytest.raises(NotFound):
        await people.erase(uow, signed_in(person))
    assert [type(e) for e in uow.events] == [PersonErased, Tombstone]
