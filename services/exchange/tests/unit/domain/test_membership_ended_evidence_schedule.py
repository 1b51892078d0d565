"""Rules added with the service: a party's membership ending, evidence files, the figures' moves,
and what the programme's clock does."""

import hashlib
from datetime import timedelta
from uuid import uuid4

import pytest

from exchange.domain import figures
from exchange.domain.evidence import (
    MAX_EVIDENCE_BYTES,
    EvidenceLimitReached,
    EvidenceTooLarge,
    MediaType,
    UnsupportedEvidence,
    accept_evidence,
    clean_filename,
    media_type_of,
)
from exchange.domain.membership_ended import CANCELLED_STATES, FLAGGED_STATES, on_membership_ended
from exchange.domain.records import Fact, Step
from exchange.domain.schedule import clock_step
from exchange.domain.vocabulary import State

from . import builders as b
from .test_exchange_lifecycle import BUILT


@pytest.mark.parametrize("state", sorted(CANCELLED_STATES))
def test_an_exchange_holding_no_slot_is_cancelled_when_a_partys_membership_ends(state: State) -> None:
    exchange = BUILT[state]()
    outcome = on_membership_ended(
        exchange, organisation_id=exchange.visitor.organisation_id, why="left", at=b.NOW
    )
    assert outcome is not None
    assert (outcome.exchange.state, outcome.fact, outcome.entry.by) == (State.CANCELLED, Fact.CANCELLED, None)
    assert outcome.exchange.closing_reason == "The visitor organisation's membership ended (left)."


@pytest.mark.parametrize("state", sorted(FLAGGED_STATES))
def test_an_approved_or_running_exchange_is_flagged_not_dropped(state: State) -> None:
    exchange = BUILT[state]()
    outcome = on_membership_ended(
        exchange, organisation_id=exchange.host.organisation_id, why="suspended", at=b.NOW
    )
    assert outcome is not None
    assert (outcome.exchange.state, outcome.fact, outcome.entry.step) == (
        state,
        Fact.AT_RISK_FLAGGED,
        Step.FLAG_AT_RISK,
    )
    assert outcome.exchange.at_risk is not None and outcome.exchange.at_risk.side == "host"


@pytest.mark.parametrize("state", [State.COMPLETED, State.LUMP_SUM_PAID, State.DECLINED, State.CANCELLED])
def test_a_closed_or_completed_exchange_is_left_alone(state: State) -> None:
    exchange = BUILT[state]()
    assert (
        on_membership_ended(exchange, organisation_id=exchange.host.organisation_id, why="left", at=b.NOW)
        is None
    )


@pytest.mark.parametrize(
    ("content", "media_type"),
    [
        (b"%PDF-1.4 ...", MediaType.PDF),
        (b"\xff\xd8\xff\xe0 jfif", MediaType.JPEG),
        (b"\x89PNG\r\n\x1a\n..", MediaType.PNG),
    ],
)
def test_an_evidence_files_type_is_read_from_its_first_bytes(content: bytes, media_type: MediaType) -> None:
    assert media_type_of(content) is media_type


@pytest.mark.parametrize("content", [b"GIF89a", b"<html>", b"PK\x03\x04 a zip named .pdf", b""])
def test_other_content_is_refused_whatever_its_name(content: bytes) -> None:
    with pytest.raises(UnsupportedEvidence):
        media_type_of(content)


def test_evidence_is_bounded_in_size_and_number_and_kept_with_its_digest() -> None:
    exchange = b.in_progress()

    def accept(content: bytes, files_so_far: int = 0):  # type: ignore[no-untyped-def]
        return accept_evidence(
            exchange,
            evidence_id=uuid4(),
            filename="a.pdf",
            content=content,
            files_so_far=files_so_far,
            at=b.NOW,
            by=b.PERSON,
        )

    with pytest.raises(EvidenceTooLarge):
        accept(b"%PDF-" + b"x" * MAX_EVIDENCE_BYTES)
    with pytest.raises(EvidenceLimitReached):
        accept(b"%PDF-1", files_so_far=10)
    accepted = accept(b"%PDF-1")
    assert (accepted.sha256, accepted.size) == (hashlib.sha256(b"%PDF-1").hexdigest(), 6)


def test_a_file_name_keeps_only_its_last_part_and_printable_characters() -> None:
    assert clean_filename("C:\\Users\\ana\\..\\photo\x00.png") == "photo.png"
    assert clean_filename("///") == "evidence"


@pytest.mark.parametrize(
    ("before", "after", "approved", "completed"),
    [
        (None, State.REQUESTED, 0, 0),
        (State.COMMITMENT_AGREED, State.APPROVED, 1, 0),
        (State.APPROVED, State.IN_PROGRESS, 0, 0),
        (State.REPORT_SUBMITTED, State.COMPLETED, 0, 1),
        (State.COMPLETED, State.LUMP_SUM_PAID, 0, 0),
        (State.APPROVED, State.CANCELLED, -1, 0),
    ],
)
def test_each_step_moves_the_figures_by_what_it_changed(before, after, approved, completed) -> None:  # type: ignore[no-untyped-def]
    assert figures.change(before, after) == figures.Change(approved, completed)


def test_the_clock_starts_an_approved_exchange_and_notes_a_passed_deadline_once() -> None:
    approved = b.approved()
    assert clock_step(approved, at=b.at(b.FIRST_DAY - timedelta(days=1))) is None
    started = clock_step(approved, at=b.at(b.FIRST_DAY))
    assert started is not None and started.fact is Fact.STARTED
    late = b.at(b.LAST_DAY + timedelta(days=31))
    flagged = clock_step(started.exchange, at=late)
    assert flagged is not None and flagged.fact is Fact.REPORT_OVERDUE
    assert clock_step(flagged.exchange, at=late) is None
