"""The lifecycle through the use cases on the fake unit of work: each step stored, announced once,
refused with the current state and the next steps when out of turn, and written into the history."""

from datetime import date
from decimal import Decimal

import pytest

from cloth_shared.contracts import exchange as contract
from exchange.domain.access import Forbidden
from exchange.domain.errors import InvalidTransition
from exchange.domain.people import ERASED_PERSON, Person
from exchange.domain.records import Signatory, Step
from exchange.domain.vocabulary import State
from exchange.service_layer import approval, closing, commitment, requests, views

from .world import NOW, World, a_commitment


async def test_a_request_is_stored_and_announced_with_both_sides_and_the_lump_sum() -> None:
    world = await World().start()
    exchange = await world.requested()
    stored = world.uow.database.exchanges[exchange.id]
    assert stored.state is State.REQUESTED
    assert stored.lump_sum.amount == Decimal("900.00")
    assert world.event_types()[-1] == "ExchangeRequested"
    announced = world.uow.events[-1]
    assert isinstance(announced, contract.ExchangeRequested)
    assert announced.exchange.visitor_country == "PT" and announced.exchange.host_country == "ES"


async def test_the_whole_path_from_request_to_paid_announces_each_public_step_once() -> None:
    world = await World().start()
    exchange = await world.completed()
    paid = await closing.record_payment(world.uow, world.visitor_manager, exchange.id, clock=world.clock)
    assert paid.state is State.LUMP_SUM_PAID
    assert paid.paid_amount == Decimal("900.00")
    assert world.event_types() == [
        "ExchangeRequested",
        "ExchangeAccepted",
        "ExchangeCommitmentAgreed",
        "ExchangeApproved",
        "ExchangeStarted",
        "ExchangeReportSubmitted",
        "ExchangeCompleted",
        "LumpSumPaid",
    ]


async def test_the_completed_event_carries_the_summary_only_when_the_visitor_agreed_to_share_it() -> None:
    world = await World().start()
    exchange = await world.report_submitted(share=False)
    await closing.validate(world.uow, world.visitor_manager, exchange.id, clock=world.clock)
    completed = world.uow.events[-1]
    assert isinstance(completed, contract.ExchangeCompleted)
    assert completed.shared_summary is None and completed.shared_lessons_learned is None
    assert completed.payment_due == date(2027, 3, 15)  # ten days after validation on 5 March


async def test_a_step_out_of_turn_is_refused_with_the_state_and_the_allowed_steps_and_changes_nothing() -> (
    None
):
    world = await World().start()
    exchange = await world.requested()
    events = len(world.uow.events)
    with pytest.raises(InvalidTransition) as refused:
        await approval.approve(world.uow, world.visitor_manager, exchange.id, clock=world.clock)
    assert refused.value.extra["current_state"] == "requested"
    assert refused.value.extra["allowed_next"] == ["accept", "cancel", "decline"]
    assert world.uow.database.exchanges[exchange.id] == exchange
    assert len(world.uow.events) == events


async def test_only_the_host_answers_a_request() -> None:
    world = await World().start()
    exchange = await world.requested()
    for somebody in (world.visitor_person, world.visitor_manager, world.host_manager, world.stranger):
        with pytest.raises(Forbidden):
            await requests.accept(world.uow, somebody, exchange.id, clock=world.clock)
    declined = await requests.decline(world.uow, world.host_person, exchange.id, "full", clock=world.clock)
    assert (declined.state, declined.closing_reason) == (State.DECLINED, "full")


async def test_a_change_to_the_commitment_after_a_signature_clears_the_signatures() -> None:
    world = await World().start()
    exchange = await world.accepted()
    await commitment.amend_commitment(
        world.uow, world.host_person, exchange.id, a_commitment(), clock=world.clock
    )
    signed = await commitment.sign(
        world.uow, world.visitor_person, exchange.id, Signatory.VISITOR, clock=world.clock
    )
    assert len(signed.signatures) == 1
    changed = a_commitment(goal="learn weaving")
    amended = await commitment.amend_commitment(
        world.uow, world.host_person, exchange.id, changed, clock=world.clock
    )
    assert amended.signatures == ()
    assert amended.history[-1].note == "signatures cleared"


async def test_each_signatory_signs_only_for_their_own_side() -> None:
    world = await World().start()
    exchange = await world.accepted()
    await commitment.amend_commitment(
        world.uow, world.host_person, exchange.id, a_commitment(), clock=world.clock
    )
    with pytest.raises(Forbidden):
        await commitment.sign(world.uow, world.host_person, exchange.id, Signatory.VISITOR, clock=world.clock)
    with pytest.raises(Forbidden):
        await commitment.sign(
            world.uow, world.host_manager, exchange.id, Signatory.VISITOR_CLUSTER, clock=world.clock
        )


async def test_the_history_names_who_did_what_and_an_erased_person_is_erased_person() -> None:
    world = await World().start()
    exchange = await world.accepted()
    async with world.uow:
        for who, name in ((world.visitor_person, "Ana"), (world.host_person, "Joan")):
            await world.uow.people.remember(
                Person(who.subject, name, "x@example.org", "en", None, None, None, NOW)
            )
        await world.uow.people.forget(world.host_person.subject, at=NOW)
        await world.uow.commit()
    seen = await views.view_exchange(world.uow, world.host_manager, exchange.id)
    steps = [(entry.step, seen.names.get(entry.by)) for entry in seen.exchange.history if entry.by]
    assert steps == [(Step.REQUEST, "Ana"), (Step.ACCEPT, ERASED_PERSON)]
    with pytest.raises(Forbidden):
        await views.view_exchange(world.uow, world.stranger, exchange.id)


async def test_either_side_cancels_before_the_start_and_an_approved_slot_is_given_back() -> None:
    world = await World().start(sme=1)
    exchange = await world.approved()
    assert world.uow.database.quotas[(world.programme_id, exchange.slot_category)].taken == 1
    cancelled = await requests.cancel(world.uow, world.host_person, exchange.id, "flood", clock=world.clock)
    assert cancelled.state is State.CANCELLED
    assert world.uow.database.quotas[(world.programme_id, exchange.slot_category)].taken == 0
    announced = world.uow.events[-1]
    assert isinstance(announced, contract.ExchangeCancelled) and announced.slot_freed


async def test_a_sent_back_report_is_submitted_again_and_then_validated() -> None:
    world = await World().start()
    exchange = await world.report_submitted()
    back = await closing.send_back(
        world.uow, world.visitor_manager, exchange.id, "add photos", clock=world.clock
    )
    assert (back.state, back.review_comments) == (State.REPORT_SENT_BACK, "add photos")
    again = closing.SubmitReport("Better summary.", "Start smaller.", True)
    await closing.submit_report(world.uow, world.visitor_person, exchange.id, again, clock=world.clock)
    await closing.give_feedback(world.uow, world.host_person, exchange.id, "a fine guest", clock=world.clock)
    done = await closing.validate(world.uow, world.admin, exchange.id, clock=world.clock)
    assert (done.state, done.host_feedback and done.host_feedback.text) == (State.COMPLETED, "a fine guest")
    assert "ExchangeReportSentBack" in world.event_types()


async def test_the_host_cluster_manager_cannot_review_or_pay() -> None:
    world = await World().start()
    exchange = await world.report_submitted()
    with pytest.raises(Forbidden):
        await closing.validate(world.uow, world.host_manager, exchange.id, clock=world.clock)
    with pytest.raises(Forbidden):
        await closing.submit_report(
            world.uow,
            world.host_person,
            exchange.id,
            closing.SubmitReport("s", "l", False),
            clock=world.clock,
        )
