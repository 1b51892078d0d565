"""The membership ASGI app: `uvicorn membership.main:app`."""

from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from membership.bootstrap import DEFINITION
from membership.config import MembershipSettings

app = create_app(DEFINITION, lambda: load_settings(MembershipSettings))
