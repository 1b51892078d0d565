"""Who may do what in the training programme, given who is calling."""

from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed
from knowledge.domain.training.courses import Audience, Course, Session

_MEMBER_ROLES = frozenset({Role.ORGANISATION_ADMIN, Role.ORGANISATION_MEMBER})


def check_runs_programme_of(caller: Principal, cluster_id: UUID) -> None:
    """A cluster's courses are created and scheduled by its managers, or platform administrators."""
    if not (caller.is_admin or caller.manages_cluster(cluster_id)):
        raise NotAllowed("only the cluster's managers or administrators run its training programme")


def check_in_audience(caller: Principal, course: Course) -> None:
    """Enrolment follows the course's audience: a cluster manager's course, a member's course."""
    managers = Role.CLUSTER_MANAGER in caller.roles
    members = bool(_MEMBER_ROLES & caller.roles)
    allowed = {
        Audience.CLUSTER_MANAGERS: managers,
        Audience.MEMBERS: members,
        Audience.BOTH: managers or members,
    }[course.audience]
    if not allowed:
        raise NotAllowed(
            f"this course is for {course.audience.value.replace('_', ' ')}", code="not-in-audience"
        )


def check_records_attendance(caller: Principal, course: Course, session: Session) -> None:
    """Attendance is recorded by the session's trainer or a manager of the course's cluster."""
    if not (caller.subject == session.trainer_id or caller.manages_cluster(course.cluster_id)):
        raise NotAllowed("only the trainer or the course's cluster managers record attendance")


def check_sees_roster(caller: Principal, course: Course, session: Session) -> None:
    if not (
        caller.is_admin or caller.subject == session.trainer_id or caller.manages_cluster(course.cluster_id)
    ):
        raise NotAllowed("only the trainer, the course's cluster managers or administrators see enrolments")


def check_revokes_certificates(caller: Principal, course: Course) -> None:
    if not (caller.is_admin or caller.manages_cluster(course.cluster_id)):
        raise NotAllowed("only administrators or the course's cluster managers revoke certificates")
