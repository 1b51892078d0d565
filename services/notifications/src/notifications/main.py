"""The notifications ASGI app: `uvicorn notifications.main:app`."""

from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from notifications.bootstrap import DEFINITION
from notifications.config import NotificationsSettings

app = create_app(DEFINITION, lambda: load_settings(NotificationsSettings))
