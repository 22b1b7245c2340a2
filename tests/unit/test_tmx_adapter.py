"""The Tiled adapter: shipped maps load, and every map convention a trainer can
break comes back as one clear Problem with its file, line and a Tiled hint."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from game.level.errors import LevelError, Problem
from game.level.tmx_adapter import load_map, load_tile_art

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "levels" / "maps"
NAMES = tuple(yaml.safe_load((ROOT / "game/catalogue/defaults.yaml").read_text())["terrain"])

TILESET = """ <tileset firstgid="1" name="t" tilewidth="{ts}" tileheight="{ts}" tilecount="4" columns="4">
  <image source="t.png" width="{w}" height="{ts}"/>
  <tile id="0">
   <properties>
    <property name="terrain" value="grass"/>
   </properties>
  </tile>
  <tile id="1">
   <properties>
    <property name="terrain" value="road"/>
   </properties>
  </tile>
  <tile id="3">
   <properties>
    <property name="colour" value="red"/>
   </properties>
  </tile>
 </tileset>
"""


def tmx(tmp_path: Path, objects: str = "", *, w: int = 4, h: int = 3, tile: int = 32,
        tileheight: int | None = None, orientation: str = "orthogonal", infinite: str = "0",
        tileset: str | None = None, layers: str | None = None, data: list[int] | None = None,
        layer_name: str = "terrain", name: str = "m.tmx") -> Path:
    """Write a small Tiled 1.10 map (grass and road tiles) and return its path."""
    cells = data if data is not None else [1] * (w * h)
    rows = [",".join(str(g) for g in cells[r * w:(r + 1) * w]) for r in range(h)]
    layer = (f' <layer id="1" name="{layer_name}" width="{w}" height="{h}">\n'
             f'  <data encoding="csv">\n' + ",\n".join(rows) + "\n</data>\n </layer>\n")
    text = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<map version="1.10" orientation="{orientation}" renderorder="right-down" '
            f'width="{w}" height="{h}" tilewidth="{tile}" tileheight="{tileheight or tile}" '
            f'infinite="{infinite}">\n'
            + (tileset if tileset is not None else TILESET.format(ts=tile, w=4 * tile))
            + (layers if layers is not None else layer)
            + f' <objectgroup id="2" name="zones">\n{objects} </objectgroup>\n</map>\n')
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    """1-based line of the first line of ``path`` containing ``fragment``."""
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path}")


def problems(path: Path, shown_as: str | None = "m.tmx") -> list[Problem]:
    with pytest.raises(LevelError) as info:
        load_map(path, NAMES, shown_as=shown_as)
    return info.value.problems


def only(path: Path, fragment: str, shown_as: str | None = "m.tmx") -> Problem:
    """The one problem of ``path``, checked to contain ``fragment`` and a hint."""
    found = problems(path, shown_as)
    assert len(found) == 1, [p.format() for p in found]
    assert fragment in found[0].message, found[0].format()
    assert found[0].hint
    return found[0]


def rect(name="area", kind="suspected_area", x=0, y=0, w=64, h=64, props="", attrs="") -> str:
    inner = f"   <properties>\n{props}   </properties>\n" if props else ""
    head = f'  <object id="9" name="{name}" type="{kind}" x="{x}" y="{y}" width="{w}" height="{h}"{attrs}'
    return f"{head}>\n{inner}  </object>\n" if inner else f"{head}/>\n"


def prop(name: str, value: str, type_: str = "") -> str:
    t = f' type="{type_}"' if type_ else ""
    return f'    <property name="{name}"{t} value="{value}"/>\n'


# ---------------------------------------------------------------- shipped maps


@pytest.mark.parametrize("name, size", [("tutorial", (40, 30)), ("valley", (96, 72)),
                                        ("sector", (256, 256))])
def test_shipped_maps_load(name, size):
    data = load_map(MAPS / f"{name}.tmx", NAMES)
    assert (data.width, data.height) == size and data.tile_px == 32
    assert data.terrain.shape == (size[1], size[0]) and data.terrain.dtype == np.uint8
    assert data.terrain.max() < len(NAMES)
    assert {NAMES[i] for i in np.unique(data.terrain)} >= {"grass", "road", "water", "building"}
    kinds = {o.kind for o in data.objects}
    assert kinds == {"suspected_area", "village", "feature", "team_base"}
    for o in data.objects:
        assert o.mask.shape == data.terrain.shape and o.area_cells > 0
        assert o.where is not None and o.where.line > 1
    for v in data.objects_of("village"):
        assert isinstance(v.properties["population"], int)


def test_tutorial_objects():
    data = load_map(MAPS / "tutorial.tmx", NAMES)
    assert {o.name for o in data.objects} == {
        "lindenholm", "north_pasture", "orchard_edge", "well_path", "school", "well", "base_west"}
    well = data.object_named("well")
    assert well.shape == "point" and well.area_cells == 1 and well.properties["feature"] == "well"
    pasture = data.object_named("north_pasture")
    assert pasture.shape == "rectangle" and pasture.area_cells == 12 * 5
    assert data.object_named("orchard_edge").shape == "polygon"
    assert NAMES[data.terrain[13, 0]] == "road"


def test_sector_size_and_battle_area():
    data = load_map(MAPS / "sector.tmx", NAMES)
    assert len(data.objects_of("suspected_area")) >= 25
    assert len(data.objects_of("village")) >= 5 and len(data.objects_of("team_base")) == 2
    assert data.object_named("battle_area").area_cells > 1000


def test_tile_art_of_tutorial():
    art = load_tile_art(MAPS / "tutorial.tmx")
    assert art.tile_px == 32 and (art.width, art.height) == (40, 30)
    (name, grid), = art.layers
    assert name == "terrain" and grid.dtype == np.int32 and grid.shape == (30, 40)
    assert grid.min() >= 0 and grid.max() < len(art.tiles)
    for tile in art.tiles:
        assert tile.image.is_absolute() and tile.image.is_file()
        x, y, w, h = tile.rect
        assert w == h == 32 and x + w <= 128 and y + h <= 32 * len(NAMES)


# ------------------------------------------------------------------- shapes


def test_masks_of_each_shape(tmp_path):
    objects = (rect("box", x=32, y=0, w=64, h=64)
               + '  <object id="2" name="tri" type="suspected_area" x="0" y="0">\n'
                 '   <polygon points="0,0 128,0 0,96"/>\n  </object>\n'
               + '  <object id="3" name="oval" type="village" x="0" y="0" width="128" height="96">\n'
                 '   <ellipse/>\n  </object>\n'
               + '  <object id="4" name="spot" type="team_base" x="100" y="70">\n'
                 '   <point/>\n  </object>\n')
    data = load_map(tmx(tmp_path, objects), NAMES)
    assert data.object_named("box").mask.astype(int).tolist() == [[0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]]
    assert data.object_named("tri").mask.astype(int).tolist() == [[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0]]
    assert data.object_named("oval").mask.astype(int).tolist() == [[0, 1, 1, 0], [1, 1, 1, 1], [0, 1, 1, 0]]
    assert data.object_named("spot").mask.astype(int).tolist() == [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]
    assert data.object_named("oval").properties == {}


def test_polygon_uses_even_odd_rule(tmp_path):
    # a 5x5 square drawn twice around a 1-cell square: the inner one is a hole
    pts = "0,0 160,0 160,160 0,160 0,0 64,64 96,64 96,96 64,96 64,64"
    objects = ('  <object id="1" name="ring" type="suspected_area" x="0" y="0">\n'
               f'   <polygon points="{pts}"/>\n  </object>\n')
    mask = load_map(tmx(tmp_path, objects, w=5, h=5, data=[1] * 25), NAMES).object_named("ring").mask
    assert mask.sum() == 24 and not mask[2, 2]


def test_one_tile_layer_not_named_terrain_is_used(tmp_path):
    data = load_map(tmx(tmp_path, layer_name="ground", data=[1, 2] * 6), NAMES)
    assert [NAMES[i] for i in data.terrain[0]] == ["grass", "road", "grass", "road"]


def test_tiled_1_9_class_attribute(tmp_path):
    objects = '  <object id="1" name="v" class="village" x="0" y="0" width="32" height="32"/>\n'
    assert load_map(tmx(tmp_path, objects), NAMES).object_named("v").kind == "village"


# ------------------------------------------------------------ the conventions


def test_non_orthogonal(tmp_path):
    p = only(tmx(tmp_path, orientation="isometric"), "orthogonal")
    assert (p.file, p.line, p.col) == ("m.tmx", 2, 1) and "Orientation" in p.hint


def test_infinite(tmp_path):
    p = only(tmx(tmp_path, infinite="1"), "infinite")
    assert p.line == 2 and "Infinite" in p.hint


def test_tiles_not_square(tmp_path):
    assert only(tmx(tmp_path, tileheight=16), "square").line == 2


def test_tileset_tile_size_differs(tmp_path):
    path = tmx(tmp_path, tileset=TILESET.format(ts=16, w=64))
    assert only(path, "16 x 16").line == line_of(path, "<tileset")


def test_map_too_large(tmp_path):
    path = tmx(tmp_path, w=3000, h=2, data=[1, 1])
    assert only(path, "3000 x 2 cells").line == 2


def test_no_layer_named_terrain(tmp_path):
    layer = ' <layer id="{i}" name="{n}" width="4" height="3">\n  <data encoding="csv">\n' \
            + ",\n".join(["1,1,1,1"] * 3) + "\n</data>\n </layer>\n"
    path = tmx(tmp_path, layers=layer.format(i=1, n="ground") + layer.format(i=3, n="decor"))
    p = only(path, "no tile layer named 'terrain'")
    assert p.line == 2 and "Layers panel" in p.hint


def test_cell_without_tile(tmp_path):
    path = tmx(tmp_path, data=[1] * 5 + [0] + [1] * 6)
    p = only(path, "cell (1, 1) of layer 'terrain' has no tile")
    assert p.line == line_of(path, "<layer")


def test_tile_without_terrain_property(tmp_path):
    path = tmx(tmp_path, data=[1] * 10 + [3, 4])
    found = problems(path)
    assert [p.message for p in found] == [
        "tile 2 of tileset 't' has no 'terrain' property (used on 1 cell)",
        "tile 3 of tileset 't' has no 'terrain' property (used on 1 cell)"]
    assert found[0].line == line_of(path, "<tileset")      # no <tile> element at all
    assert found[1].line == line_of(path, '<tile id="3"')  # a tile with other properties
    assert "grass" in found[0].hint


def test_unknown_terrain_value(tmp_path):
    path = tmx(tmp_path, tileset=TILESET.format(ts=32, w=128).replace('"road"', '"raod"'),
               data=[2] * 12)
    p = only(path, "terrain 'raod', which is not a known terrain")
    assert p.line == line_of(path, '<tile id="1"') and "did you mean 'road'" in p.hint


def test_template_not_detached(tmp_path):
    path = tmx(tmp_path, '  <object id="1" template="zone.tx" x="0" y="0"/>\n')
    p = only(path, "template 'zone.tx'")
    assert p.line == line_of(path, "template=") and p.col == 3 and "Detach Template" in p.hint


def test_object_without_name(tmp_path):
    path = tmx(tmp_path, rect(name=""))
    assert only(path, "has no name").line == line_of(path, "<object id")


def test_duplicate_names(tmp_path):
    path = tmx(tmp_path, rect("twin") + rect("twin", x=64))
    first = line_of(path, 'name="twin"')
    p = only(path, "'twin' is used twice")
    assert p.line == first + 1 and f"line {first}" in p.message


def test_unknown_class(tmp_path):
    p = only(tmx(tmp_path, rect(kind="vilage")), "class 'vilage'")
    assert "did you mean 'village'" in p.hint


def test_missing_class(tmp_path):
    assert "Class" in only(tmx(tmp_path, rect(kind="")), "has no class").hint


@pytest.mark.parametrize("value, type_", [("-5", "int"), ("many", "")])
def test_bad_population(tmp_path, value, type_):
    path = tmx(tmp_path, rect("v", "village", props=prop("population", value, type_)))
    assert only(path, "population").line == line_of(path, "<object id")


def test_population_optional_and_cast(tmp_path):
    objects = rect("a", "village") + rect("b", "village", x=64, props=prop("population", "12"))
    data = load_map(tmx(tmp_path, objects), NAMES)
    assert "population" not in data.object_named("a").properties
    assert data.object_named("b").properties["population"] == 12


def test_feature_without_kind(tmp_path):
    p = only(tmx(tmp_path, rect("f", "feature")), "no 'feature' property")
    assert "school" in p.hint


def test_feature_of_unknown_kind(tmp_path):
    p = only(tmx(tmp_path, rect("f", "feature", props=prop("feature", "shcool"))), "'shcool'")
    assert "did you mean 'school'" in p.hint


@pytest.mark.parametrize("name", ["x", "name", "class", "visible"])
def test_property_named_like_builtin(tmp_path, name):
    path = tmx(tmp_path, rect(props=prop(name, "1")))
    p = only(path, f"custom property '{name}'")
    assert (p.line, p.col) == (line_of(path, f'<property name="{name}"'), 5)
    assert "rename" in p.hint


def test_layer_property_named_like_builtin(tmp_path):
    layer = (' <layer id="1" name="terrain" width="4" height="3">\n  <properties>\n'
             '   <property name="opacity" value="2"/>\n  </properties>\n  <data encoding="csv">\n'
             + ",\n".join(["1,1,1,1"] * 3) + "\n</data>\n </layer>\n")
    path = tmx(tmp_path, layers=layer)
    assert only(path, "custom property 'opacity'").line == line_of(path, '"opacity"')


def test_object_covering_no_cell(tmp_path):
    path = tmx(tmp_path, rect(x=36, y=36, w=8, h=8))
    assert "Point" in only(path, "covers no cell").hint


def test_object_outside_map(tmp_path):
    only(tmx(tmp_path, rect(x=400, y=0)), "lies outside the map (4 x 3 cells)")


def test_rotated_object(tmp_path):
    only(tmx(tmp_path, rect(attrs=' rotation="30"')), "is rotated")


def test_polyline_is_not_an_area(tmp_path):
    objects = ('  <object id="1" name="line" type="suspected_area" x="0" y="0">\n'
               '   <polyline points="0,0 64,64"/>\n  </object>\n')
    only(tmx(tmp_path, objects), "polyline object")


def test_all_problems_at_once(tmp_path):
    path = tmx(tmp_path, rect("", "vilage") + rect("f", "feature", x=64), data=[0] + [1] * 11)
    assert len(problems(path)) == 4


def test_missing_file(tmp_path):
    p = only(tmp_path / "nope.tmx", "map file not found", shown_as=None)
    assert (p.file, p.line, p.col) == (str(tmp_path / "nope.tmx"), 1, 1)


def test_directory_is_not_a_map(tmp_path):
    only(tmp_path, "map file not found")


def test_not_xml(tmp_path):
    path = tmp_path / "m.tmx"
    path.write_bytes(b"\x89PNG not a map")
    p = only(path, "not valid XML")
    assert p.line == 1


def test_xml_syntax_error_line(tmp_path):
    path = tmx(tmp_path, rect())
    text = path.read_text().replace('<object id="9"', '<object id="9" name=oops')
    path.write_text(text)
    p = only(path, "not valid XML")
    assert p.line == line_of(path, "name=oops") and p.col > 1


def test_not_a_map(tmp_path):
    path = tmp_path / "m.tmx"
    path.write_text('<?xml version="1.0"?>\n<tileset name="t"/>\n')
    only(path, "not a Tiled map")


def test_external_tileset_missing(tmp_path):
    path = tmx(tmp_path, tileset=' <tileset firstgid="1" source="gone.tsx"/>\n')
    p = only(path, "external tileset 'gone.tsx' is missing")
    assert p.line == 3


def test_external_tileset_problem_points_into_tsx(tmp_path):
    tsx = TILESET.format(ts=32, w=128).replace(' firstgid="1"', "").replace('"grass"', '"grasss"')
    (tmp_path / "t.tsx").write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + tsx)
    path = tmx(tmp_path, tileset=' <tileset firstgid="1" source="t.tsx"/>\n')
    p = only(path, "terrain 'grasss'")
    assert p.file == "t.tsx" and p.line == line_of(tmp_path / "t.tsx", '<tile id="0"')


def test_whatever_pytmx_raises_becomes_a_problem(tmp_path):
    path = tmx(tmp_path)
    # CSV numbers declared as zlib data: pytmx fails to decompress them
    path.write_text(path.read_text().replace('encoding="csv"', 'encoding="base64" compression="zlib"'))
    assert only(path, "Tiled map could not be read").line == 2


# ----------------------------------------------------------------- the seam


def test_only_the_adapter_imports_pytmx():
    pattern = re.compile(r"^\s*(import|from)\s+pytmx\b|import_module\(['\"]pytmx", re.M)
    users = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                   if pattern.search(p.read_text(encoding="utf-8")))
    assert users == ["game/level/tmx_adapter.py"]


def test_adapter_does_not_import_pygame():
    code = ("import sys; import game.level.tmx_adapter as t; "
            "from pathlib import Path; assert 'pygame' not in sys.modules, 'pygame imported'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_layer_of_wrong_size(tmp_path):
    path = tmx(tmp_path, data=[1] * 10)  # two cells short
    assert only(path, "does not hold 4 x 3 cells").line == line_of(path, "<layer")


def test_tiled_project_lists_the_model():
    import json

    from game.level.model import FEATURE_KINDS, ZONE_CLASSES

    types = {t["name"]: t for t in json.loads((ROOT / "levels/minerisk.tiled-project").read_text())["propertyTypes"]}
    assert set(ZONE_CLASSES) | {"terrain_tile"} <= set(types)
    assert types["feature_kind"]["values"] == list(FEATURE_KINDS)
    assert types["terrain_kind"]["values"] == list(NAMES)
    assert all(types[c]["useAs"] == ["object"] for c in ZONE_CLASSES)
    assert types["terrain_tile"]["useAs"] == ["tile"]


def test_tile_art_image_paths_exist_when_the_map_path_is_relative(monkeypatch):
    from game.paths import levels_dir

    monkeypatch.chdir(levels_dir().parent)
    art = load_tile_art(Path(levels_dir().name) / "maps" / "tutorial.tmx")
    assert art.tiles and all(Path(t.image).is_file() for t in art.tiles)
