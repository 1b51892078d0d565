"""Read by id and PATCH through membership's own app and use cases, with FastAPI's routing and
dependency injection taken out of those routes: what the framework layer costs, measured.

    CLOTH_APP=bench.lean_routes_app:app deploy/local/services.sh serve membership <port>

The app is built as membership's is (same definition and settings: pool, middleware, exception
handlers, lifespan), a copy of its own, so `membership.main.app` is left as it is; plain
Starlette routes for GET and PATCH /organisations/{id} go first in its router and do what the
FastAPI routes do, called directly: the bearer token verified by the service's own verifier
(`authenticated`), the body validated by the same model, the same use case on the same unit of
work, the same JSON. A measurement only: the service does not serve them (the house style routes
through FastAPI, which declares and documents every answer; these skip its body limits and
turn a malformed body into a 500).
"""

from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cloth_shared.auth.fastapi import authenticated
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.http import model_response
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from membership.adapters.unit_of_work import PostgresMembershipUnitOfWork
from membership.bootstrap import DEFINITION
from membership.config import MembershipSettings
from membership.entrypoints.organisations import public
from membership.entrypoints.schemas import OrganisationUpdate
from membership.service_layer import applications, profiles
from membership.service_layer.callers import TokenHolder


async def organisation(request: Request) -> Response:
    infra: Infrastructure = request.app.state.infrastructure
    holder = TokenHolder(await authenticated(request, infra.component(TokenVerifier)))
    organisation_id: UUID = request.path_params["organisation_id"]
    uow = PostgresMembershipUnitOfWork(infra.pool, infra.outbox)
    if request.method == "PATCH":
        body = OrganisationUpdate.model_validate_json(await request.body())
        command = profiles.UpdateProfile(organisation_id, body.changes())
        return model_response(public(await profiles.update_profile(uow, holder, command)))
    return model_response(public(await applications.get_organisation(uow, organisation_id, holder)))


app = create_app(DEFINITION, lambda: load_settings(MembershipSettings))
app.router.routes.insert(
    0, Route("/organisations/{organisation_id:uuid}", organisation, methods=["GET", "PATCH"])
)
