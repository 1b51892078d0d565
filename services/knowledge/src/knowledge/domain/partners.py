"""The five partner clusters of the alliance and their home regions.

Knowledge does not read membership's tables, and no membership event announces a cluster:
membership seeds the five clusters, with fixed ids, in its migration 0002, and those ids reach
every other service in `OrganisationSnapshot.cluster_id` and in each cluster manager's token.
The partnership itself is fixed by the alliance's agreement for the project's life, so knowledge
keeps it as configuration in code: these ids, each with the NUTS 2 region the cluster represents
on the industry map. A unit test checks the ids against membership's seed, so they cannot drift.
"""

from dataclasses import dataclass
from uuid import UUID

from cloth_shared.errors import NotFound


@dataclass(frozen=True, slots=True)
class PartnerCluster:
    cluster_id: UUID
    short_name: str
    name: str
    country: str
    region_code: str  # NUTS 2021, level 2
    region_name: str


PARTNERS: tuple[PartnerCluster, ...] = (
    PartnerCluster(
        UUID("0b1c0000-0000-4000-8000-000000000001"),
        "Modacc",
        "Modacc - Catalan textile and fashion cluster",
        "ES",
        "ES51",
        "Catalonia",
    ),
    PartnerCluster(
        UUID("0b1c0000-0000-4000-8000-000000000002"),
        "BFA",
        "Bulgarian Fashion Association",
        "BG",
        "BG32",
        "North Central (Severen tsentralen)",
    ),
    PartnerCluster(
        UUID("0b1c0000-0000-4000-8000-000000000003"),
        "EA",
        "EA Eco-entreprises",
        "FR",
        "FRL0",
        "Provence-Alpes-Côte d'Azur",
    ),
    PartnerCluster(
        UUID("0b1c0000-0000-4000-8000-000000000004"),
        "ICONIC",
        "ICONIC cluster",
        "RO",
        "RO21",
        "North-East (Nord-Est)",
    ),
    PartnerCluster(
        UUID("0b1c0000-0000-4000-8000-000000000005"),
        "LDC",
        "Lifestyle & Design Cluster",
        "DK",
        "DK04",
        "Central Denmark (Midtjylland)",
    ),
)

PARTNER_IDS: frozenset[UUID] = frozenset(p.cluster_id for p in PARTNERS)
_BY_ID = {p.cluster_id: p for p in PARTNERS}
_BY_REGION = {p.region_code: p for p in PARTNERS}


def partner(cluster_id: UUID) -> PartnerCluster:
    found = _BY_ID.get(cluster_id)
    if found is None:
        raise NotFound("not one of the five partner clusters", code="partner-cluster-not-found")
    return found


def partner_for_region(region_code: str) -> PartnerCluster:
    found = _BY_REGION.get(region_code)
    if found is None:
        raise NotFound("not one of the five partner regions", code="partner-region-not-found")
    return found
