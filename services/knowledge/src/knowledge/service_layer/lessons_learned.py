"""Lessons learned started by the library itself, for an organisation's people to finish.

`start_lessons_learned_draft` is meant for consumers (e.g. of `ExchangeCompleted`): like every
consumed-event use case it runs inside the caller's open unit of work and does not commit — the
inbox commits it with the delivery record. It is idempotent by `source_key` (say
`"exchange:<exchange id>"`): a redelivery, or a second call with the same key, returns the
resource started the first time and changes nothing. No event: the draft is the organisation's
own until its people submit it.
"""

from datetime import datetime
from uuid import UUID

from knowledge.domain.library import workflow
from knowledge.domain.library.resources import Content, Resource
from knowledge.domain.library.vocabulary import Kind, Language
from knowledge.service_layer.ports import KnowledgeUnitOfWork


async def start_lessons_learned_draft(
    uow: KnowledgeUnitOfWork,
    *,
    organisation_id: UUID,
    source_key: str,
    content: Content,
    at: datetime,
    language: Language = Language.EN,
) -> Resource:
    """A draft of kind lessons learned for the organisation, pre-filled with `content`, once per key."""
    started = await uow.resources.by_source_key(source_key)
    if started is not None:
        return started
    draft = workflow.start(
        kind=Kind.LESSONS_LEARNED,
        language=language,
        author_organisation_id=organisation_id,
        content=content,
        by=None,
        at=at,
        source_key=source_key,
    )
    await uow.resources.add(draft)
    return draft
