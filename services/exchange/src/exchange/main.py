"""The exchange ASGI app: `uvicorn exchange.main:app`."""

from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from exchange.bootstrap import DEFINITION
from exchange.config import ExchangeSettings

app = create_app(DEFINITION, lambda: load_settings(ExchangeSettings))
