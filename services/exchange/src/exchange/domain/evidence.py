"""Evidence files of a closing report: what is accepted, told from the content, never the name.

PDF, JPEG and PNG only, recognised by their first bytes; at most 10 MB each and 10 per
exchange; each kept with its SHA-256 digest, which is also its storage key.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput
from exchange.domain.exchanges import Exchange, require_step
from exchange.domain.records import Step

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES = 10
MAX_FILENAME_LENGTH = 200


class MediaType(StrEnum):
    PDF = "application/pdf"
    JPEG = "image/jpeg"
    PNG = "image/png"


_MAGIC: tuple[tuple[bytes, MediaType], ...] = (
    (b"%PDF-", MediaType.PDF),
    (b"\xff\xd8\xff", MediaType.JPEG),
    (b"\x89PNG\r\n\x1a\n", MediaType.PNG),
)


class UnsupportedEvidence(InvalidInput):
    code = "evidence-type-not-accepted"


class EvidenceTooLarge(InvalidInput):
    code = "evidence-too-large"


class EvidenceLimitReached(Conflict):
    code = "evidence-limit-reached"


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    id: UUID
    exchange_id: UUID
    filename: str
    media_type: MediaType
    size: int
    sha256: str
    uploaded_at: datetime
    uploaded_by: UUID


def media_type_of(content: bytes) -> MediaType:
    """The type the content really has; refused unless it is a PDF, a JPEG or a PNG."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    raise UnsupportedEvidence("evidence must be a PDF, JPEG or PNG file (told from its content)")


def clean_filename(filename: str) -> str:
    """The last path component, without control characters, shortened; 'evidence' if nothing is left."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:MAX_FILENAME_LENGTH] or "evidence"


def accept_evidence(
    exchange: Exchange,
    *,
    evidence_id: UUID,
    filename: str,
    content: bytes,
    files_so_far: int,
    at: datetime,
    by: UUID,
) -> EvidenceFile:
    """A file for the closing report, while the report can be (re)submitted."""
    require_step(exchange, Step.SUBMIT_REPORT)
    if not 0 < len(content) <= MAX_EVIDENCE_BYTES:
        raise EvidenceTooLarge(
            f"an evidence file holds 1 byte to {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB",
            max_bytes=MAX_EVIDENCE_BYTES,
        )
    if files_so_far >= MAX_EVIDENCE_FILES:
        raise EvidenceLimitReached(
            f"an exchange has at most {MAX_EVIDENCE_FILES} evidence files", max_files=MAX_EVIDENCE_FILES
        )
    return EvidenceFile(
        id=evidence_id,
        exchange_id=exchange.id,
        filename=clean_filename(filename),
        media_type=media_type_of(content),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_at=at,
        uploaded_by=by,
    )
