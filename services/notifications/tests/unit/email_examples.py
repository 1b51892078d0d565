"""Contexts every e-mail template renders, as the routing and membership handlers write them."""

from typing import Any

CONTEXTS: dict[str, dict[str, Any]] = {
    "SMEJoined": {"display_name": "Laia Puig", "organisation_name": "Teixits Igualada SL"},
    "StakeholderJoined": {"display_name": "Laia Puig", "organisation_name": "Ruse Fashion Agency"},
    "ExchangeRequested": {
        "display_name": "Ivan Petrov",
        "visitor_name": "Bucharest Knitwear SRL",
        "first_day": "2027-03-01",
        "last_day": "2027-03-05",
        "activity_kind": "knowledge_sharing",
        "action_url": "https://cloth.example/exchange/1",
    },
    "digest": {
        "display_name": "Ana",
        "period": "weekly",
        "items": [
            {
                "event_type": "ExchangeRequested",
                "facts": [["visitor_organisation_id", "Bucharest Knitwear SRL"]],
            },
            {"event_type": "SMEJoined", "facts": []},
        ],
    },
    "address_verification": {
        "display_name": "Ana",
        "verify_url": "https://cloth.example/verify-email?token=abc",
        "valid_hours": 24,
    },
    "existing_account_signup": {"display_name": "Ana", "sign_in_url": "https://cloth.example/sign-in"},
    "ExchangeCompleted": {
        "display_name": "Ana",
        "event_type": "ExchangeCompleted",
        "facts": [["host_organisation_id", "Teixits Igualada SL"], ["last_day", "2027-03-05"]],
    },
}
