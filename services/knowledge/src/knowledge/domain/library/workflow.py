"""The moderation workflow: the transition table, then one pure function per transition.

A resource's latest revision is the one in work. Authors edit a draft in place; editing a
sent-back or a published revision starts a new draft, so every revision that was moderated is
kept as it was, and the published one stays visible while its successor is moderated.
Publishing a revision supersedes the one published before it. Archiving ends the resource.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from cloth_shared.errors import Conflict
from knowledge.domain.library.resources import Content, Resource, Revision
from knowledge.domain.library.vocabulary import Kind, Language
from knowledge.domain.library.vocabulary import RevisionStatus as S


class Action(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    PUBLISH = "publish"
    SEND_BACK = "send_back"


# From the latest revision's status: what may happen next.
TRANSITIONS: dict[S, frozenset[Action]] = {
    S.DRAFT: frozenset({Action.EDIT, Action.SUBMIT}),
    S.SUBMITTED: frozenset({Action.PUBLISH, Action.SEND_BACK}),
    S.SENT_BACK: frozenset({Action.EDIT, Action.SUBMIT}),
    S.PUBLISHED: frozenset({Action.EDIT}),
    S.SUPERSEDED: frozenset(),
}


class InvalidTransition(Conflict):
    code = "invalid-transition"


@dataclass(frozen=True, slots=True)
class Submitted:
    resource: Resource
    by: UUID


@dataclass(frozen=True, slots=True)
class Published:
    resource: Resource
    by: UUID


@dataclass(frozen=True, slots=True)
class SentBack:
    resource: Resource
    by: UUID
    comment: str


@dataclass(frozen=True, slots=True)
class Archived:
    resource: Resource
    by: UUID


def check(resource: Resource, action: Action) -> None:
    current = resource.latest.status
    if resource.archived_at is not None or action not in TRANSITIONS[current]:
        raise InvalidTransition(
            f"a resource whose latest revision is {current} cannot {action}",
            current="archived" if resource.archived_at is not None else str(current),
            requested=str(action),
        )


def start(
    *,
    kind: Kind,
    language: Language,
    author_organisation_id: UUID,
    content: Content,
    by: UUID | None,
    at: datetime,
    group_id: UUID | None = None,
    source_key: str | None = None,
) -> Resource:
    """A new resource with its first revision, a draft; a translation joins `group_id`."""
    resource_id = uuid4()
    return Resource(
        id=resource_id,
        group_id=group_id or resource_id,
        kind=kind,
        language=language,
        author_organisation_id=author_organisation_id,
        created_at=at,
        revisions=(Revision(1, content, S.DRAFT, by, at),),
        source_key=source_key,
    )


def edit(resource: Resource, content: Content, *, by: UUID, at: datetime) -> Resource:
    check(resource, Action.EDIT)
    latest = resource.latest
    if latest.status is S.DRAFT:
        return _with_latest(resource, replace(latest, content=content, written_by=by, written_at=at))
    draft = Revision(latest.number + 1, content, S.DRAFT, by, at)
    return replace(resource, revisions=(*resource.revisions, draft))


def submit(resource: Resource, *, by: UUID, at: datetime) -> tuple[Resource, Submitted]:
    check(resource, Action.SUBMIT)
    submitted = _with_latest(
        resource, replace(resource.latest, status=S.SUBMITTED, written_by=by, written_at=at)
    )
    return submitted, Submitted(submitted, by)


def publish(resource: Resource, *, by: UUID, at: datetime) -> tuple[Resource, Published]:
    check(resource, Action.PUBLISH)
    earlier = tuple(
        replace(r, status=S.SUPERSEDED) if r.status is S.PUBLISHED else r for r in resource.revisions[:-1]
    )
    decided = replace(resource.latest, status=S.PUBLISHED, decided_by=by, decided_at=at, comment=None)
    published = replace(resource, revisions=(*earlier, decided))
    return published, Published(published, by)


def send_back(resource: Resource, comment: str, *, by: UUID, at: datetime) -> tuple[Resource, SentBack]:
    check(resource, Action.SEND_BACK)
    decided = replace(resource.latest, status=S.SENT_BACK, decided_by=by, decided_at=at, comment=comment)
    sent_back = _with_latest(resource, decided)
    return sent_back, SentBack(sent_back, by, comment)


def archive(resource: Resource, *, by: UUID, at: datetime) -> tuple[Resource, Archived]:
    if resource.archived_at is not None:
        raise InvalidTransition("the resource is archived already", current="archived", requested="archive")
    archived = replace(resource, archived_at=at)
    return archived, Archived(archived, by)


def _with_latest(resource: Resource, latest: Revision) -> Resource:
    return replace(resource, revisions=(*resource.revisions[:-1], latest))
