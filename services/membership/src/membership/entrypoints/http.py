"""Membership HTTP API: thin routes that parse, call one use case, and shape the answer.

Routes live in one module per area; this router gathers them for the service definition.
"""

from fastapi import APIRouter

from membership.entrypoints import (
    accounts,
    client_routes,
    directory,
    email_verification,
    organisations,
    people,
)

router = APIRouter()
for area in (accounts, organisations, people, directory, email_verification, client_routes):
    router.include_router(area.router)
