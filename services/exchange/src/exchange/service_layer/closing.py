"""Use cases after the stay: the report, its review, the host's feedback, the payment."""

from dataclasses import dataclass
from functools import partial
from uuid import UUID

from cloth_shared.auth.principal import Principal
from exchange.domain import access, closing
from exchange.domain.exchanges import Exchange
from exchange.domain.records import ClosingReport
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.transitions import locked_exchange, record, take_step


@dataclass(frozen=True, slots=True)
class SubmitReport:
    summary: str
    lessons_learned: str
    share_summary: bool  # the visitor agrees that the summary and lessons leave this service


async def submit_report(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, command: SubmitReport, *, clock: Clock
) -> Exchange:
    """The visitor's people hand in the closing report with the evidence uploaded so far."""
    now = clock.now()
    async with uow:
        exchange = await locked_exchange(uow, exchange_id)
        access.submit_report(caller, exchange)
        evidence = await uow.evidence.of_exchange(exchange.id)
        report = ClosingReport(
            summary=command.summary,
            lessons_learned=command.lessons_learned,
            share_summary=command.share_summary,
            evidence_ids=tuple(file.id for file in evidence),
            submitted_at=now,
            submitted_by=caller.subject,
        )
        saved = await record(
            uow, exchange, closing.submit_report(exchange, report, at=now, by=caller.subject)
        )
        await uow.commit()
    return saved


async def give_feedback(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, text: str, *, clock: Clock
) -> Exchange:
    """The host's people add their short feedback."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.give_feedback, caller),
        lambda e: closing.give_feedback(e, text, at=clock.now(), by=caller.subject),
    )


async def validate(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, *, clock: Clock
) -> Exchange:
    """The visitor's cluster accepts the report: the exchange is completed; payment due in 10 days."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.review_report, caller),
        lambda e: closing.validate(e, at=clock.now(), by=caller.subject),
    )


async def send_back(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, comments: str, *, clock: Clock
) -> Exchange:
    """The visitor's cluster asks for a better report, saying what is missing."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.review_report, caller),
        lambda e: closing.send_back(e, comments=comments, at=clock.now(), by=caller.subject),
    )


async def record_payment(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, *, clock: Clock
) -> Exchange:
    """The visitor's cluster records that the visitor was paid the lump sum."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.record_payment, caller),
        lambda e: closing.record_payment(e, at=clock.now(), by=caller.subject),
    )
