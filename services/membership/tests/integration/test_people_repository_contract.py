"""People, invitations, partner clients, sign-in attempts: the fakes and PostgreSQL keep one contract."""

from dataclasses import replace

from cloth_shared.auth.principal import Role
from membership.domain.people import PersonStatus
from membership.service_layer.unit_of_work import MembershipUnitOfWork

from .repository_examples import (
    Store,
    a_client,
    a_cluster,
    a_person,
    an_invitation,
    an_organisation,
    at,
    committed,
    ids,
    read,
)


async def test_a_person_comes_back_as_added_by_id_and_by_email_in_any_case(store: Store) -> None:
    uow, person = store.uow, a_person(email="Marta.Puig@example.org")

    assert await committed(uow, lambda u: u.people.add(person))

    assert await read(uow, lambda u: u.people.get(person.id, for_update=True)) == person
    assert await read(uow, lambda u: u.people.by_email("marta.puig@EXAMPLE.org")) == person
    assert await read(uow, lambda u: u.people.by_email("nobody@example.org")) is None


async def test_an_email_is_signed_up_once_whatever_its_case(store: Store) -> None:
    uow = store.uow
    await committed(uow, lambda u: u.people.add(a_person(email="marta@example.org")))

    assert not await committed(uow, lambda u: u.people.add(a_person(email="MARTA@example.org")))


async def test_erased_people_without_an_email_do_not_collide(store: Store) -> None:
    uow = store.uow
    erased = [a_person(email=None, status=PersonStatus.ERASED, erased_at=at(1)) for _ in range(2)]

    for person in erased:
        assert await committed(uow, lambda u, p=person: u.people.add(p))


async def test_saving_a_person_changes_everything_but_when_they_signed_up(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    person = a_person()
    await committed(uow, lambda u: u.people.add(person))
    changed = replace(
        person, role=Role.CLUSTER_MANAGER, cluster_id=cluster.id, display_name="Ana P.", created_at=at(9)
    )

    await committed(uow, lambda u: u.people.save(changed))

    assert await read(uow, lambda u: u.people.get(person.id)) == replace(
        changed, created_at=person.created_at
    )


async def test_the_people_of_an_organisation_are_listed_by_name(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    ours, theirs = an_organisation(cluster), an_organisation(cluster)
    for organisation in (ours, theirs):
        await committed(uow, lambda u, o=organisation: u.organisations.add(o))
    role = Role.ORGANISATION_MEMBER
    berta, anna = (a_person(display_name=n, role=role, organisation_id=ours.id) for n in ("Berta", "Anna"))
    stranger = a_person(role=role, organisation_id=theirs.id)
    for person in (berta, anna, stranger):
        await committed(uow, lambda u, p=person: u.people.add(p))

    assert ids(await read(uow, lambda u: u.people.of_organisation(ours.id))) == [anna.id, berta.id]


async def test_an_invitation_is_found_by_its_token_hash_and_marked_accepted(store: Store) -> None:
    uow, inviter = store.uow, a_person()
    await committed(uow, lambda u: u.people.add(inviter))
    invitation = an_invitation(inviter)
    await committed(uow, lambda u: u.invitations.add(invitation))

    assert await read(uow, lambda u: u.invitations.by_token_hash(invitation.token_hash)) == invitation
    accepted = replace(invitation, accepted_at=at(3))
    await committed(uow, lambda u: u.invitations.mark_accepted(accepted))

    assert await read(uow, lambda u: u.invitations.by_token_hash(invitation.token_hash)) == accepted
    assert await read(uow, lambda u: u.invitations.by_token_hash("unknown")) is None


async def test_invitations_sent_by_a_person_are_listed_oldest_first(store: Store) -> None:
    uow, inviter, other = store.uow, a_person(), a_person()
    for person in (inviter, other):
        await committed(uow, lambda u, p=person: u.people.add(p))
    later, earlier = an_invitation(inviter, created_at=at(2)), an_invitation(inviter, created_at=at(1))
    for invitation in (later, earlier, an_invitation(other)):
        await committed(uow, lambda u, i=invitation: u.invitations.add(i))

    assert await read(uow, lambda u: u.invitations.sent_by(inviter.id)) == [earlier, later]


async def test_invitations_to_an_email_are_forgotten_whatever_its_case(store: Store) -> None:
    uow, inviter = store.uow, a_person()
    await committed(uow, lambda u: u.people.add(inviter))
    to_marta, to_jordi = an_invitation(inviter, email="marta@example.org"), an_invitation(inviter)
    for invitation in (to_marta, to_jordi):
        await committed(uow, lambda u, i=invitation: u.invitations.add(i))

    await committed(uow, lambda u: u.invitations.forget_invitations_to("MARTA@example.org"))

    assert await read(uow, lambda u: u.invitations.sent_by(inviter.id)) == [to_jordi]


async def test_a_partner_client_comes_back_as_added_unless_revoked(store: Store) -> None:
    uow, creator = store.uow, a_person()
    await committed(uow, lambda u: u.people.add(creator))
    client, revoked = a_client(creator), a_client(creator, revoked_at=at(1))
    for each in (client, revoked):
        await committed(uow, lambda u, c=each: u.clients.add(c))

    assert await read(uow, lambda u: u.clients.get(client.id)) == client
    assert await read(uow, lambda u: u.clients.get(revoked.id)) is None


async def test_failed_sign_ins_are_counted_per_account_and_per_address_since_a_time(store: Store) -> None:
    uow = store.uow

    async def attempts(u: MembershipUnitOfWork) -> None:
        await u.login_attempts.lock("account")
        await u.login_attempts.record("account", "192.0.2.1", succeeded=False, at=at(2))
        await u.login_attempts.record("account", "192.0.2.1", succeeded=False, at=at(1))
        await u.login_attempts.record("account", "192.0.2.1", succeeded=True, at=at(3))
        await u.login_attempts.record("other", "192.0.2.1", succeeded=False, at=at(4))
        await u.login_attempts.record("account", "192.0.2.9", succeeded=False, at=at(-5))

    await committed(uow, attempts)

    failures = await read(uow, lambda u: u.login_attempts.account_failures("account", since=at(0)))
    assert failures == [(at(1), "192.0.2.1"), (at(2), "192.0.2.1")]
    assert await read(uow, lambda u: u.login_attempts.address_failures("192.0.2.1", since=at(0))) == 3


async def test_old_attempts_are_pruned_and_all_of_them_on_request(store: Store) -> None:
    uow = store.uow

    async def attempts(u: MembershipUnitOfWork) -> None:
        for minute, account in ((1, "account"), (5, "account"), (1, "other")):
            await u.login_attempts.record(account, "192.0.2.1", succeeded=False, at=at(minute))

    await committed(uow, attempts)

    await committed(uow, lambda u: u.login_attempts.prune("account", before=at(3)))
    failures = await read(uow, lambda u: u.login_attempts.account_failures("account", since=at(-60)))
    assert failures == [(at(5), "192.0.2.1")]
    await committed(uow, lambda u: u.login_attempts.prune("account", before=at(-60), everything=True))
    assert await read(uow, lambda u: u.login_attempts.account_failures("account", since=at(-60))) == []
    others = await read(uow, lambda u: u.login_attempts.account_failures("other", since=at(-60)))
    assert others == [(at(1), "192.0.2.1")]


async def test_attempts_older_than_a_time_are_purged_for_every_account(store: Store) -> None:
    uow = store.uow

    async def attempts(u: MembershipUnitOfWork) -> None:
        for minute, account in ((1, "account"), (5, "account"), (1, "other")):
            await u.login_attempts.record(account, "192.0.2.1", succeeded=False, at=at(minute))

    await committed(uow, attempts)
    await committed(uow, lambda u: u.login_attempts.purge(before=at(3)))
    assert await read(uow, lambda u: u.login_attempts.account_failures("other", since=at(-60))) == []
    failures = await read(uow, lambda u: u.login_attempts.account_failures("account", since=at(-60)))
    assert failures == [(at(5), "192.0.2.1")]
