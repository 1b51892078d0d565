"""The rules of the e-mail channel: backoff with jitter, giving up, languages, subjects."""

from uuid import UUID

import pytest

from notifications.domain.email import (
    GiveUp,
    Refused,
    RetryLater,
    RetryPolicy,
    clean_subject,
    message_id,
    platform_language,
)

policy = RetryPolicy(max_attempts=5, base_seconds=60, cap_seconds=600)


@pytest.mark.parametrize(
    ("attempt", "low", "high"), [(1, 30, 60), (2, 60, 120), (3, 120, 240), (5, 300, 600)]
)
def test_each_retry_waits_between_half_and_all_of_its_exponential_step(attempt, low, high) -> None:
    assert policy.delay(attempt, lambda: 0.0) == low
    assert policy.delay(attempt, lambda: 1.0) == high


def test_the_step_stops_growing_at_the_cap() -> None:
    assert policy.delay(30, lambda: 1.0) == 600


def test_a_temporary_refusal_is_retried_until_the_last_attempt_then_given_up() -> None:
    refused = Refused("451 try later")
    assert isinstance(policy.after_refusal(4, refused, lambda: 0.5), RetryLater)
    last = policy.after_refusal(5, refused, lambda: 0.5)
    assert isinstance(last, GiveUp) and "451 try later" in last.reason


def test_a_permanent_refusal_is_given_up_at_once() -> None:
    assert policy.after_refusal(1, Refused("550 no such user", permanent=True), lambda: 0.5) == GiveUp(
        "550 no such user"
    )


@pytest.mark.parametrize(
    ("code", "language"),
    [("bg", "bg"), ("bg-BG", "bg"), ("RO_ro", "ro"), ("de", "en"), (None, "en"), ("", "en")],
)
def test_a_person_is_written_to_in_a_platform_language(code, language) -> None:
    assert platform_language(code) == language


def test_a_long_subject_is_cut_with_an_ellipsis() -> None:
    cut = clean_subject("x" * 500)
    assert len(cut) == 200 and cut.endswith("…")


def test_every_attempt_of_a_delivery_carries_the_same_message_id() -> None:
    delivery_id = UUID("8b0e1a9e-4a3c-4c1e-9d0b-2f7c3a1e5d6f")
    assert message_id(delivery_id, "cloth.example") == "<8b0e1a9e-4a3c-4c1e-9d0b-2f7c3a1e5d6f@cloth.example>"
