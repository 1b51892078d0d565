"""People, courses and sessions for the training tests, with plausible defaults."""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.testing.examples import MODACC
from knowledge.domain.training.courses import Audience, CompletionRule, DeliveryMode, Language, SkillArea
from knowledge.service_layer.training.courses import CreateCourse, ScheduleSession

NOW = datetime(2027, 2, 1, 9, tzinfo=UTC)
FIRST_MEETING = NOW + timedelta(days=30)
OTHER_CLUSTER = UUID("0b1c0000-0000-4000-8000-000000000002")


def manager(cluster_id: UUID = MODACC) -> Principal:
    return Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=cluster_id)


def member() -> Principal:
    return Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4())


def admin() -> Principal:
    return Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))


def a_course(
    *,
    cluster_id: UUID = MODACC,
    title: str = "Circular design for textile SMEs",
    audience: Audience = Audience.MEMBERS,
    skill_area: SkillArea = SkillArea.GREEN,
    language: Language = Language.EN,
    min_attendance_percent: int = 50,
    assessment_required: bool = False,
) -> CreateCourse:
    return CreateCourse(
        cluster_id=cluster_id,
        title=title,
        skill_area=skill_area,
        audience=audience,
        language=language,
        learning_outcomes=("Plan a product for disassembly",),
        modules=("Design for disassembly", "Take-back schemes"),
        completion_rule=CompletionRule(min_attendance_percent, assessment_required),
    )


def a_session(
    course_id: UUID,
    *,
    capacity: int = 2,
    trainer_id: UUID | None = None,
    meetings: int = 4,
    mode: DeliveryMode = DeliveryMode.ONLINE,
    place: str | None = None,
    cancellation_deadline: datetime | None = None,
) -> ScheduleSession:
    return ScheduleSession(
        course_id=course_id,
        mode=mode,
        place=place,
        meetings=tuple(FIRST_MEETING + timedelta(weeks=week) for week in range(meetings)),
        capacity=capacity,
        trainer_id=trainer_id or uuid4(),
        cancellation_deadline=cancellation_deadline or FIRST_MEETING - timedelta(days=7),
    )
