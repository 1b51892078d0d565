"""An offer as the public catalogue shows it: plain values by name, its host's public fields
beside its own, lists in a stable order.

The catalogue page is read straight into these values (adapters/offer_queries.CATALOGUE_PAGE
selects the same names), so a page of offers is written as JSON without building an offer and
a response model per entry; `OfferPublic` validates the same values for single offers.
"""

from typing import Any

from exchange.domain.matching import HostingOffer

CatalogueEntry = dict[str, Any]


def catalogue_values(offer: HostingOffer) -> CatalogueEntry:
    host = offer.host
    return {
        "id": offer.id,
        "host_organisation_id": host.organisation_id,
        "host_name": host.legal_name,
        "host_category": str(host.category),
        "host_country": host.country,
        "host_region": host.region,
        "host_cluster_id": host.cluster_id,
        "host_value_chains": sorted(host.value_chains),
        "title": offer.title,
        "topics": list(offer.topics),
        "activity_kinds": sorted(str(kind) for kind in offer.activity_kinds),
        "languages": sorted(offer.languages),
        "periods": [{"first": p.first, "last": p.last} for p in offer.periods],
        "capacity": offer.capacity,
        "published_at": offer.published_at,
    }
