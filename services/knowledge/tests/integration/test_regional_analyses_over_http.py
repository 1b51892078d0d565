"""Regional analyses over HTTP: a region's cluster writes a year, the map reads each latest year."""

import pytest

from .roadmap_service import ANALYSIS, CLUSTER_IDS, RoadmapApi, api

pytestmark = pytest.mark.integration
__all__ = ["api"]


async def test_a_year_is_written_then_revised_and_the_map_shows_each_regions_latest_year(
    api: RoadmapApi,
) -> None:
    first = await api.call("PUT", "/regional-analyses/ES51/2024", "Modacc", ANALYSIS)
    assert (first.status_code, first.json()["revision"]) == (201, 1), first.text
    assert (await api.call("PUT", "/regional-analyses/ES51/2025", "Modacc", ANALYSIS)).status_code == 201
    revised = await api.call(
        "PUT", "/regional-analyses/ES51/2025", "admin", ANALYSIS | {"trends": "Revised."}
    )
    assert (revised.status_code, revised.json()["revision"]) == (200, 2)
    await api.call("PUT", "/regional-analyses/BG32/2023", "BFA", ANALYSIS)

    layer = (await api.call("GET", "/regional-analyses", "anonymous")).json()
    assert [(r["region_code"], r["year"]) for r in layer] == [("BG32", 2023), ("ES51", 2025)]
    catalonia = layer[1]
    assert (catalonia["region_name"], catalonia["cluster_id"]) == ("Catalonia", CLUSTER_IDS["Modacc"])
    assert catalonia["indicators"]["fashion_textile_companies"] == {
        "value": 4150.0,
        "unit": "companies",
        "source": {"title": "Idescat business directory 2025", "url": "https://www.idescat.cat/"},
    }
    history = (await api.call("GET", "/regional-analyses/ES51", "anonymous")).json()
    assert [(h["year"], h["trends"]) for h in history] == [(2025, "Revised."), (2024, ANALYSIS["trends"])]

    events = await api.events(at_least=4)
    assert [(e["event_type"], e["key"], e["payload"]["revision"]) for e in events if e["key"] == "ES51"] == [
        ("RegionalAnalysisPublished", "ES51", 1),
        ("RegionalAnalysisPublished", "ES51", 1),
        ("RegionalAnalysisPublished", "ES51", 2),
    ]


def exports(value: object = 8.9, url: str = "https://x.example") -> dict[str, object]:
    return {"exports": {"value": value, "unit": "EUR billion", "source": {"title": "ICEX", "url": url}}}


@pytest.mark.parametrize(
    ("path", "change"),
    [
        ("/regional-analyses/ES51/2024", {"trends": "Hidden\u202etext"}),
        ("/regional-analyses/ES51/2024", {"indicators": {"Exports": exports()["exports"]}}),
        ("/regional-analyses/ES51/2024", {"indicators": exports(value="8.9")}),
        ("/regional-analyses/ES51/2024", {"indicators": exports(value=True)}),
        ("/regional-analyses/ES51/2024", {"indicators": exports(url="javascript:alert(1)")}),
        ("/regional-analyses/ES51/2999", {}),
        ("/regional-analyses/es51/2024", {}),
    ],
)
async def test_malformed_analyses_are_a_422(api: RoadmapApi, path: str, change: dict[str, object]) -> None:
    answer = await api.call("PUT", path, "admin", ANALYSIS | change)
    assert (answer.status_code, answer.json()["code"]) == (422, "validation-failed"), answer.text


async def test_a_future_year_or_a_region_outside_the_partnership_is_refused(api: RoadmapApi) -> None:
    future = await api.call("PUT", "/regional-analyses/ES51/2099", "admin", ANALYSIS)
    assert (future.status_code, future.json()["code"]) == (422, "invalid-year")
    outside = await api.call("PUT", "/regional-analyses/ES30/2024", "admin", ANALYSIS)
    assert (outside.status_code, outside.json()["code"]) == (404, "partner-region-not-found")
    assert (await api.call("GET", "/regional-analyses/ES30", "anonymous")).status_code == 404
