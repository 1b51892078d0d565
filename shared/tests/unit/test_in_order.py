"""`in_order`: several use cases for one consumed event, in order, in the inbox's one transaction."""

from typing import Any

import pytest

from cloth_shared.messaging.subscriptions import in_order
from cloth_shared.testing.examples import enveloped, person_erased


async def test_the_use_cases_run_in_the_order_listed_on_the_same_unit_of_work() -> None:
    ran: list[tuple[str, Any]] = []

    async def forget(uow: Any, envelope: Any, event: Any) -> None:
        ran.append(("forget", uow))

    async def notify(uow: Any, envelope: Any, event: Any) -> None:
        ran.append(("notify", uow))

    uow, event = object(), person_erased()
    await in_order(notify, forget)(uow, enveloped(event), event)
    assert ran == [("notify", uow), ("forget", uow)]
    assert in_order(notify, forget).__name__ == "notify_then_forget"


async def test_a_failing_use_case_stops_the_ones_after_it_so_the_inbox_rolls_all_back() -> None:
    ran: list[str] = []

    async def fails(uow: Any, envelope: Any, event: Any) -> None:
        raise RuntimeError("database said no")

    async def after(uow: Any, envelope: Any, event: Any) -> None:
        ran.append("after")

    event = person_erased()
    with pytest.raises(RuntimeError):
        await in_order(fails, after)(object(), enveloped(event), event)
    assert ran == []
