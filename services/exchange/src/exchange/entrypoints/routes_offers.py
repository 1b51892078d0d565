"""Routes of hosting offers: publish and withdraw (the host's people), a public catalogue, and
suggested hosts for a visiting organisation."""

from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import TypeAdapter

from cloth_shared.auth.fastapi import Caller
from cloth_shared.errors import InvalidInput
from cloth_shared.http import public_response
from cloth_shared.openapi import problem_responses, public_read_responses
from cloth_shared.pagination import Offset
from exchange.domain.programme import Window
from exchange.domain.vocabulary import ActivityKind, Category
from exchange.entrypoints.dependencies import ClockDep, UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.entrypoints.schemas_common import CountryCode, LanguageCode, ValueChain
from exchange.entrypoints.schemas_offers import OfferCreate, OfferPublic, SuggestionPublic
from exchange.service_layer import offers
from exchange.service_layer.queries import OfferQuery

router = APIRouter(tags=["hosting offers"], route_class=JsonRoute)
OFFER_LIST = TypeAdapter(list[OfferPublic])
MAX_CATALOGUE_PAGE = 50
PageSize = Annotated[int, Query(ge=1, le=MAX_CATALOGUE_PAGE, description=f"At most {MAX_CATALOGUE_PAGE}.")]


def window(first: date | None, last: date | None) -> Window | None:
    if first is None and last is None:
        return None
    if first is None or last is None or last < first:
        raise InvalidInput(
            "give both ends of the period, the last on or after the first", code="invalid-period"
        )
    return Window(first, last)


@router.post(
    "/hosting-offers",
    response_model=OfferPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Publish a hosting offer for your organisation (the host's people); any category may host.",
    responses=problem_responses(401, 403, 404, 413, 422),
)
async def publish(body: OfferCreate, caller: Caller, uow: UoW, clock: ClockDep) -> OfferPublic:
    return OfferPublic.of(await offers.publish_offer(uow, caller, body.command(), clock=clock))


@router.get(
    "/hosting-offers",
    response_model=list[OfferPublic],
    summary="The catalogue, filtered; newest first in a stable order (public, cacheable).",
    responses={**public_read_responses(), **problem_responses(422)},
)
async def search(
    uow: UoW,
    request: Request,
    country: CountryCode | None = None,
    category: Category | None = None,
    value_chain: ValueChain | None = None,
    activity_kind: ActivityKind | None = None,
    language: LanguageCode | None = None,
    available_from: date | None = None,
    available_to: date | None = None,
    host_organisation_id: UUID | None = None,
    limit: PageSize = 20,
    offset: Offset = 0,
) -> Response:
    period = window(available_from, available_to)
    query = OfferQuery(
        country, category, value_chain, activity_kind, language, period, host_organisation_id, limit, offset
    )
    found = [OfferPublic.of(offer) for offer in await offers.search_offers(uow, query)]
    # Built valid here, so written once: FastAPI would validate the returned models again.
    # Revalidated on every read (max-age 0): a host who just published looks for their offer.
    return public_response(request, OFFER_LIST.dump_json(found), max_age=0)


@router.get(
    "/hosting-offers/{offer_id}",
    response_model=OfferPublic,
    summary="One published offer (public).",
    responses=problem_responses(404, 422),
)
async def get(offer_id: UUID, uow: UoW) -> OfferPublic:
    return OfferPublic.of(await offers.get_offer(uow, offer_id))


@router.delete(
    "/hosting-offers/{offer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Withdraw an offer from the catalogue (the host's people).",
    responses=problem_responses(401, 403, 404, 422),
)
async def withdraw(offer_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> Response:
    await offers.withdraw_offer(uow, caller, offer_id, clock=clock)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/organisations/{organisation_id}/suggested-hosts",
    response_model=list[SuggestionPublic],
    summary="Offers ranked for a visiting organisation, each with the parts of its score "
    "(its people, its cluster's managers, administrators).",
    responses=problem_responses(401, 403, 404, 422),
)
async def suggested_hosts(
    organisation_id: UUID,
    caller: Caller,
    uow: UoW,
    first_day: date,
    last_day: date,
    activity_kind: Annotated[list[ActivityKind] | None, Query(max_length=5)] = None,
    limit: PageSize = 20,
) -> list[SuggestionPublic]:
    period = window(first_day, last_day)
    assert period is not None
    kinds = frozenset(activity_kind or ())
    found = await offers.suggest_hosts(uow, caller, organisation_id, period, kinds, limit=limit)
    return [SuggestionPublic.of(suggestion) for suggestion in found]
