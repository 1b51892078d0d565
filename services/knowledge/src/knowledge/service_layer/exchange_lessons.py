"""A completed exchange whose summary the visitor agreed to share starts a lessons-learned draft.

Runs inside the inbox's open unit of work (no commit); idempotent by the exchange id, through
`start_lessons_learned_draft`. The draft is written in the visitor's first language the library
has, as far as knowledge knows it, and names the host when the library knows the host.
"""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.exchange import ExchangeCompleted
from knowledge.domain import exchange_lessons as rules
from knowledge.domain import learning_plans
from knowledge.domain.library.vocabulary import Language
from knowledge.service_layer.lessons_learned import start_lessons_learned_draft
from knowledge.service_layer.ports import KnowledgeUnitOfWork


async def draft_lessons_learned(
    uow: KnowledgeUnitOfWork, envelope: EventEnvelope[dict[str, Any]], event: ExchangeCompleted
) -> None:
    """No shared summary, no draft: what the visitor kept private stays out of the library."""
    if not event.shared_summary:
        return
    exchange = event.exchange
    host = await uow.library_organisations.get(exchange.host_organisation_id)
    visitor = await uow.learner_profiles.get(exchange.visitor_organisation_id)
    completed = rules.CompletedExchange(
        exchange_id=exchange.exchange_id,
        host_name=host.legal_name if host else None,
        host_country=exchange.host_country,
        visitor_country=exchange.visitor_country,
        activity_kind=exchange.activity_kind,
        first_day=exchange.first_day,
        last_day=exchange.last_day,
        summary=event.shared_summary,
        lessons_learned=event.shared_lessons_learned,
    )
    await start_lessons_learned_draft(
        uow,
        organisation_id=exchange.visitor_organisation_id,
        source_key=rules.source_key(exchange.exchange_id),
        content=rules.draft_content(completed),
        at=envelope.occurred_at,
        language=Language(learning_plans.languages(visitor)[0].value) if visitor else Language.EN,
    )
