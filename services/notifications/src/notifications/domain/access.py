"""Who may read which in-app inbox."""

from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAllowed


def check_may_read_inbox(caller: Principal, organisation_id: UUID) -> None:
    """An organisation's own people read its inbox; platform administrators read any."""
    if not (caller.belongs_to(organisation_id) or caller.is_admin):
        raise NotAllowed(
            "only the organisation's own people may read its notifications", code="not-your-organisation"
        )


def check_has_inbox(caller: Principal) -> None:
    """Every person has their own inbox and sees only it; a partner client has none."""
    if caller.is_client:
        raise NotAllowed("partner clients have no inbox: subscribe to events instead", code="no-inbox")
