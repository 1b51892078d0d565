"""Audiences read ids from a payload and become directory queries."""

from uuid import uuid4

from notifications.domain.audiences import (
    HomeClusterManagers,
    NamedPerson,
    OrganisationPeople,
    organisation_ids_in,
    value_at,
)
from notifications.domain.email_context import title_of
from notifications.domain.recipients import CLUSTER_MANAGER, RecipientQuery


def test_the_managers_of_an_organisations_home_cluster_come_from_the_organisations_read_model() -> None:
    organisation_id, cluster_id = uuid4(), uuid4()
    payload = {"organisation_id": str(organisation_id)}
    audience = HomeClusterManagers("organisation_id")

    assert audience.queries(payload, {organisation_id: cluster_id}) == [
        RecipientQuery(cluster_id=cluster_id, roles=frozenset({CLUSTER_MANAGER}))
    ]
    assert audience.queries(payload, {}) == []  # an organisation not known (yet): nobody


def test_a_missing_or_empty_field_names_nobody() -> None:
    assert OrganisationPeople("exchange.host_organisation_id").queries({"exchange": {}}, {}) == []
    assert NamedPerson("holder_id").queries({"holder_id": None}, {}) == []
    assert value_at({"a": "text"}, "a.b") is None


def test_every_organisation_a_payload_names_is_found_at_any_depth() -> None:
    visitor, host = uuid4(), uuid4()
    payload = {"exchange": {"visitor_organisation_id": str(visitor), "host_organisation_id": str(host)}}
    assert organisation_ids_in(payload) == {visitor, host}


def test_a_title_is_the_event_type_in_words() -> None:
    assert title_of("ExchangeReportSentBack") == "Exchange report sent back"
    assert title_of("SMEJoined") == "SME joined"
