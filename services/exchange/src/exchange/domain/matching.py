"""Hosting offers, and the documented score that ranks them for a visiting organisation.

A suggestion's score is the sum of named parts, each returned with the points it earned, the
points it could earn, and a sentence, so a person sees why a host ranks where it does:

  shared value chains   25  share of the visitor's value chains the host also works in
  activity kinds        20  share of the wanted kinds of activity the offer includes (none wanted: all)
  languages             15  all when visitor and host share a language, else none
  other country         10  required: offers in the visitor's own country are not suggested at all
  distance              15  nearer hosts score higher: 15 at 0 km down to 0 at 2,500 km; unknown: 0
  free capacity         15  all when the offer is available in the wanted period with a place left

Ties are broken by offer id, so the order is stable between calls.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from cloth_shared.errors import InvalidInput
from exchange.domain.lump_sum import great_circle_km
from exchange.domain.parties import Party
from exchange.domain.programme import Window
from exchange.domain.vocabulary import MAY_VISIT, ActivityKind

FAR_KM = 2500.0


class InvalidOffer(InvalidInput):
    code = "invalid-hosting-offer"


@dataclass(frozen=True, slots=True)
class HostingOffer:
    """What a host can share, with whom, when, and how many visitors at once. Any category hosts."""

    id: UUID
    host: Party
    title: str
    topics: tuple[str, ...]
    activity_kinds: frozenset[ActivityKind]
    languages: frozenset[str]
    periods: tuple[Window, ...]
    capacity: int
    published_at: datetime
    published_by: UUID


@dataclass(frozen=True, slots=True)
class Wish:
    """What a visiting organisation is looking for."""

    visitor: Party
    period: Window
    activity_kinds: frozenset[ActivityKind] = frozenset()


@dataclass(frozen=True, slots=True)
class ScorePart:
    name: str
    points: float
    out_of: float
    why: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    offer: HostingOffer
    parts: tuple[ScorePart, ...]

    @property
    def score(self) -> float:
        return round(sum(part.points for part in self.parts), 1)


def publish_offer(
    *,
    offer_id: UUID,
    host: Party,
    title: str,
    topics: tuple[str, ...],
    activity_kinds: frozenset[ActivityKind],
    languages: frozenset[str],
    periods: tuple[Window, ...],
    capacity: int,
    at: datetime,
    by: UUID,
) -> HostingOffer:
    """A new hosting offer; every missing piece is named at once."""
    problems = [
        *(["the host is not an active member"] if not host.is_active else []),
        *(["at least one kind of activity"] if not activity_kinds else []),
        *(["at least one available period"] if not periods else []),
        *(["periods that end on or after they start"] if any(p.last < p.first for p in periods) else []),
        *(["room for at least one visitor"] if capacity < 1 else []),
    ]
    if problems:
        raise InvalidOffer("this hosting offer needs " + ", ".join(problems), problems=problems)
    return HostingOffer(offer_id, host, title, topics, activity_kinds, languages, periods, capacity, at, by)


def _share(part: str, out_of: float, wanted: frozenset[str], found: frozenset[str], what: str) -> ScorePart:
    if not wanted:
        return ScorePart(part, 0.0, out_of, f"the visitor lists no {what}")
    shared = wanted & found
    why = f"shares {len(shared)} of the visitor's {len(wanted)} {what}" + (
        f": {', '.join(sorted(shared))}" if shared else ""
    )
    return ScorePart(part, round(out_of * len(shared) / len(wanted), 1), out_of, why)


def _activity_kinds(offer: HostingOffer, wish: Wish) -> ScorePart:
    if not wish.activity_kinds:
        return ScorePart("activity_kinds", 20.0, 20.0, "any kind of activity is welcome")
    return _share(
        "activity_kinds", 20.0, wish.activity_kinds, offer.activity_kinds, "wanted kinds of activity"
    )


def _languages(offer: HostingOffer, wish: Wish) -> ScorePart:
    common = sorted(offer.languages & wish.visitor.languages)
    if common:
        return ScorePart("languages", 15.0, 15.0, f"both speak {', '.join(common)}")
    return ScorePart("languages", 0.0, 15.0, "no language in common")


def _other_country(offer: HostingOffer, wish: Wish) -> ScorePart:
    other = offer.host.country != wish.visitor.country
    return ScorePart(
        "other_country",
        10.0 if other else 0.0,
        10.0,
        f"host in {offer.host.country}, visitor in {wish.visitor.country}",
    )


def _distance(offer: HostingOffer, wish: Wish) -> ScorePart:
    here, there = wish.visitor.coordinates, offer.host.coordinates
    if here is None or there is None:
        return ScorePart("distance", 0.0, 15.0, "distance unknown: an organisation has no coordinates")
    km = float(great_circle_km(here, there))
    return ScorePart("distance", round(15.0 * max(0.0, 1 - km / FAR_KM), 1), 15.0, f"{km:.0f} km apart")


def _free_capacity(offer: HostingOffer, wish: Wish, booked: int) -> ScorePart:
    if not any(period.overlaps(wish.period) for period in offer.periods):
        return ScorePart("free_capacity", 0.0, 15.0, "not available in the wanted period")
    free = max(0, offer.capacity - booked)
    return ScorePart(
        "free_capacity", 15.0 if free else 0.0, 15.0, f"{free} of {offer.capacity} places free then"
    )


def score(offer: HostingOffer, wish: Wish, *, booked: int = 0) -> Suggestion:
    """The offer's score for this wish, part by part; `booked`: its visitors in the wanted period."""
    chains = _share(
        "shared_value_chains", 25.0, wish.visitor.value_chains, offer.host.value_chains, "value chains"
    )
    parts = (
        chains,
        _activity_kinds(offer, wish),
        _languages(offer, wish),
        _other_country(offer, wish),
        _distance(offer, wish),
        _free_capacity(offer, wish, booked),
    )
    return Suggestion(offer, parts)


def may_suggest(offer: HostingOffer, wish: Wish) -> bool:
    """Only active hosts in another country, to visitors whose category may visit."""
    return (
        offer.host.is_active
        and offer.host.country != wish.visitor.country
        and offer.host.organisation_id != wish.visitor.organisation_id
        and wish.visitor.category in MAY_VISIT
    )


def suggest(
    offers: Iterable[HostingOffer], wish: Wish, *, booked: Mapping[UUID, int], limit: int = 20
) -> list[Suggestion]:
    """The best offers for the wish, highest score first, ties in offer-id order."""
    ranked = [
        score(offer, wish, booked=booked.get(offer.id, 0)) for offer in offers if may_suggest(offer, wish)
    ]
    ranked.sort(key=lambda s: (-s.score, str(s.offer.id)))
    return ranked[:limit]
