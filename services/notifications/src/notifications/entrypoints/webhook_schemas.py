"""Request and response schemas of the partner webhook API, with the examples OpenAPI shows."""

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from cloth_shared.inputs import Email, SingleLine

TargetUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    SingleLine,
    Field(description="Where deliveries are POSTed: HTTPS, on a public address."),
]
EventTypeName = Annotated[str, StringConstraints(min_length=1, max_length=100), SingleLine]

SUBSCRIPTION_ID = "5b0c8f5e-3f7e-4d3c-9a55-2f1f0b7c1a10"
CLIENT_ID = "0d6f3c1e-8a4b-4c55-9d0e-7b3a2c1f9e88"
SUBSCRIPTION = {
    "id": SUBSCRIPTION_ID,
    "client_id": CLIENT_ID,
    "target_url": "https://crm.modacc.example/cloth/webhooks",
    "event_types": ["ExchangeCompleted", "SMEJoined"],
    "contact_email": "it@modacc.example",
    "status": "active",
    "created_at": "2026-11-30T09:00:00Z",
    "disabled_at": None,
    "disabled_reason": None,
}
DELIVERY = {
    "id": "9e4d2b7a-1c3f-4e5a-8b6c-0d1e2f3a4b5c",
    "subscription_id": SUBSCRIPTION_ID,
    "event_id": "3f2e1d0c-9b8a-4765-a432-10fedcba9876",
    "event_type": "SMEJoined",
    "status": "pending",
    "attempts": 2,
    "next_attempt_at": "2026-11-30T09:35:00Z",
    "created_at": "2026-11-30T09:00:00Z",
    "last_response_code": 503,
    "finished_at": None,
}


def _examples(*examples: dict[str, Any], strict: bool = False) -> ConfigDict:
    config = ConfigDict(json_schema_extra={"examples": list(examples)})
    if strict:
        config["extra"] = "forbid"
    return config


class SubscriptionCreate(BaseModel):
    model_config = _examples(
        {
            "target_url": SUBSCRIPTION["target_url"],
            "event_types": SUBSCRIPTION["event_types"],
            "contact_email": "it@modacc.example",
        },
        strict=True,
    )

    target_url: TargetUrl
    event_types: Annotated[list[EventTypeName], Field(min_length=1, max_length=100)]
    contact_email: Annotated[Email, Field(description="Told when the subscription is disabled.")]


class SubscriptionPublic(BaseModel):
    model_config = _examples(SUBSCRIPTION)

    id: UUID
    client_id: UUID
    target_url: str
    event_types: list[str]
    contact_email: str
    status: Literal["active", "disabled"]
    created_at: datetime
    disabled_at: datetime | None
    disabled_reason: str | None


class SubscriptionCreated(SubscriptionPublic):
    model_config = _examples({**SUBSCRIPTION, "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})

    secret: str = Field(description="Standard Webhooks signing secret. Shown once: store it now.")


class DeliveryPublic(BaseModel):
    model_config = _examples(DELIVERY)

    id: UUID = Field(description="Also the `webhook-id` header of every attempt: deduplicate on it.")
    subscription_id: UUID
    event_id: UUID
    event_type: str
    status: Literal["pending", "delivered", "failed"]
    attempts: int = Field(description="Attempts since the delivery was (re)scheduled.")
    next_attempt_at: datetime | None
    created_at: datetime = Field(description="When the event happened.")
    last_response_code: int | None
    finished_at: datetime | None


class AttemptPublic(BaseModel):
    number: int
    at: datetime
    succeeded: bool
    response_code: int | None
    latency_ms: float
    error: str | None


class DeliveryDetail(DeliveryPublic):
    model_config = _examples(
        {
            **DELIVERY,
            "log": [
                {
                    "number": 1,
                    "at": "2026-11-30T09:00:01Z",
                    "succeeded": False,
                    "response_code": 503,
                    "latency_ms": 84.2,
                    "error": None,
                },
            ],
        }
    )

    log: list[AttemptPublic] = Field(description="Every attempt: outcome, response code, latency, number.")


class ReplaySince(BaseModel):
    model_config = _examples({"since": "2026-11-29T00:00:00Z"}, strict=True)

    since: AwareDatetime = Field(description="Deliveries of events from this time on are sent again.")


class ReplayScheduled(BaseModel):
    model_config = _examples({"scheduled": 42})

    scheduled: int


class EventTypes(BaseModel):
    model_config = _examples({"event_types": ["ExchangeCompleted", "SMEJoined"]})

    event_types: list[str]
