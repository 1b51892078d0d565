import gc

from cloth_shared.heap import freeze_start_up_heap


def test_freezing_moves_what_exists_out_of_the_collected_generations() -> None:
    built_at_start = [{"kept": n} for n in range(1_000)]
    try:
        freeze_start_up_heap()

        assert gc.get_freeze_count() >= len(built_at_start)
        assert not any(gc.is_tracked(o) and o in gc.get_objects(generation=2) for o in built_at_start[:3])
    finally:
        gc.unfreeze()
