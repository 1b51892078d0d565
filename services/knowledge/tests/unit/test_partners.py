"""Knowledge's five partner clusters are the five membership seeds, by id (no drift)."""

from pathlib import Path

import pytest

from cloth_shared.errors import NotFound
from knowledge.domain.partners import PARTNERS, partner_for_region

MEMBERSHIP_SEED = (
    Path(__file__).resolve().parents[3] / "membership/migrations/versions/0002_clusters_and_organisations.py"
)


def test_each_partner_cluster_is_seeded_by_membership_with_the_same_id_and_short_name() -> None:
    seed = MEMBERSHIP_SEED.read_text()
    for cluster in PARTNERS:
        assert f"('{cluster.cluster_id}', '" in seed
        line = seed[seed.index(str(cluster.cluster_id)) :].splitlines()[0]
        assert f"'{cluster.short_name}'" in line


def test_there_are_five_partners_in_five_countries_with_their_own_region() -> None:
    assert len({p.country for p in PARTNERS}) == len({p.region_code for p in PARTNERS}) == 5
    assert partner_for_region("ES51").short_name == "Modacc"
    with pytest.raises(NotFound):
        partner_for_region("ES30")
