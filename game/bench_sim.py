"""Benchmark of the simulation: the ``land_release`` player on a large synthetic level.

:func:`bench_simulation` builds (in code, no files) a 256 x 256-cell map with
5,000 items and 30 teams, plays 365 days and reports the median time, time
per simulated day, days per second and peak memory. ``minerisk bench`` calls it.
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
import tracemalloc

import numpy as np

from game.level.model import ClutterSpec, ItemField, Scenario
from game.sim.synthetic import synthetic_scenario

SIZE, ITEMS, DAYS = 256, 5000, 365
TEAMS = (("nts", 3), ("technical_survey", 6), ("manual", 14), ("dog", 4), ("eore", 3))


def bench_scenario(seed: int = 7) -> Scenario:
    """40 suspected areas, 10 of them mined (500 items each), 6 villages, 30 teams, a year."""
    layout = np.random.default_rng(12345)  # the map's layout is fixed; the truth follows ``seed``
    zones = []
    for i in range(40):
        w, h = (int(v) for v in layout.integers(12, 40, size=2))
        x, y = int(layout.integers(0, SIZE - w)), int(layout.integers(0, SIZE - h))
        zones.append((f"zone-{i:02d}", (x, y, w, h)))
    mined = [name for name, _ in zones[::4]]
    per_zone = ITEMS // len(mined)
    fields = [ItemField(name, {"ap_blast": per_zone // 4, "ap_frag": per_zone // 8, "at": per_zone // 8,
                               "uxo": per_zone - per_zone // 4 - 2 * (per_zone // 8)},
                        ("cluster", "rows", "scatter")[i % 3]) for i, name in enumerate(mined)]
    villages = [(f"village-{i}", (int(layout.integers(0, SIZE - 8)), int(layout.integers(0, SIZE - 8)), 8, 8),
                 int(layout.integers(200, 1500))) for i in range(6)]
    return synthetic_scenario(
        seed, width=SIZE, height=SIZE, base_terrain="farmland",
        terrain_rects=[("grass", (0, 0, SIZE, 60)), ("forest", (180, 180, 76, 76)), ("water", (0, 128, SIZE, 3)),
                       ("road", (120, 0, 3, SIZE))],
        zones=zones, villages=villages, item_fields=fields,
        clutter=[ClutterSpec(mined[1], 3.0), ClutterSpec(mined[4], 3.0)],
        start_teams=TEAMS, hireable=("manual", "dog"), days=DAYS, budget_usd=40_000_000, title="Benchmark")


def _run_once(scenario: Scenario) -> float:
    from game.policies import run_policy

    start = time.perf_counter()
    run_policy(scenario, "land_release")
    return time.perf_counter() - start


def bench_simulation(repeats: int = 5) -> dict:
    """Median seconds for 365 days of ``land_release`` on the benchmark level, and peak memory."""
    scenario = bench_scenario()
    items = len(scenario.items)
    times = []
    for _ in range(max(1, repeats)):
        gc.collect()
        times.append(_run_once(scenario))
    tracemalloc.start()
    _run_once(scenario)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_mb = rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
    median = statistics.median(times)
    return {
        "cells": SIZE * SIZE, "items": items, "teams": sum(n for _, n in TEAMS), "days": DAYS,
        "median_s": median, "ms_per_day": median / DAYS * 1000, "days_per_s": DAYS / median,
        "peak_traced_mb": traced_peak / 1e6, "peak_rss_mb": rss_mb,
    }


def bench_sector(repeats: int = 3) -> dict:
    """Median seconds and peak memory of the shipped sector (levels/07_the_sector.yaml) played to its end by
    land_release (target: at most 2 s and 300 MB)."""
    from game.level import load_scenario
    from game.level.campaign import list_levels
    from game.paths import levels_dir

    path = next((info.path for info in list_levels(levels_dir()) if info.id == "the_sector"), None)
    if path is None:
        return {"skipped": "the_sector is not installed"}
    scenario = load_scenario(path)
    times, cpu = [], []
    for _ in range(max(1, repeats)):
        gc.collect()
        start = time.process_time()
        times.append(_run_once(scenario))
        cpu.append(time.process_time() - start)
    tracemalloc.start()
    _run_once(scenario)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"level": "the_sector", "days": scenario.level.days, "median_s": statistics.median(times),
            "median_cpu_s": statistics.median(cpu), "target_s": 2.0, "peak_traced_mb": traced_peak / 1e6, "peak_rss_mb": rss / 1024, "target_mb": 300}


if __name__ == "__main__":
    print(bench_simulation(3))
