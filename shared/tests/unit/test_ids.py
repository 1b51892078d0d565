import time
from uuid import RFC_4122

from cloth_shared.contracts.envelope import wrap
from cloth_shared.ids import time_ordered_uuid
from cloth_shared.testing.examples import sme_joined


def test_an_id_is_a_version_7_uuid_carrying_the_current_millisecond() -> None:
    before = time.time_ns() // 1_000_000
    made = time_ordered_uuid()
    after = time.time_ns() // 1_000_000

    assert made.version == 7
    assert made.variant == RFC_4122
    assert before <= made.int >> 80 <= after


def test_ids_made_in_later_milliseconds_sort_after_earlier_ones() -> None:
    earlier = time_ordered_uuid()
    time.sleep(0.002)
    later = time_ordered_uuid()

    assert earlier < later


def test_ids_made_in_the_same_millisecond_still_differ() -> None:
    made = {time_ordered_uuid() for _ in range(10_000)}

    assert len(made) == 10_000


def test_events_are_wrapped_with_time_ordered_ids() -> None:
    first = wrap(sme_joined(), producer="test", correlation_id="test")
    time.sleep(0.002)
    second = wrap(sme_joined(), producer="test", correlation_id="test")

    assert first.event_id.version == 7
    assert first.event_id < second.event_id
