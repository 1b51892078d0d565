"""Training HTTP API: attendance, certificates, and their public verification."""

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.service import Infrastructure, infrastructure
from knowledge.adapters.certificates import render_certificate, verification_url
from knowledge.config import KnowledgeSettings
from knowledge.entrypoints.dependencies import UoW
from knowledge.entrypoints.training_schemas import AttendanceBody, RevocationBody
from knowledge.entrypoints.training_views import (
    AttendancePublic,
    CertificatePublic,
    EnrolmentPublic,
    VerificationPublic,
)
from knowledge.service_layer.training import certificates
from knowledge.service_layer.training.certificates import RecordAttendance

router = APIRouter(tags=["training"], route_class=JsonRoute)

VerificationCode = Annotated[
    str, Path(pattern=r"^[A-Za-z2-7]{26}$", description="As printed on the certificate; any letter case.")
]


@router.put(
    "/training/enrolments/{enrolment_id}/attendance",
    response_model=AttendancePublic,
    summary="Record attendance and assessment (the session's trainer, the course's cluster managers).",
    description="Meeting the course's completion rule completes it and issues the certificate, once.",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def record_attendance(
    enrolment_id: UUID, body: AttendanceBody, caller: Caller, uow: UoW
) -> AttendancePublic:
    command = RecordAttendance(enrolment_id, frozenset(body.attended), body.assessment_passed)
    recorded = await certificates.record(uow, caller, command)
    issued = recorded.certificate
    return AttendancePublic(
        enrolment=EnrolmentPublic.of(recorded.enrolment),
        certificate_id=None if issued is None else issued.certificate_id,
    )


@router.get(
    "/training/certificates/mine",
    response_model=list[CertificatePublic],
    summary="The caller's certificates, newest first (signed in).",
    responses=problem_responses(401),
)
async def my_certificates(caller: Caller, uow: UoW) -> list[CertificatePublic]:
    return [CertificatePublic.of(c) for c in await certificates.my_certificates(uow, caller)]


@router.get(
    "/training/certificates/{certificate_id}/pdf",
    response_class=Response,
    summary="Download one's certificate as a PDF with its verification QR code (the holder).",
    responses={
        200: {"content": {"application/pdf": {}}, "description": "The certificate."},
        **problem_responses(401, 404, 422),
    },
)
async def certificate_pdf(
    certificate_id: UUID,
    caller: Caller,
    uow: UoW,
    infra: Annotated[Infrastructure, Depends(infrastructure)],
) -> Response:
    certificate = await certificates.holders_certificate(uow, caller, certificate_id)
    settings = cast(KnowledgeSettings, infra.settings)
    verify_at = verification_url(settings.public_base_url, certificate.verification_code)
    return Response(
        render_certificate(certificate, verify_at=verify_at),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="certificate-{certificate_id}.pdf"'},
    )


@router.post(
    "/training/certificates/{certificate_id}/revocation",
    response_model=CertificatePublic,
    summary="Revoke a certificate (administrators, the course's cluster managers).",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def revoke_certificate(
    certificate_id: UUID, body: RevocationBody, caller: Caller, uow: UoW
) -> CertificatePublic:
    return CertificatePublic.of(await certificates.revoke(uow, caller, certificate_id, reason=body.reason))


@router.get(
    "/certificates/verify/{code}",
    response_model=VerificationPublic,
    tags=["certificates"],
    summary="Verify a certificate by the code printed on it (public, no sign-in).",
    description="Answers valid or revoked, the course, the completion date and the holder's name; "
    'nothing else. After the holder asked to be forgotten: "data erased on request".',
    responses=problem_responses(404, 422),
)
async def verify(code: VerificationCode, uow: UoW) -> VerificationPublic:
    return VerificationPublic.of(await certificates.verify(uow, code.upper()))
