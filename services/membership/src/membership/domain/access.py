"""Who may do what: every authorisation rule of membership, over the caller's Principal."""

from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed
from membership.domain.organisations import Organisation
from membership.domain.people import ORGANISATION_ROLES, Person


class Forbidden(NotAllowed):
    code = "forbidden"


def _require(allowed: bool, action: str) -> None:
    if not allowed:
        raise Forbidden(f"you may not {action}")


def view_organisation(caller: Principal, organisation: Organisation) -> None:
    allowed = caller.is_admin or caller.belongs_to(organisation.id)
    _require(allowed or caller.manages_cluster(organisation.cluster_id), "see this organisation")


def edit_profile(caller: Principal, organisation_id: UUID) -> None:
    _require(caller.belongs_to(organisation_id), "change this organisation's profile")


def decide_application(caller: Principal, organisation: Organisation) -> None:
    _require(caller.manages_cluster(organisation.cluster_id), "decide applications to this cluster")


def suspend_or_reinstate(caller: Principal, organisation: Organisation) -> None:
    allowed = caller.is_admin or caller.manages_cluster(organisation.cluster_id)
    _require(allowed, "suspend or reinstate this organisation")


def leave(caller: Principal, organisation: Organisation) -> None:
    _require(caller.administers(organisation.id), "end this organisation's membership")


def list_applications(caller: Principal, cluster_id: UUID) -> None:
    _require(caller.is_admin or caller.manages_cluster(cluster_id), "see this cluster's applications")


def manage_clusters(caller: Principal) -> None:
    _require(caller.is_admin, "manage clusters")


def manage_clients(caller: Principal) -> None:
    _require(caller.is_admin, "manage partner-system clients")


def view_people(caller: Principal, organisation: Organisation) -> None:
    view_organisation(caller, organisation)


def invite(caller: Principal, role: Role, organisation_id: UUID | None) -> None:
    """Admins invite anyone; an organisation's admin invites colleagues into their organisation."""
    colleague = role in ORGANISATION_ROLES and organisation_id is not None
    allowed = caller.is_admin or (colleague and caller.administers(organisation_id))  # type: ignore[arg-type]
    _require(allowed, f"invite a {role} here")


def change_role(caller: Principal, person: Person, role: Role, organisation_id: UUID | None) -> None:
    """Admins set any role; an organisation's admin moves colleagues between its two roles."""
    in_own = (
        person.organisation_id is not None
        and caller.administers(person.organisation_id)
        and role in ORGANISATION_ROLES
        and organisation_id == person.organisation_id
    )
    _require(caller.is_admin or in_own, "change this person's role")


def remove_person(caller: Principal, person: Person) -> None:
    in_own = person.organisation_id is not None and caller.administers(person.organisation_id)
    _require(caller.is_admin or in_own, "remove this person")


def end_sessions_of(caller: Principal, person: Person) -> None:
    """Administrators end anyone's sessions (a stolen laptop, a departure); people their own."""
    _require(caller.is_admin or caller.subject == person.id, "end this person's sessions")
