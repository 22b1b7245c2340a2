"""Benchmarks behind ``minerisk bench``: repeated runs, medians, never asserted in tests.

Each benchmark is a function ``(repeats) -> dict`` of figures; ``BENCHMARKS``
lists them in the order they run. Other parts of the game add theirs here.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from game.level import find_level_files, load_level
from game.level.build import build_scenario
from game.level.campaign import list_levels
from game.paths import levels_dir


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    """Wall-clock seconds of ``repeats`` calls of ``fn`` (one untimed warm-up first)."""
    fn()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def summary(seconds: list[float]) -> dict:
    return {"median_s": statistics.median(seconds), "min_s": min(seconds), "max_s": max(seconds),
            "repeats": len(seconds)}


def largest_level(folder: Path | None = None) -> Path:
    """The bundled level with the largest map (by cells)."""
    best, best_cells = None, -1
    for info in list_levels(folder or levels_dir()):
        spec, level_map = load_level(info.path)
        if level_map.width * level_map.height > best_cells:
            best, best_cells = info.path, level_map.width * level_map.height
    if best is None:
        raise SystemExit("no levels found to benchmark")
    return best


def bench_load(repeats: int) -> dict:
    """Load, validate and build the largest shipped level (target: <= 0.5 s median)."""
    path = largest_level()
    spec, level_map = load_level(path)
    seconds = timed(lambda: build_scenario(*load_level(path)), repeats)
    tracemalloc.start()
    build_scenario(*load_level(path))
    peak = tracemalloc.get_traced_memory()[1]
    gc.collect()
    after_one = tracemalloc.get_traced_memory()[0]
    for _ in range(10):  # memory a load keeps for good (issue 14: it was 200 kB a load)
        load_level(path)
    gc.collect()
    kept = (tracemalloc.get_traced_memory()[0] - after_one) / 10
    tracemalloc.stop()
    return {"level": spec.id, "map_cells": f"{level_map.width}x{level_map.height}",
            "target_s": 0.5, "peak_traced_mb": round(peak / 2**20, 1), "kept_kb_per_load": round(kept / 1024, 1),
            **summary(seconds)}


def bench_validate_all(repeats: int) -> dict:
    """Validate every bundled level, as ``minerisk validate levels/`` does."""
    from game.level import validate_paths

    folder = levels_dir()
    n = len(find_level_files(folder))
    return {"levels": n, **summary(timed(lambda: validate_paths([folder]), repeats))}


def _simulation(repeats: int) -> dict:
    from game.bench_sim import bench_simulation

    return bench_simulation(repeats)


def _sector(repeats: int) -> dict:
    from game.bench_sim import bench_sector

    return bench_sector(repeats)


def _frames(repeats: int) -> dict:
    """Play-scene frame times on the largest map, every overlay on, the simulation at 8x."""
    from game.ui.bench_ui import bench_frames

    return bench_frames(100 * repeats)  # frames, not runs: a frame is a short thing to time


def _class_import(repeats: int) -> dict:
    """A class of 30 students x 7 levels imported (every run verified) and its report (game/classroom/bench.py)."""
    from game.classroom.bench import bench_class_import

    return bench_class_import(repeats)


def _calibrate(repeats: int) -> dict:
    """200 runs of the sector over 2 processes, as ``minerisk calibrate`` plays them (once: it takes 15-30 s)."""
    from game.calibrate import bench_calibrate

    return bench_calibrate(repeats)


BENCHMARKS: dict[str, Callable[[int], dict]] = {
    "load": bench_load,
    "validate_all": bench_validate_all,
    "simulation": _simulation,
    "sector": _sector,
    "frames": _frames,
    "class_import": _class_import,
    "calibrate": _calibrate,
}
