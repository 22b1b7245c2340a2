"""An item field may list several zones: it lies in one of them, drawn on every run, so the level file
a student can open does not tell which suspected area holds the items."""

from __future__ import annotations

import shutil
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from game.level import LevelError, load_level
from game.level.build import build_scenario, field_zones
from game.paths import levels_dir

def tutorial_with(tmp_path: Path, fields_yaml: str) -> Path:
    """The tutorial level in ``tmp_path`` with its ordnance fields replaced by ``fields_yaml``."""
    shutil.copytree(levels_dir() / "maps", tmp_path / "maps", dirs_exist_ok=True)
    text = (levels_dir() / "01_first_steps.yaml").read_text(encoding="utf-8")
    start = text.index("  fields:\n")
    end = text.index("villages:\n", start)
    text = text[:start] + textwrap.indent(textwrap.dedent(fields_yaml), "  ") + text[end:]
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(LevelError) as info:
        load_level(path, shown_as="L.yaml")
    return [p.format() for p in info.value.problems]


def test_a_field_over_several_zones_lands_in_each_of_them_over_seeds(tmp_path):
    path = tutorial_with(tmp_path, """\
      fields:
        - zone: [north_pasture, orchard_edge, well_path]
          counts: {ap_blast: 4}
          layout: cluster
    """)
    spec, level_map = load_level(path)
    assert spec.item_fields[0].zones == ("north_pasture", "orchard_edge", "well_path")
    landed = Counter()
    for seed in range(1, 61):
        zone, = field_zones(spec, seed)
        scenario = build_scenario(spec, level_map, seed=seed)
        mask = level_map.object_named(zone).mask
        assert mask[scenario.items["y"], scenario.items["x"]].all()  # every item inside the drawn zone
        assert field_zones(spec, seed) == (zone,)  # the same seed, the same zone
        landed[zone] += 1
    assert set(landed) == {"north_pasture", "orchard_edge", "well_path"}
    assert min(landed.values()) >= 10  # about a third each over 60 seeds


def test_fields_over_the_same_zones_take_different_ones(tmp_path):
    path = tutorial_with(tmp_path, """\
      fields:
        - zone: [north_pasture, orchard_edge]
          counts: {uxo: 2}
        - zone: [north_pasture, orchard_edge]
          counts: {uxo: 2}
        - zone: [north_pasture, orchard_edge]
          counts: {uxo: 2}
    """)
    spec, _ = load_level(path)
    for seed in range(1, 21):
        first, second, third = field_zones(spec, seed)
        assert {first, second} == {"north_pasture", "orchard_edge"}
        assert third in {"north_pasture", "orchard_edge"}  # more fields than zones: any of them


def test_a_single_zone_field_draws_nothing(tmp_path):
    """Adding a list to one field must not move the items of the others (their own stream)."""
    one = tutorial_with(tmp_path, """\
      fields:
        - zone: orchard_edge
          counts: {ap_blast: 6}
          layout: cluster
    """)
    spec, level_map = load_level(one)
    before = build_scenario(spec, level_map, seed=5).items
    (tmp_path / "two").mkdir()
    two = tutorial_with(tmp_path / "two", """\
      fields:
        - zone: orchard_edge
          counts: {ap_blast: 6}
          layout: cluster
        - zone: [north_pasture, well_path]
          counts: {uxo: 1}
    """)
    spec2, level_map2 = load_level(two)
    after = build_scenario(spec2, level_map2, seed=5).items
    assert (after[:6] == before).all()


def test_mistakes_in_a_zone_list_are_reported_where_they_are(tmp_path):
    path = tutorial_with(tmp_path, """\
      fields:
        - zone: [north_pasture, north_pastur, north_pasture]
          counts: {ap_blast: 4}
        - zone: []
          counts: {uxo: 1}
    """)
    found = problems(path)
    misspelt = [p for p in found if "north_pastur`" in p]
    assert misspelt and "did you mean `north_pasture`" in misspelt[0], found
    twice = [p for p in found if "listed twice" in p]
    assert twice and twice[0].startswith("L.yaml:"), found
    assert int(twice[0].split(":")[2]) > int(misspelt[0].split(":")[2])  # the third name, right of the second
    assert any("needs at least 1 item" in p for p in found), found


def test_each_listed_zone_must_hold_the_whole_field(tmp_path):
    path = tutorial_with(tmp_path, """\
      fields:
        - zone: [north_pasture, well_path]
          counts: {ap_blast: 300}
    """)
    found = problems(path)
    assert any("in zone `well_path`" in p and "more than it can hold" in p for p in found), found
    assert not any("in zone `north_pasture`" in p for p in found), found  # 60 cells of 100 m2 hold 600


def test_the_schema_and_the_guide_know_the_list():
    from game.level.format import json_schema_text

    schema = json_schema_text()
    assert "anyOf" in schema and "drawn afresh on every run" in schema
    guide = (Path(__file__).parents[2] / "docs" / "level-authoring.md").read_text(encoding="utf-8")
    assert "zone: [hill_positions, forest_edge, north_orchards]" in guide
