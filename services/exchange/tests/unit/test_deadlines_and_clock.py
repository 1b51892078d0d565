"""The programme's clock, driven by a clock the test sets: exchanges start on their first day, and
each missed deadline is announced once; one replica sweeps at a time."""

from datetime import date, timedelta

from cloth_shared.contracts import exchange as contract
from exchange.domain.vocabulary import State
from exchange.service_layer import deadlines

from .world import FIRST_DAY, LAST_DAY, World


async def sweep(world: World) -> int:
    return await deadlines.sweep_all(lambda: world.uow, clock=world.clock, batch=2)


async def test_an_approved_exchange_starts_on_its_first_day_not_before() -> None:
    world = await World().start()
    exchange = await world.approved()
    world.clock.set(FIRST_DAY - timedelta(days=1), 23)
    assert await sweep(world) == 0
    world.clock.set(FIRST_DAY, 0)
    assert await sweep(world) == 1
    started = world.uow.database.exchanges[exchange.id]
    assert (started.state, started.history[-1].by) == (State.IN_PROGRESS, None)
    assert world.event_types()[-1] == "ExchangeStarted"


async def test_a_missing_report_is_announced_once_thirty_days_after_the_last_day() -> None:
    world = await World().start()
    await world.in_progress()
    world.clock.set(LAST_DAY + timedelta(days=30))
    assert await sweep(world) == 0
    world.clock.set(LAST_DAY + timedelta(days=31))
    assert await sweep(world) == 1
    world.clock.advance(days=5)
    assert await sweep(world) == 0
    overdue = world.uow.events[-1]
    assert isinstance(overdue, contract.ExchangeReportOverdue)
    assert overdue.report_due == LAST_DAY + timedelta(days=30)
    assert world.event_types().count("ExchangeReportOverdue") == 1


async def test_an_unpaid_lump_sum_is_announced_once_ten_days_after_validation() -> None:
    world = await World().start()
    exchange = await world.completed()
    validated_on = world.clock.now().date()
    world.clock.set(validated_on + timedelta(days=11))
    assert await sweep(world) == 1
    assert await sweep(world) == 0
    overdue = world.uow.events[-1]
    assert isinstance(overdue, contract.LumpSumPaymentOverdue)
    assert (overdue.payment_due, overdue.amount_eur) == (
        validated_on + timedelta(days=10),
        exchange.lump_sum.amount,
    )


async def test_many_due_exchanges_are_swept_in_batches_until_none_is_left() -> None:
    world = await World().start()
    for _ in range(5):
        other = World(uow=world.uow, clock=world.clock, programme=world.programme)
        await other.know(other.visitor, other.host)
        await other.approved()
    world.clock.set(date(2027, 3, 1))
    assert await sweep(world) == 5


async def test_a_replica_that_finds_the_lock_taken_skips_its_pass() -> None:
    world = await World().start()
    await world.approved()
    world.clock.set(FIRST_DAY)
    world.uow.lock_held_elsewhere = True
    assert await sweep(world) == 0
    world.uow.lock_held_elsewhere = False
    assert await sweep(world) == 1
