"""Zone display names: a map object's ``title`` property is what students read; without one,
its name made readable. The level side reads, checks and exposes it (MapObject.display_name,
game.level.model.display_name); the text layer uses it."""

from __future__ import annotations

import json
from pathlib import Path

from game.level import check_level, load_level
from game.level.model import display_name
from game.level.scaffold import ZoneShape, grid, write_map
from game.text.names import Names

ROOT = Path(__file__).resolve().parents[2]

LEVEL = """\
format: 1
id: titles
title: Titles
difficulty: 1
briefing: Names students read.
map: maps/m.tmx
cell_size_m: 10
days: 30
budget_usd: 100000
seed: 1
teams:
  start:
    - {type: nts, count: 1, base: base}
"""


def level(tmp_path: Path, *zones: ZoneShape) -> Path:
    base = [ZoneShape("base", "team_base", 0, 8, 2, 2)]
    write_map(tmp_path / "maps" / "m.tmx", grid(12, 10), list(zones) + base)
    path = tmp_path / "titles.yaml"
    path.write_text(LEVEL, encoding="utf-8")
    return path


def test_title_is_the_display_name_else_the_name_made_readable(tmp_path):
    path = level(tmp_path, ZoneShape("n_pasture", "suspected_area", 2, 2, 4, 3, properties={"title": "  North pasture "}),
                 ZoneShape("well_path", "suspected_area", 7, 2, 3, 3),
                 ZoneShape("oskar", "village", 2, 6, 2, 2, properties={"population": 50, "title": ""}))
    _, level_map = load_level(path)
    pasture, well, village = (level_map.object_named(n) for n in ("n_pasture", "well_path", "oskar"))
    assert (pasture.title, pasture.display_name) == ("North pasture", "North pasture")
    assert (well.title, well.display_name) == ("", "Well path")
    assert village.display_name == "Oskar"  # an empty title shows the name
    assert level_map.display_name("n_pasture") == "North pasture"
    assert display_name(level_map, "not-on-the-map") == "Not on the map" == display_name(None, "not-on-the-map")
    names = Names(level_map.objects, {})
    assert names.zone("n_pasture") == "North pasture" and names.village("oskar") == "Oskar"


def test_a_title_too_long_for_the_map_is_an_error(tmp_path):
    path = level(tmp_path, ZoneShape("field", "suspected_area", 2, 2, 4, 3, properties={"title": "F" * 61}))
    spec, problems = check_level(path, "L.yaml")
    assert spec is None
    assert [p.format() for p in problems] == [
        "maps/m.tmx:19:3: the title of object 'field' is 61 characters long; keep it to one line of at most 60 "
        "characters: it is drawn on the map"]


def test_two_places_shown_under_one_name_are_a_warning(tmp_path):
    path = level(tmp_path, ZoneShape("north_field", "suspected_area", 2, 2, 4, 3),
                 ZoneShape("field_2", "suspected_area", 7, 2, 3, 3, properties={"title": "North field"}))
    spec, problems = check_level(path, "L.yaml")
    assert spec is not None
    assert [p.format() for p in problems] == [
        "L.yaml:6:6: warning: two places of the map are both shown as “North field”: `north_field` and "
        "`field_2` (maps/m.tmx:20); students cannot tell them apart; give each its own `title` property in Tiled"]


def test_the_tiled_project_offers_a_title_on_every_object_class():
    project = json.loads((ROOT / "levels" / "minerisk.tiled-project").read_text())
    classes = {t["name"]: t for t in project["propertyTypes"] if "object" in t.get("useAs", [])}
    assert set(classes) == {"suspected_area", "village", "feature", "team_base"}
    for cls in classes.values():
        assert {"name": "title", "type": "string", "value": ""} in cls["members"]
