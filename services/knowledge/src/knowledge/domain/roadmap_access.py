"""Who may write regional analyses and the cooperation roadmap: pure checks on the caller."""

from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed
from knowledge.domain.partners import PARTNER_IDS, PartnerCluster


def _require(allowed: bool, action: str) -> None:
    if not allowed:
        raise NotAllowed(f"you may not {action}", code="forbidden")


def partner_manager_cluster(caller: Principal) -> UUID | None:
    """The partner cluster the caller manages, if any."""
    if Role.CLUSTER_MANAGER in caller.roles and caller.cluster_id in PARTNER_IDS:
        return caller.cluster_id
    return None


def write_analysis(caller: Principal, region: PartnerCluster) -> None:
    allowed = caller.is_admin or caller.manages_cluster(region.cluster_id)
    _require(allowed, "write this region's analysis: its cluster's managers and administrators do")


def speak_for_partner(caller: Principal) -> UUID:
    """Drafting, approving and commenting the common strategy: a partner cluster's manager."""
    cluster_id = partner_manager_cluster(caller)
    if cluster_id is None:
        raise NotAllowed(
            "only a manager of one of the five partner clusters may do this", code="not-a-partner-manager"
        )
    return cluster_id


def read_strategy_drafts(caller: Principal) -> None:
    _require(caller.is_admin or partner_manager_cluster(caller) is not None, "read strategy drafts")


def plan_for_cluster(caller: Principal, cluster_id: UUID) -> None:
    """A cluster's own strategy and label plan: its managers and administrators."""
    _require(caller.is_admin or caller.manages_cluster(cluster_id), "change this cluster's plans")


def award_labels(caller: Principal) -> None:
    _require(caller.is_admin, "award cluster-excellence labels: administrators do")
