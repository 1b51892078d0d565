import csv
import io

from membership.domain.organisations import Category, Status
from membership.service_layer import directory
from membership.service_layer.repositories import DirectoryFilter

from .builders import a_cluster, an_organisation
from .fakes import FakeDirectory, FakeMembershipUnitOfWork


def a_directory() -> FakeDirectory:
    uow = FakeMembershipUnitOfWork()  # only to build organisations with
    cluster = a_cluster(uow)
    an_organisation(
        uow, cluster, status=Status.ACTIVE, legal_name="Bruna Knits", latitude=41.5, longitude=2.1
    )
    an_organisation(uow, cluster, status=Status.ACTIVE, legal_name="=HYPERLINK(evil)", country="BE")
    an_organisation(
        uow, cluster, status=Status.ACTIVE, legal_name="Agència Moda", category=Category.PUBLIC_BODY
    )
    an_organisation(uow, cluster, status=Status.PENDING, legal_name="Pending Yarns")
    an_organisation(uow, cluster, status=Status.SUSPENDED, legal_name="Suspended Dyes")
    return FakeDirectory(list(uow.database.organisations.values()))


async def test_the_directory_lists_active_organisations_by_name_with_the_total() -> None:
    page = await directory.search(a_directory(), DirectoryFilter(), limit=2, offset=0)

    assert [entry["legal_name"] for entry in page.items] == ["=HYPERLINK(evil)", "Agència Moda"]
    assert page.total == 3


async def test_the_next_page_starts_after_the_last_one_and_the_last_page_says_so() -> None:
    listed = a_directory()
    first = await directory.search(listed, DirectoryFilter(), limit=2)
    assert first.next is not None

    second = await directory.search(listed, DirectoryFilter(), limit=2, after=first.next)

    assert [entry["legal_name"] for entry in second.items] == ["Bruna Knits"]
    assert (second.total, second.next) == (3, None)


async def test_the_platform_figures_count_active_participants_against_the_target() -> None:
    figures = await directory.figures(a_directory())

    assert figures["active_participants"] == 3
    assert (figures["target"], figures["progress"]) == (50, 0.06)
    assert figures["by_category"] == {"sme": 2, "public_body": 1}
    assert figures["by_country"] == {"ES": 2, "BE": 1}


async def test_the_map_shows_only_active_organisations_with_coordinates() -> None:
    collection = await directory.geojson(a_directory(), DirectoryFilter())

    [feature] = collection["features"]
    assert feature["properties"]["legal_name"] == "Bruna Knits"
    assert feature["geometry"]["coordinates"] == [2.1, 41.5]


async def test_the_csv_export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas() -> None:
    exported = await directory.csv_export(a_directory(), DirectoryFilter(country="BE"))

    header, row = list(csv.reader(io.StringIO(exported)))
    assert header[:2] == ["id", "legal_name"]
    assert row[1] == "'=HYPERLINK(evil)"
