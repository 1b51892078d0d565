"""Membership HTTP API: thin routes that parse, call one use case, and shape the answer.

Routes live in one module per area; `routers` lists them for the service definition, whose app
holds their routes as its own (cloth_shared.service.add_routes).
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

routers: list[APIRouter] = [
    area.router for area in (accounts, organisations, people, directory, email_verification, client_routes)
]
