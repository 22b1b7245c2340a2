"""Loading a level again and again keeps no memory (issue 14: loading the sector 500 times
grew the process from 34 to 138 MB, because a module-level YAML constructor kept every
node it had ever built).

The test loads a small level 60 times under tracemalloc (500 would take ten seconds
under tracing); before the fix these loads kept about 3 MB, after it a few kB.
``minerisk bench`` reports the figure for the sector.
"""

from __future__ import annotations

import gc
import tracemalloc

from game.level import load_level
from game.level.scaffold import ZoneShape, grid, write_map

LEVEL = """\
format: 1
id: memory
title: Memory
difficulty: 1
briefing: Loaded again and again.
map: maps/m.tmx
cell_size_m: 10
days: 30
budget_usd: 100000
seed: 1
teams:
  start:
    - {type: nts, count: 1, base: base}
    - {type: manual, count: 2, base: base}
  hire: [dog, eore]
ordnance:
  items:
    - {kind: uxo, cell: [3, 3]}
  fields:
    - {zone: field, counts: {ap_blast: 3, ap_frag: 2}, layout: cluster}
villages:
  - {name: village, population: 100, returnees: [{day: 10, people: 20}]}
objectives:
  - {kind: release_zone, zone: field, by_day: 25, text: Release the field by day 25.}
  - {kind: no_casualties, text: Keep people safe.}
events:
  - {day: 2, kind: report, zone: field, message: A report.}
  - {day: 5, kind: weather, weather: rain, duration_days: 2, message: Rain.}
"""


def test_loading_a_level_60_times_keeps_no_memory(tmp_path):
    write_map(tmp_path / "maps" / "m.tmx", grid(12, 10), [
        ZoneShape("field", "suspected_area", 2, 2, 5, 4),
        ZoneShape("village", "village", 8, 6, 3, 3),
        ZoneShape("base", "team_base", 0, 8, 2, 2)])
    path = tmp_path / "memory.yaml"
    path.write_text(LEVEL, encoding="utf-8")
    load_level(path)
    gc.collect()
    tracemalloc.start()
    try:
        load_level(path)
        gc.collect()
        after_first = tracemalloc.get_traced_memory()[0]
        for _ in range(60):
            load_level(path)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - after_first
    finally:
        tracemalloc.stop()
    assert kept < 512 * 1024, f"60 loads kept {kept / 1024:,.0f} kB"
