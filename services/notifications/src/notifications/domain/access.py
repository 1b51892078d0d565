"""Who has an in-app inbox: every person their own."""

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAllowed


def check_has_inbox(caller: Principal) -> None:
    """Every person has their own inbox and sees only it; a partner client has none."""
    if caller.is_client:
        raise NotAllowed("partner clients have no inbox: subscribe to events instead", code="no-inbox")
