"""Use cases of hosting offers: publish, withdraw, search the catalogue, suggest hosts."""

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.contracts import exchange as contract
from cloth_shared.errors import NotFound
from exchange.domain import access, matching
from exchange.domain.matching import HostingOffer, Suggestion, Wish
from exchange.domain.programme import Window
from exchange.domain.vocabulary import MAY_VISIT, ActivityKind
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.queries import OfferQuery
from exchange.service_layer.requests import known_organisation


@dataclass(frozen=True, slots=True)
class PublishOffer:
    host_organisation_id: UUID
    title: str
    topics: tuple[str, ...]
    activity_kinds: frozenset[ActivityKind]
    languages: frozenset[str]
    periods: tuple[Window, ...]
    capacity: int


async def publish_offer(
    uow: ExchangeUnitOfWork, caller: Principal, command: PublishOffer, *, clock: Clock
) -> HostingOffer:
    """The host's people publish what they can share, when, and for how many (HostingOfferPublished)."""
    access.publish_offer(caller, command.host_organisation_id)
    async with uow:
        offer = matching.publish_offer(
            offer_id=uuid4(),
            host=await known_organisation(uow, command.host_organisation_id),
            title=command.title,
            topics=command.topics,
            activity_kinds=command.activity_kinds,
            languages=command.languages,
            periods=command.periods,
            capacity=command.capacity,
            at=clock.now(),
            by=caller.subject,
        )
        await uow.offers.add(offer)
        uow.emit(offer_published(offer))
        await uow.commit()
    return offer


def offer_published(offer: HostingOffer) -> contract.HostingOfferPublished:
    host = offer.host
    return contract.HostingOfferPublished(
        offer=contract.HostingOffer(
            offer_id=offer.id,
            host_organisation_id=host.organisation_id,
            host_category=host.category.value,
            host_country=host.country,
            host_cluster_id=host.cluster_id,
            title=offer.title,
            topics=offer.topics,
            activity_kinds=tuple(sorted(kind.value for kind in offer.activity_kinds)),
            languages=tuple(sorted(offer.languages)),
            capacity=offer.capacity,
        ),
        published_by=offer.published_by,
        published_at=offer.published_at,
    )


async def _published(uow: ExchangeUnitOfWork, offer_id: UUID) -> HostingOffer:
    offer = await uow.offers.get(offer_id)
    if offer is None:
        raise NotFound("no such hosting offer", code="hosting-offer-not-found")
    return offer


async def withdraw_offer(uow: ExchangeUnitOfWork, caller: Principal, offer_id: UUID, *, clock: Clock) -> None:
    """The host's people take an offer out of the catalogue; exchanges made through it go on."""
    async with uow:
        offer = await _published(uow, offer_id)
        access.publish_offer(caller, offer.host.organisation_id)
        await uow.offers.withdraw(offer_id, at=clock.now())
        await uow.commit()


async def get_offer(uow: ExchangeUnitOfWork, offer_id: UUID) -> HostingOffer:
    async with uow.reading():
        return await _published(uow, offer_id)


async def search_offers(uow: ExchangeUnitOfWork, query: OfferQuery) -> Sequence[HostingOffer]:
    """The catalogue, filtered; newest first in a stable order. Public: one plain read, no
    transaction."""
    async with uow.reading():
        return await uow.offers.search(query)


async def suggest_hosts(
    uow: ExchangeUnitOfWork,
    caller: Principal,
    visitor_id: UUID,
    period: Window,
    activity_kinds: frozenset[ActivityKind] = frozenset(),
    *,
    limit: int = 20,
) -> list[Suggestion]:
    """Offers ranked for a visiting organisation, each with the parts of its score."""
    async with uow:
        visitor = await known_organisation(uow, visitor_id)
        access.suggestions_for(caller, visitor)
        wish = Wish(visitor, period, activity_kinds)
        if visitor.category not in MAY_VISIT:
            return []
        # Ranked in SQL; only the few that may make the list are scored (and explained) here.
        found = await uow.offers.suggestion_candidates(wish, limit=limit)
    booked = {offer.id: count for offer, count in found}
    return matching.suggest([offer for offer, _ in found], wish, booked=booked, limit=limit)
