"""Items a level places where no student can ever find them, and other mistakes a trainer made
writing a level from the docs alone (/tmp/trainer_play, issue 11): each rebuilt on the small pond
level of test_playability, each a warning ``FILE:LINE:COL: warning: ...; hint`` at the line to change.

Before, each of these validated silently: a field in a zone drawn over a pond put its items on
water (no team can search water, so "Keep people safe" could never be met); a field in the team
base or a village put them where no team can be sent (teams search suspected areas only).
"""

from __future__ import annotations

from game.cli import main
from game.level import check_level
from game.level.scaffold import ZoneShape, grid, write_map
from tests.unit.test_playability import LEVEL, ZONES, line_of, make_level, one, warnings_of


def with_pond(tmp_path, text: str):
    """The pond level with one more suspected area, `pond`, drawn over the pond's water only."""
    path = make_level(tmp_path, text)
    terrain = grid(20, 12)
    for y in range(2, 6):
        terrain[y][4] = terrain[y][5] = "water"
    write_map(tmp_path / "maps" / "pond.tmx", terrain,
              ZONES + [ZoneShape("pond", "suspected_area", 4, 2, 2, 4)])
    return path


def test_a_field_in_a_zone_of_water_only(tmp_path):
    path = with_pond(tmp_path, LEVEL.replace("    - zone: east_field\n", "    - zone: pond\n"))
    found = one(warnings_of(path), "pond")
    assert found.startswith(f"L.yaml:{line_of(path, '- zone: pond')}:13: warning: the items of zone `pond` "
                            "would lie on water, where no team can search: they can never be found or cleared")
    assert "draw `pond` over ground a clearance team can work, or name another zone" in found
    assert main(["validate", "--strict", str(path)]) == 1


def test_more_items_than_the_land_beside_the_water_holds(tmp_path):
    # 24 cells, 8 of them water: 16 cells of 100 m2 hold at most 160 items (the whole zone 240, so no error)
    path = make_level(tmp_path, LEVEL.replace("    - zone: east_field\n      counts: {ap_blast: 4}",
                                              "    - zone: pond_field\n      counts: {ap_blast: 200}"))
    found = one(warnings_of(path), "more than it can hold")
    assert found.startswith(f"L.yaml:{line_of(path, 'counts: {ap_blast: 200}')}:")
    assert "200 items in zone `pond_field` are more than it can hold: items lie only on ground a clearance team " \
           "can work, 16 of its 24 cells (the rest is water), so at most 160" in found
    assert warnings_of(make_level(tmp_path, LEVEL.replace(
        "    - zone: east_field\n      counts: {ap_blast: 4}", "    - zone: pond_field\n      counts: {ap_blast: 160}"))
    ) == []


def test_a_field_in_the_team_base_or_among_zones_with_a_village(tmp_path):
    path = make_level(tmp_path, LEVEL.replace("    - zone: east_field\n", "    - zone: base\n"))
    found = one(warnings_of(path), "base")
    assert found.startswith(f"L.yaml:{line_of(path, '- zone: base')}:13: warning: the items of zone `base` would "
                            "lie outside every suspected area (it is a team_base): students can send no team")
    assert "name a suspected_area in `zone`" in found
    listed = make_level(tmp_path, LEVEL.replace("    - zone: east_field\n", "    - zone: [east_field, village]\n"))
    found = one(warnings_of(listed), "village")
    assert "the items of zone `village` (when the field lies there) would lie outside every suspected area " \
           "(it is a village)" in found


def test_an_item_placed_on_water_or_outside_every_suspected_area(tmp_path):
    items = "ordnance:\n  items:\n    - {kind: uxo, cell: [4, 3]}\n    - {kind: uxo, cell: [10, 10]}\n  fields:\n"
    path = make_level(tmp_path, LEVEL.replace("ordnance:\n  fields:\n", items))
    found = warnings_of(path)
    water = one(found, "[4, 3]")
    assert water.startswith(f"L.yaml:{line_of(path, '[4, 3]')}:")
    assert "the item on cell [4, 3] lies on water, where no team can search: it can never be found" in water
    outside = one(found, "[10, 10]")
    assert "the item on cell [10, 10] lies outside every suspected area" in outside
    assert "place it inside a suspected_area" in outside
    # inside a suspected area, on land: nothing to say
    inside = make_level(tmp_path, LEVEL.replace("ordnance:\n  fields:\n", items.replace(
        "    - {kind: uxo, cell: [4, 3]}\n    - {kind: uxo, cell: [10, 10]}\n", "    - {kind: uxo, cell: [13, 3]}\n")))
    assert warnings_of(inside) == []


def test_water_in_an_objective_zone_that_holds_items_on_some_runs_only(tmp_path):
    # lakeside: the field lists three zones, one of them over a lake; land_release met the lake
    # shore's objective on half the seeds, while validate said it "cannot be met"
    text = LEVEL.replace("    - zone: east_field\n", "    - zone: [east_field, pond_field]\n").replace(
        "zone: east_field, by_day: 50, text: Return the east field by day 50.",
        "zone: pond_field, by_day: 50, text: Return the pond field by day 50.")
    found = one(warnings_of(make_level(tmp_path, text)), "pond_field")
    assert "objective `Return the pond field by day 50.` cannot be met on the runs where an item field that " \
           "lists `pond_field` among its zones lies in it: 8 cells of zone `pond_field` are water" in found


def test_a_language_code_in_capitals_with_a_region_or_as_a_name(tmp_path):
    for written, hint in [("FR", "write it in small letters: `fr`"),
                          ("fr-FR", "write the language's code alone, without a region: `fr`"),
                          ("French", "write the language's code: `fr`")]:
        path = make_level(tmp_path, LEVEL + f"translations:\n  {written}:\n    title: Le champ\n")
        found = [p.format() for p in check_level(path, shown_as="L.yaml")[1]]
        assert found == [f"L.yaml:{line_of(path, written + ':')}:3: `{written}` is not a language of the game; "
                         f"{hint}"], found


def test_an_unknown_zone_of_a_translation_is_placed_at_its_name(tmp_path):
    # it was placed at the translated name after it (col 25), not at the misspelled zone
    path = make_level(tmp_path, LEVEL + "translations:\n  fr:\n    zones: {east_feild: Champ est}\n")
    found = [p.format() for p in check_level(path, shown_as="L.yaml")[1]]
    assert found == [f"L.yaml:{line_of(path, 'east_feild')}:13: zone `east_feild` is not an object of the map; "
                     "did you mean `east_field`?"], found
