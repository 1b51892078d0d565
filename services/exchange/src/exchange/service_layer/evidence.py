"""Use cases of evidence files: the visitor uploads, the parties and their managers download."""

from collections.abc import Sequence
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from exchange.domain import access
from exchange.domain.evidence import EvidenceFile, accept_evidence
from exchange.service_layer.ports import Clock, EvidenceStorage, ExchangeUnitOfWork
from exchange.service_layer.transitions import locked_exchange
from exchange.service_layer.views import visible_exchange


async def upload_evidence(
    uow: ExchangeUnitOfWork,
    storage: EvidenceStorage,
    caller: Principal,
    exchange_id: UUID,
    *,
    filename: str,
    content: bytes,
    clock: Clock,
) -> EvidenceFile:
    """A PDF, JPEG or PNG for the closing report (visitor's people; 10 files of 10 MB at most)."""
    async with uow:
        exchange = await locked_exchange(uow, exchange_id)  # locked: the count of files holds
        access.submit_report(caller, exchange)
        file = accept_evidence(
            exchange,
            evidence_id=uuid4(),
            filename=filename,
            content=content,
            files_so_far=len(await uow.evidence.of_exchange(exchange.id)),
            at=clock.now(),
            by=caller.subject,
        )
        await storage.put(file.sha256, content)  # before its record: a record never dangles
        await uow.evidence.add(file)
        await uow.commit()
    return file


async def list_evidence(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID
) -> Sequence[EvidenceFile]:
    """What was uploaded (the parties and their clusters' managers)."""
    async with uow:
        exchange = await visible_exchange(uow, caller, exchange_id)
        access.download_evidence(caller, exchange)
        return await uow.evidence.of_exchange(exchange_id)


async def download_evidence(
    uow: ExchangeUnitOfWork, storage: EvidenceStorage, caller: Principal, exchange_id: UUID, evidence_id: UUID
) -> tuple[EvidenceFile, bytes]:
    """One file's record and content (the parties and their clusters' managers)."""
    async with uow:
        exchange = await visible_exchange(uow, caller, exchange_id)
        access.download_evidence(caller, exchange)
        file = await uow.evidence.get(exchange_id, evidence_id)
    content = None if file is None else await storage.get(file.sha256)
    if file is None or content is None:
        raise NotFound("no such evidence file", code="evidence-not-found")
    return file, content
