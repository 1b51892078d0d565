"""Exchange HTTP API. The programme's endpoints arrive with the exchange issue."""

from fastapi import APIRouter

router = APIRouter()
