"""Playing level after level keeps no memory (issue 14: 40 tutorial replays in one process grew the process
from 67 to 84 MB and kept climbing). Each run owns its esper world and deletes it when it closes; nothing
keeps a run's grids, events or records after it."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from game.run.players import play_level

LEVEL = Path(__file__).resolve().parents[2] / "levels" / "01_first_steps.yaml"


def _play(n: int) -> None:
    for seed in range(n):
        with play_level(LEVEL, "land_release", seed=seed) as session:
            session.score()
            session.record().to_json()


def test_forty_runs_in_a_row_keep_no_memory():
    _play(3)  # caches that fill once (the catalogue, compiled patterns) are not growth
    gc.collect()
    tracemalloc.start()
    try:
        _play(2)
        gc.collect()
        first = tracemalloc.get_traced_memory()[0]
        _play(38)
        gc.collect()
        last = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert last - first < 1_000_000, f"40 runs kept {(last - first) / 1e6:.1f} MB"
