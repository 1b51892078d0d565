"""Routes of each partner cluster's roadmap: its strategy, its labels and its plan for the next.

A cluster's managers and administrators write its strategy and label plan; administrators
record labels; anyone reads them.
"""

from uuid import UUID

from fastapi import APIRouter, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from knowledge.entrypoints.cluster_schemas import ClusterStrategyBody, ClusterStrategyPublic
from knowledge.entrypoints.dependencies import UoW
from knowledge.entrypoints.label_schemas import AwardBody, CertificationPublic, LabelPlanBody
from knowledge.service_layer import cluster_roadmap

router = APIRouter(tags=["cooperation roadmap"], route_class=JsonRoute)


@router.get(
    "/clusters/{cluster_id}/strategy",
    response_model=ClusterStrategyPublic,
    summary="A partner cluster's own strategy and its progress on the common indicators (public).",
    responses=problem_responses(404, 422),
)
async def strategy(cluster_id: UUID, uow: UoW) -> ClusterStrategyPublic:
    return ClusterStrategyPublic.of(await cluster_roadmap.cluster_strategy(uow, cluster_id))


@router.put(
    "/clusters/{cluster_id}/strategy",
    response_model=ClusterStrategyPublic,
    summary="Replace a partner cluster's strategy, aligned with the common one "
    "(the cluster's managers, administrators).",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def update_strategy(
    cluster_id: UUID, body: ClusterStrategyBody, caller: Caller, uow: UoW
) -> ClusterStrategyPublic:
    updated = await cluster_roadmap.update_cluster_strategy(uow, caller, cluster_id, body.command())
    return ClusterStrategyPublic.of(updated)


@router.get(
    "/clusters/{cluster_id}/certification",
    response_model=CertificationPublic,
    summary="A partner cluster's cluster-excellence labels and its plan for the next level (public).",
    responses=problem_responses(404, 422),
)
async def certification(cluster_id: UUID, uow: UoW) -> CertificationPublic:
    return CertificationPublic.of(await cluster_roadmap.certification(uow, cluster_id))


@router.post(
    "/clusters/{cluster_id}/labels",
    response_model=CertificationPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Record a label awarded to a partner cluster: higher than its current one, or the same "
    "renewed later (administrators).",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def award(cluster_id: UUID, body: AwardBody, caller: Caller, uow: UoW) -> CertificationPublic:
    return CertificationPublic.of(await cluster_roadmap.award_label(uow, caller, cluster_id, body.command()))


@router.put(
    "/clusters/{cluster_id}/label-plan",
    response_model=CertificationPublic,
    summary="Plan the steps to the cluster's next label level (the cluster's managers, administrators).",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def plan(cluster_id: UUID, body: LabelPlanBody, caller: Caller, uow: UoW) -> CertificationPublic:
    planned = await cluster_roadmap.plan_next_label(uow, caller, cluster_id, body.steps_planned())
    return CertificationPublic.of(planned)
