"""People the directory learns of after an event was routed are told of it, if it concerns them.

Membership's organisation and people events are read by different consumer groups: an
approval can be routed before the applicant's own `PersonJoined`, though it happened after.
"""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from cloth_shared.contracts.membership import PersonRoleChanged
from cloth_shared.testing.examples import person_erased, person_joined, sme_joined
from notifications.domain.routed_events import KEPT_FOR
from notifications.domain.routing import Channel

from .consuming import consume
from .fakes import FakeNotificationsUnitOfWork

JOINED_AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
APPROVED_AT = JOINED_AT + timedelta(minutes=5)


def told_of(uow: FakeNotificationsUnitOfWork, event_type: str, person_id: UUID) -> list[Channel]:
    return sorted(
        n.channel
        for n in uow.database.person_notifications.values()
        if n.event_type == event_type and n.person_id == person_id
    )


async def test_an_approval_routed_before_the_applicants_person_joined_still_welcomes_them() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    applicant = person_joined(role="organisation_admin", organisation_id=organisation_id, language="es")

    await consume(uow, sme_joined(organisation_id=organisation_id), occurred_at=APPROVED_AT)
    assert uow.database.person_notifications == {}  # nobody of the organisation known yet
    await consume(uow, applicant, occurred_at=JOINED_AT)

    assert told_of(uow, "SMEJoined", applicant.person_id) == [Channel.EMAIL, Channel.IN_APP]
    [welcome] = [
        e
        for e in uow.database.email_deliveries.values()
        if uow.database.person_notifications[e.notification_id].event_type == "SMEJoined"
    ]
    assert (welcome.person_id, welcome.language) == (applicant.person_id, "es")
    assert told_of(uow, "PersonJoined", applicant.person_id) == [Channel.EMAIL, Channel.IN_APP]


async def test_a_cluster_manager_learnt_of_late_is_told_of_an_organisation_joining_their_cluster() -> None:
    uow = FakeNotificationsUnitOfWork()
    cluster_id = uuid4()
    manager = person_joined(role="cluster_manager", cluster_id=cluster_id)

    await consume(uow, sme_joined(organisation_id=uuid4(), cluster_id=cluster_id), occurred_at=APPROVED_AT)
    await consume(uow, manager, occurred_at=JOINED_AT)

    assert told_of(uow, "SMEJoined", manager.person_id) == [Channel.IN_APP]


async def test_someone_who_joined_after_the_event_is_not_told_of_it_late() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    await consume(uow, sme_joined(organisation_id=organisation_id), occurred_at=APPROVED_AT)

    newcomer = person_joined(role="organisation_member", organisation_id=organisation_id)
    await consume(uow, newcomer, occurred_at=APPROVED_AT + timedelta(days=1))

    assert told_of(uow, "SMEJoined", newcomer.person_id) == []


async def test_a_person_learnt_of_late_is_told_only_of_what_concerns_them() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    await consume(uow, sme_joined(organisation_id=uuid4()), occurred_at=APPROVED_AT)  # another organisation
    await consume(uow, sme_joined(organisation_id=organisation_id), occurred_at=APPROVED_AT)

    member = person_joined(role="organisation_member", organisation_id=organisation_id)
    await consume(uow, member, occurred_at=JOINED_AT)

    events = {n.event_id for n in uow.database.person_notifications.values() if n.event_type == "SMEJoined"}
    assert len(events) == 1
    assert told_of(uow, "SMEJoined", member.person_id) == [Channel.EMAIL, Channel.IN_APP]


async def test_people_told_already_are_not_told_again_by_a_later_people_event() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    admin = person_joined(role="organisation_admin", organisation_id=organisation_id)
    joined_id = uuid4()
    await consume(uow, admin, event_id=joined_id, occurred_at=JOINED_AT)
    await consume(uow, sme_joined(organisation_id=organisation_id), occurred_at=APPROVED_AT)

    # The same PersonJoined delivered again, and a role change from before the approval.
    await consume(uow, admin, event_id=joined_id, occurred_at=JOINED_AT)
    changed = PersonRoleChanged(
        person_id=admin.person_id,
        person=admin.person.model_copy(update={"role": "organisation_member"}),
        previous_role="organisation_admin",
        changed_at=JOINED_AT,
    )
    await consume(uow, changed, occurred_at=JOINED_AT + timedelta(minutes=1))

    assert told_of(uow, "SMEJoined", admin.person_id) == [Channel.EMAIL, Channel.IN_APP]
    mailed = [
        uow.database.person_notifications[e.notification_id] for e in uow.database.email_deliveries.values()
    ]
    assert sorted(n.event_type for n in mailed) == ["PersonJoined", "PersonRoleChanged", "SMEJoined"]


async def test_an_erasure_drops_the_routed_events_that_name_the_person() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    colleague = person_joined(role="organisation_admin", organisation_id=organisation_id)
    erased = person_joined(
        role="organisation_member", organisation_id=organisation_id, display_name="Ana Ruiz"
    )
    await consume(uow, colleague, occurred_at=JOINED_AT)
    await consume(uow, erased, occurred_at=JOINED_AT)
    await consume(uow, sme_joined(organisation_id=organisation_id), occurred_at=APPROVED_AT)

    await consume(uow, person_erased(erased.person_id))

    kept = [event for event, _ in uow.database.routed_events.values()]
    assert {e.event_type for e in kept} == {"PersonJoined", "SMEJoined"}
    assert "Ana Ruiz" not in repr([e.payload for e in kept])
    assert [e.payload["person"]["person_id"] for e in kept if e.event_type == "PersonJoined"] == [
        str(colleague.person_id)
    ]


async def test_routed_events_are_kept_for_a_day_then_dropped_as_routing_goes_on() -> None:
    uow = FakeNotificationsUnitOfWork()
    await consume(uow, sme_joined(organisation_id=uuid4()), occurred_at=APPROVED_AT)
    [(old_id, (old, _))] = uow.database.routed_events.items()
    uow.database.routed_events[old_id] = (old, datetime.now(UTC) - KEPT_FOR - timedelta(minutes=1))

    await consume(uow, sme_joined(organisation_id=uuid4()), occurred_at=APPROVED_AT)

    assert old_id not in uow.database.routed_events
    assert len(uow.database.routed_events) == 1
