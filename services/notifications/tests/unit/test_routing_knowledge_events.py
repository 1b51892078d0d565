"""Knowledge's training and roadmap events reach the people their routing rows name, and no one else."""

from datetime import UTC, datetime
from uuid import uuid4

from cloth_shared.contracts.knowledge_roadmap import PartnershipStrategyEndorsed, PartnershipStrategySnapshot
from cloth_shared.contracts.knowledge_training import PlaceOffered
from notifications.domain.routing import Channel

from .consuming import consume, person
from .fakes import FakeNotificationsUnitOfWork


def told(uow: FakeNotificationsUnitOfWork, event_type: str) -> set[tuple[object, Channel]]:
    return {
        (n.person_id, n.channel)
        for n in uow.database.person_notifications.values()
        if n.event_type == event_type
    }


async def test_a_place_offered_from_the_waiting_list_reaches_the_promoted_person_only() -> None:
    uow = FakeNotificationsUnitOfWork()
    promoted = await person(uow)
    colleague = await person(uow)

    await consume(
        uow,
        PlaceOffered(
            session_id=uuid4(),
            course_id=uuid4(),
            enrolment_id=uuid4(),
            person_id=promoted,
            offered_at=datetime.now(UTC),
        ),
    )

    assert told(uow, "PlaceOffered") == {(promoted, Channel.IN_APP), (promoted, Channel.EMAIL)}
    assert colleague not in {who for who, _ in told(uow, "PlaceOffered")}


async def test_an_endorsement_reaches_the_managers_of_the_partners_still_to_approve_not_the_endorser() -> (
    None
):
    uow = FakeNotificationsUnitOfWork()
    endorsing_cluster, awaiting_cluster, done_cluster = uuid4(), uuid4(), uuid4()
    endorser = await person(uow, role="cluster_manager", cluster_id=endorsing_cluster)
    awaiting = await person(uow, role="cluster_manager", cluster_id=awaiting_cluster)
    already_approved = await person(uow, role="cluster_manager", cluster_id=done_cluster)

    await consume(
        uow,
        PartnershipStrategyEndorsed(
            strategy=PartnershipStrategySnapshot(
                version=1, title="Green and digital", objectives=(), actions=(), indicators=()
            ),
            cluster_id=endorsing_cluster,
            endorsed_by=endorser,
            endorsed_at=datetime.now(UTC),
            awaiting_cluster_ids=(awaiting_cluster,),
        ),
    )

    assert told(uow, "PartnershipStrategyEndorsed") == {(awaiting, Channel.IN_APP)}
    assert already_approved not in {who for who, _ in told(uow, "PartnershipStrategyEndorsed")}
