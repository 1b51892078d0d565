"""Exchange HTTP API: thin routes that parse, call one use case, and shape the answer.

Routes live in one module per area; `routers` lists them for the service definition, whose app
holds their routes as its own (cloth_shared.service.add_routes).
"""

from fastapi import APIRouter

from exchange.entrypoints import (
    routes_closing,
    routes_evidence,
    routes_exchanges,
    routes_exports,
    routes_missions,
    routes_offers,
    routes_people,
    routes_programmes,
    routes_steps,
)

routers: list[APIRouter] = [
    area.router
    for area in (
        routes_programmes,
        routes_exchanges,
        routes_steps,
        routes_closing,
        routes_evidence,
        routes_offers,
        routes_missions,
        routes_exports,
        routes_people,
    )
]
