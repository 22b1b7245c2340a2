"""On every shipped level, the IMAS way (land_release) scores best, averaged over 10 seeds."""

from __future__ import annotations

import pytest

from game.level import load_level
from game.level.build import build_scenario
from game.level.campaign import list_levels
from game.paths import levels_dir
from game.policies.runner import compare_policies

LEVELS = list_levels(levels_dir())


@pytest.mark.parametrize("info", LEVELS, ids=[i.id for i in LEVELS])
def test_land_release_beats_idle_clear_all_and_reckless(info):
    spec, level_map = load_level(info.path)
    results = compare_policies(lambda seed: build_scenario(spec, level_map, seed), range(1, 11))
    best = results["land_release"]["mean_total"]
    for other in ("idle", "clear_all", "reckless"):
        assert best > results[other]["mean_total"], (other, {k: v["mean_total"] for k, v in results.items()})
    # reckless cancelling leaves items under people's feet: it must be the worst
    assert results["reckless"]["mean_total"] < min(results[p]["mean_total"] for p in ("idle", "clear_all"))
