"""Who may do what with a resource. Authors are the people of the author organisation;
moderators are the managers of that organisation's cluster, and administrators for any."""

from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAllowed, NotFound
from knowledge.domain.library.resources import Resource


def is_author(caller: Principal | None, organisation_id: UUID) -> bool:
    return caller is not None and caller.belongs_to(organisation_id)


def is_moderator(caller: Principal | None, cluster_id: UUID | None) -> bool:
    """`cluster_id` is the author organisation's cluster, None while the library does not know it."""
    if caller is None:
        return False
    return caller.is_admin or (cluster_id is not None and caller.manages_cluster(cluster_id))


def sees_every_revision(caller: Principal | None, resource: Resource, cluster_id: UUID | None) -> bool:
    return is_author(caller, resource.author_organisation_id) or is_moderator(caller, cluster_id)


def check_visible(caller: Principal | None, resource: Resource, cluster_id: UUID | None) -> None:
    """The public reads published resources only; others are not found rather than forbidden,
    so a draft's existence does not leak."""
    if resource.published is None and not sees_every_revision(caller, resource, cluster_id):
        raise NotFound("no such resource", code="resource-not-found")


def check_author(caller: Principal, organisation_id: UUID) -> None:
    if not is_author(caller, organisation_id):
        raise NotAllowed(
            "only the people of the author organisation write its resources", code="not-an-author"
        )


def check_moderator(caller: Principal, cluster_id: UUID | None) -> None:
    if not is_moderator(caller, cluster_id):
        raise NotAllowed(
            "only a manager of the author organisation's cluster, or an administrator, moderates it",
            code="not-a-moderator",
        )


def check_archivist(caller: Principal, resource: Resource, cluster_id: UUID | None) -> None:
    if not sees_every_revision(caller, resource, cluster_id):
        raise NotAllowed("only its authors or moderators archive a resource", code="not-an-author")
