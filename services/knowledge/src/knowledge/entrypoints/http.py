"""Knowledge HTTP API. The library and training endpoints arrive with the knowledge issue."""

from fastapi import APIRouter

router = APIRouter()
