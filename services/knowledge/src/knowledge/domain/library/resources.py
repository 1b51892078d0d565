"""A resource of the library: fixed facts (kind, language, author organisation, translation
group) and its revisions, every one of them kept."""

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from uuid import UUID

from cloth_shared.errors import InvalidInput
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus

MAX_LINKS = 20


@dataclass(frozen=True, slots=True)
class Content:
    """What authors write; the body is Markdown (see markdown.py for how it is shown)."""

    title: str
    summary: str
    body: str
    tags: tuple[str, ...] = ()
    value_chains: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.links) > MAX_LINKS:
            raise InvalidInput(f"at most {MAX_LINKS} links", code="too-many-links", field="links")
        for link in self.links:
            check_link(link)


def check_link(url: str) -> None:
    """Only absolute http(s) addresses with a host: a `javascript:` link never reaches a reader."""
    try:
        parts = urlsplit(url)
        valid = parts.scheme in {"http", "https"} and bool(parts.hostname) and " " not in url
    except ValueError:
        valid = False
    if not valid:
        raise InvalidInput(
            "links are absolute http(s) addresses", code="invalid-link", field="links", link=url
        )


@dataclass(frozen=True, slots=True)
class Revision:
    number: int
    content: Content
    status: RevisionStatus
    written_by: UUID | None
    written_at: datetime
    comment: str | None = None
    decided_by: UUID | None = None
    decided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Resource:
    id: UUID
    group_id: UUID  # the translation group: the same resource in other languages shares it
    kind: Kind
    language: Language
    author_organisation_id: UUID
    created_at: datetime
    revisions: tuple[Revision, ...] = field(default=())
    archived_at: datetime | None = None
    # What made the library start this resource (e.g. "exchange:<id>"), so it is started once.
    source_key: str | None = None

    @property
    def latest(self) -> Revision:
        return self.revisions[-1]

    @property
    def published(self) -> Revision | None:
        """The revision the public reads, while the resource is not archived."""
        if self.archived_at is not None:
            return None
        return next((r for r in self.revisions if r.status is RevisionStatus.PUBLISHED), None)

    def revision(self, number: int) -> Revision | None:
        return next((r for r in self.revisions if r.number == number), None)
