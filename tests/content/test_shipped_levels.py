"""Every shipped level loads, validates and builds, for several seeds."""

from __future__ import annotations

import numpy as np
import pytest

from game.level import load_level, validate_paths
from game.level.build import build_scenario, field_zones
from game.level.campaign import list_levels
from game.paths import levels_dir

LEVELS = list_levels(levels_dir())


def test_the_campaign_has_at_least_three_levels_and_all_are_valid():
    assert len(LEVELS) >= 3
    levels, problems = validate_paths([levels_dir()])
    assert not problems, [p.format() for p in problems]
    assert len({lv.id for lv in levels}) == len(levels)


def test_the_largest_map_is_at_least_256_cells_square():
    sizes = [load_level(info.path)[1] for info in LEVELS]
    assert max(m.width * m.height for m in sizes) >= 256 * 256


@pytest.mark.parametrize("info", LEVELS, ids=[i.id for i in LEVELS])
def test_level_builds_a_sound_scenario(info):
    spec, level_map = load_level(info.path)
    first = build_scenario(spec, level_map)
    again = build_scenario(spec, level_map)
    other = build_scenario(spec, level_map, seed=spec.seed + 1)
    expected = len(spec.placed_items) + sum(sum(f.counts.values()) for f in spec.item_fields)
    assert len(first.items) == expected
    assert np.array_equal(first.items, again.items)  # same seed, same truth
    if spec.item_fields:
        assert not np.array_equal(first.items, other.items)  # another seed, another truth
    # generated items lie inside their zones; every item lies on the map
    assert (first.items["x"] < level_map.width).all() and (first.items["y"] < level_map.height).all()
    for item_field in spec.item_fields:
        assert all(level_map.object_named(zone).mask.any() for zone in item_field.zones)
    assert first.suspected.any()
    assert all(v.population > 0 for v in first.villages)
    assert first.clutter.shape == (level_map.height, level_map.width)


def test_generated_items_stay_inside_their_zone():
    for info in LEVELS:
        spec, level_map = load_level(info.path)
        placed = len(spec.placed_items)
        scenario = build_scenario(spec, level_map)
        start = placed
        for item_field, zone in zip(spec.item_fields, field_zones(spec, spec.seed)):
            assert zone in item_field.zones
            n = sum(item_field.counts.values())
            part = scenario.items[start:start + n]
            mask = level_map.object_named(zone).mask
            assert mask[part["y"], part["x"]].all(), (info.id, zone)
            start += n
