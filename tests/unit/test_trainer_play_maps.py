"""Maps and level files a trainer edited by hand (/tmp/trainer_play, issue 11): each mistake gets one
``FILE:LINE:COL: what is wrong; hint`` in the trainer's words, never the map loader's own words
("invalid literal for int() with base 10") or a hint that sends them to the wrong file."""

from __future__ import annotations

import pytest

from game.cli import main
from game.level import check_level
from tests.unit.test_playability import LEVEL, line_of as level_line, make_level
from tests.unit.test_tmx_adapter import line_of, only, prop, rect, tmx


def test_a_tile_number_no_tileset_holds(tmp_path):
    # a cell of the terrain layer set to 99 by hand (the tileset holds tiles 1-4): it read "tile 98 of
    # tileset 't' has no 'terrain' property", placed in the tileset, with "select the tile" as the hint
    path = tmx(tmp_path, data=[1] * 6 + [99] + [1] * 5)
    p = only(path, "cell (2, 1) of layer 'terrain' uses tile number 99, which no tileset of the map holds "
                   "(its tiles are numbered 1-4)")
    assert p.file == "m.tmx" and p.line == line_of(path, "<layer")
    assert "paint them again with the map's tileset" in p.hint
    many = tmx(tmp_path, data=[1] * 6 + [99, 99] + [1] * 4)
    assert "2 cells (the first (2, 1)) of layer 'terrain' use tile number 99" in only(many, "99").message


@pytest.mark.parametrize("type_,value,wanted", [("int", "about 120", "a whole number"),
                                                ("float", "1,5", "a number"), ("bool", "yes", "true or false")])
def test_a_typed_property_whose_value_is_not_of_its_type(tmp_path, type_, value, wanted):
    # population type="int" value="about 120": it read "Tiled map could not be read: invalid literal
    # for int() with base 10: 'about 120'; open and re-save the map in Tiled", at the map's first line
    path = tmx(tmp_path, rect("hamlet", "village", props=prop("population", value, type_)))
    p = only(path, f"property 'population' of object 'hamlet' is of type {type_} but holds '{value}'")
    assert p.line == line_of(path, 'name="population"')
    assert f"write {wanted} as its value" in p.hint


@pytest.mark.parametrize("event,shown", [
    ("{day: 10, kind: weather, weather: hail, duration_days: 2, message: Hail.}", "unknown weather kind `hail`"),
    ("{day: 10, kind: funding, amount_usd: -20000 USD, message: Cut.}", "must be a whole number, not the text"),
])
def test_a_wrong_value_is_not_also_said_to_be_missing(tmp_path, event, shown):
    # it also read "a `weather` event needs `weather`" under "unknown weather kind `hail`"
    path = make_level(tmp_path, LEVEL + f"events:\n  - {event}\n")
    assert main(["validate", str(path)]) == 1
    found = [p.format() for p in check_level(path, shown_as="L.yaml")[1]]
    assert len(found) == 1 and shown in found[0], found
    missing = make_level(tmp_path, LEVEL + "events:\n  - {day: 10, kind: weather, message: Hail.}\n")
    found = [p.format() for p in check_level(missing, shown_as="L.yaml")[1]]
    assert found == [f"L.yaml:{level_line(missing, 'kind: weather')}:5: a `weather` event needs `weather`"]


@pytest.mark.parametrize("name", ["con", "CON", "nul", "com1", "lpt9"])
def test_new_refuses_a_name_windows_keeps(tmp_path, capsys, name):
    assert main(["new", name, "--dir", str(tmp_path)]) == 2
    assert "Windows keeps it for a device" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_a_map_path_with_backslashes_and_capitals_at_once(tmp_path):
    # `Maps\Lakeside.tmx` for maps/lakeside.tmx: the hint gave `Maps/Lakeside.tmx`, which is not found either
    path = make_level(tmp_path, LEVEL.replace("map: maps/pond.tmx", "map: Maps\\Pond.tmx"))
    found = [p.format() for p in check_level(path, shown_as="L.yaml")[1]]
    assert len(found) == 1, found
    assert "write `/` between folders, not `\\`: `maps/pond.tmx` (that file exists: capital and small letters " \
           "differ" in found[0]


@pytest.mark.parametrize("written,hint", [("kh", "did you mean `km` (Khmer)?"),
                                          ("ua", "did you mean `uk` (Ukrainian)?"),
                                          ("fra", "did you mean `fr` (French)?")])
def test_a_country_code_or_three_letter_code_for_a_language(tmp_path, written, hint):
    # `kh` (Cambodia's country code) for Khmer listed every language with no word of `km`
    path = make_level(tmp_path, LEVEL + f"translations:\n  {written}:\n    title: T\n")
    found = [p.format() for p in check_level(path, shown_as="L.yaml")[1]]
    assert found == [f"L.yaml:{level_line(path, written + ':')}:3: `{written}` is not a language of the game; "
                     f"{hint}"], found
