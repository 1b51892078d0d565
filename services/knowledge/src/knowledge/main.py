"""The knowledge ASGI app: `uvicorn knowledge.main:app`."""

from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from knowledge.bootstrap import DEFINITION
from knowledge.config import KnowledgeSettings

app = create_app(DEFINITION, lambda: load_settings(KnowledgeSettings))
