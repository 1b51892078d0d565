import gc
import weakref

from cloth_shared.heap import freeze_start_up_heap


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_what_start_up_built_is_frozen_and_its_garbage_is_not() -> None:
    frozen_before = gc.get_freeze_count()
    built_at_start = [{"kept": n} for n in range(1_000)]
    garbage = _Node()
    garbage_gone = weakref.ref(garbage)
    del garbage
    try:
        freeze_start_up_heap()

        assert gc.get_freeze_count() >= frozen_before + len(built_at_start)
        kept_ids = {id(o) for o in built_at_start}
        assert not kept_ids & {id(o) for o in gc.get_objects(generation=2)}
        assert garbage_gone() is None  # collected before the freeze, not kept for good
    finally:
        gc.unfreeze()
