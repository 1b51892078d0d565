"""The event catalogue is served to anyone, with this deployment's topic names."""

import json
from uuid import uuid4

import jsonschema
import pytest

from cloth_shared.contracts.registry import ALL_EVENTS
from cloth_shared.testing.examples import encoded, sme_joined

pytestmark = pytest.mark.integration


async def test_anyone_reads_the_asyncapi_catalogue_with_the_deployments_topic_names(
    http, service_environment
) -> None:
    answer = await http.get("/asyncapi.json")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "public, max-age=300"
    document = answer.json()
    assert document["asyncapi"] == "3.0.0"
    prefix = service_environment["KAFKA_TOPIC_PREFIX"]
    assert document["channels"]["membership_people"]["address"] == f"{prefix}membership.people"
    assert len(document["components"]["messages"]) == len(ALL_EVENTS)
    # A record as it travels is valid against the served payload schema, and a broken one is not.
    payload = document["components"]["messages"]["SMEJoined.v1"]["payload"]
    validator = jsonschema.Draft7Validator({**payload, "components": document["components"]})
    record = json.loads(encoded(sme_joined("Atelier Sofia", uuid4())))
    validator.validate(record)
    del record["payload"]["organisation"]["legal_name"]
    assert not validator.is_valid(record)


async def test_the_webhook_api_documents_its_statuses_and_examples(http) -> None:
    paths = (await http.get("/openapi.json")).json()["paths"]
    create = paths["/webhooks/subscriptions"]["post"]
    assert {"201", "401", "403", "422"} <= set(create["responses"])
    assert set(paths["/webhooks/deliveries/{delivery_id}/replay"]["post"]["responses"]) >= {
        "202",
        "401",
        "404",
        "409",
    }
    schemas = (await http.get("/openapi.json")).json()["components"]["schemas"]
    assert schemas["SubscriptionCreated"]["examples"][0]["secret"].startswith("whsec_")
    assert schemas["SubscriptionCreate"]["examples"]
