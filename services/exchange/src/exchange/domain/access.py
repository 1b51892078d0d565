"""Who may do what to an exchange, a programme, an offer or a mission, over the caller's Principal.

The parties are the people of the visiting and the host organisation; each has a home cluster
whose managers sign for it; the visitor's cluster runs the money side (approve, review, pay),
with administrators able to stand in. Partner clients act on nothing here.
"""

from dataclasses import dataclass
from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed
from exchange.domain.exchanges import Exchange
from exchange.domain.parties import Party
from exchange.domain.records import Signatory


class Forbidden(NotAllowed):
    code = "forbidden"


def _require(allowed: bool, action: str) -> None:
    if not allowed:
        raise Forbidden(f"you may not {action}")


def _visitor_cluster_or_admin(caller: Principal, exchange: Exchange) -> bool:
    return caller.is_admin or caller.manages_cluster(exchange.visitor.cluster_id)


def manage_programmes(caller: Principal) -> None:
    """Create, configure and close programmes."""
    _require(caller.is_admin, "manage programmes")


def request_exchange(caller: Principal, visitor_organisation_id: UUID) -> None:
    _require(caller.belongs_to(visitor_organisation_id), "request an exchange for this organisation")


def answer_request(caller: Principal, exchange: Exchange) -> None:
    """Accept or decline: the host's people."""
    _require(caller.belongs_to(exchange.host.organisation_id), "answer this request")


def cancel(caller: Principal, exchange: Exchange) -> None:
    is_party = caller.belongs_to(exchange.visitor.organisation_id) or caller.belongs_to(
        exchange.host.organisation_id
    )
    _require(is_party, "cancel this exchange")


def amend_commitment(caller: Principal, exchange: Exchange) -> None:
    """Write or change the commitment to quality: the people of either organisation."""
    is_party = caller.belongs_to(exchange.visitor.organisation_id) or caller.belongs_to(
        exchange.host.organisation_id
    )
    _require(is_party, "change this commitment")


def signatories(caller: Principal, exchange: Exchange) -> frozenset[Signatory]:
    """Whom the caller may sign the commitment for (a manager of both home clusters signs twice)."""
    may = {
        Signatory.VISITOR: caller.belongs_to(exchange.visitor.organisation_id),
        Signatory.HOST: caller.belongs_to(exchange.host.organisation_id),
        Signatory.VISITOR_CLUSTER: caller.manages_cluster(exchange.visitor.cluster_id),
        Signatory.HOST_CLUSTER: caller.manages_cluster(exchange.host.cluster_id),
    }
    return frozenset(signatory for signatory, allowed in may.items() if allowed)


def sign(caller: Principal, exchange: Exchange, signatory: Signatory) -> None:
    _require(signatory in signatories(caller, exchange), f"sign this commitment for the {signatory}")


def approve(caller: Principal, exchange: Exchange) -> None:
    _require(_visitor_cluster_or_admin(caller, exchange), "approve this exchange")


def submit_report(caller: Principal, exchange: Exchange) -> None:
    _require(caller.belongs_to(exchange.visitor.organisation_id), "submit this exchange's report")


def give_feedback(caller: Principal, exchange: Exchange) -> None:
    _require(caller.belongs_to(exchange.host.organisation_id), "give the host's feedback")


def review_report(caller: Principal, exchange: Exchange) -> None:
    """Validate the report or send it back."""
    _require(_visitor_cluster_or_admin(caller, exchange), "review this report")


def record_payment(caller: Principal, exchange: Exchange) -> None:
    _require(_visitor_cluster_or_admin(caller, exchange), "record this payment")


def enter_distance(caller: Principal, exchange: Exchange) -> None:
    _require(_visitor_cluster_or_admin(caller, exchange), "enter this exchange's distance")


def _party_or_manager(caller: Principal, exchange: Exchange) -> bool:
    return (
        caller.belongs_to(exchange.visitor.organisation_id)
        or caller.belongs_to(exchange.host.organisation_id)
        or caller.manages_cluster(exchange.visitor.cluster_id)
        or caller.manages_cluster(exchange.host.cluster_id)
    )


def start(caller: Principal, exchange: Exchange) -> None:
    """Mark it started on its first day (the programme's clock does it too)."""
    _require(caller.is_admin or _party_or_manager(caller, exchange), "start this exchange")


def download_evidence(caller: Principal, exchange: Exchange) -> None:
    """Evidence files: the parties and their clusters' managers only."""
    _require(_party_or_manager(caller, exchange), "download this exchange's evidence")


def suggestions_for(caller: Principal, visitor: Party) -> None:
    """Hosts suggested to a visiting organisation: its people, its cluster's managers, admins."""
    allowed = (
        caller.is_admin
        or caller.belongs_to(visitor.organisation_id)
        or caller.manages_cluster(visitor.cluster_id)
    )
    _require(allowed, "see suggestions for this organisation")


def view_exchange(caller: Principal, exchange: Exchange) -> None:
    """The exchange, its history and its evidence: the parties, their clusters' managers, admins."""
    _require(caller.is_admin or _party_or_manager(caller, exchange), "see this exchange")


def publish_offer(caller: Principal, host_organisation_id: UUID) -> None:
    """Publish or withdraw hosting offers, and host group missions: the host's people."""
    _require(caller.belongs_to(host_organisation_id), "offer hosting for this organisation")


def export_exchanges(caller: Principal) -> None:
    """The programme's exchanges as CSV for EU reporting."""
    _require(caller.is_admin or Role.CLUSTER_MANAGER in caller.roles, "export the programme's exchanges")


@dataclass(frozen=True, slots=True)
class Visibility:
    """Which exchanges a caller may list: None means no restriction on that side."""

    party: UUID | None = None
    cluster: UUID | None = None


def exchanges_visible_to(caller: Principal) -> Visibility:
    """Administrators see all; a manager, the exchanges of either side in their cluster; people,
    their organisation's."""
    if caller.is_admin:
        return Visibility()
    if Role.CLUSTER_MANAGER in caller.roles and caller.cluster_id is not None:
        return Visibility(cluster=caller.cluster_id)
    if caller.organisation_id is not None and caller.belongs_to(caller.organisation_id):
        return Visibility(party=caller.organisation_id)
    raise Forbidden("you may not list exchanges")
