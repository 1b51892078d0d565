"""The library's facts as the contract events other services read."""

from datetime import datetime

from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.knowledge_resources import (
    ResourceArchived,
    ResourcePublished,
    ResourceSentBack,
    ResourceSnapshot,
    ResourceSubmitted,
)
from knowledge.domain.library import workflow
from knowledge.domain.library.resources import Resource, Revision

Fact = workflow.Submitted | workflow.Published | workflow.SentBack | workflow.Archived


def snapshot(resource: Resource, revision: Revision) -> ResourceSnapshot:
    content = revision.content
    return ResourceSnapshot(
        resource_id=resource.id,
        group_id=resource.group_id,
        kind=resource.kind.value,
        language=resource.language.value,
        author_organisation_id=resource.author_organisation_id,
        revision=revision.number,
        title=content.title,
        summary=content.summary,
        tags=content.tags,
        value_chains=content.value_chains,
        regions=content.regions,
    )


def announcement(fact: Fact, at: datetime) -> Event:
    resource = fact.resource
    about = snapshot(resource, resource.latest)
    match fact:
        case workflow.Submitted(by=by):
            return ResourceSubmitted(resource=about, submitted_by=by, submitted_at=at)
        case workflow.Published(by=by):
            return ResourcePublished(resource=about, published_by=by, published_at=at)
        case workflow.SentBack(by=by, comment=comment):
            return ResourceSentBack(resource=about, sent_back_by=by, comment=comment, sent_back_at=at)
        case workflow.Archived(by=by):
            return ResourceArchived(resource=about, archived_by=by, archived_at=at)
