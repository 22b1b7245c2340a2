"""Writing Tiled maps and level folders from code: the start of a trainer's own level.

:func:`write_map` writes a ``.tmx`` map (CSV tile layer, the bundled
``terrain.tsx`` tileset, one ``zones`` object layer) the way Tiled 1.8 and
later write it, so Tiled opens it and the game reads it. :func:`new_level`
makes a ready level folder for ``minerisk new``: a commented level file, a
small map with a village, a team base and two suspected areas, the tileset
and its image, and the Tiled project; it validates as it is, without
warnings. No pytmx here.
"""

from __future__ import annotations

import re
import shutil
import xml.parsers.expat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import quoteattr

from game.catalogue import load_defaults
from game.paths import levels_dir

TILE_PX = 32
TILESET_FILES = ("terrain.tsx", "terrain.png")
PROJECT_FILE = "minerisk.tiled-project"


@dataclass(frozen=True, slots=True)
class ZoneShape:
    """An object to draw on the map, in cells: a rectangle ``(x, y, w, h)``, a polygon
    (``points``: corners in cells), or a point (``w = h = 0``)."""

    name: str
    kind: str  # suspected_area, village, feature or team_base
    x: float
    y: float
    w: float = 0
    h: float = 0
    points: tuple[tuple[float, float], ...] = ()
    properties: dict[str, str | int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def tile_of_terrain() -> dict[str, int]:
    """The first tile id of each terrain in the bundled tileset (``terrain.tsx``)."""
    found: dict[str, int] = {}
    tile: list[int] = []

    def start(tag, attrs):
        if tag == "tile":
            tile[:] = [int(attrs["id"])]
        elif tag == "property" and attrs.get("name") == "terrain" and tile:
            found.setdefault(attrs["value"], tile[0])

    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = start
    parser.Parse((levels_dir() / "maps" / "terrain.tsx").read_bytes(), True)
    return found


_INT = ' type="int"'


def _object_xml(i: int, z: ZoneShape) -> str:
    px = TILE_PX
    head = (f'  <object id="{i}" name={quoteattr(z.name)} type="{z.kind}" '
            f'x="{z.x * px:g}" y="{z.y * px:g}"')
    if z.w and z.h and not z.points:
        head += f' width="{z.w * px:g}" height="{z.h * px:g}"'
    inner = ""
    if z.properties:
        props = "".join(
            f'    <property name={quoteattr(k)}{_INT if isinstance(v, int) else ""} '
            f'value={quoteattr(str(v))}/>\n' for k, v in z.properties.items())
        inner += f"   <properties>\n{props}   </properties>\n"
    if z.points:
        pts = " ".join(f"{(px_ - z.x) * px:g},{(py - z.y) * px:g}" for px_, py in z.points)
        inner += f'   <polygon points="{pts}"/>\n'
    elif not (z.w and z.h):
        inner += "   <point/>\n"
    return f"{head}>\n{inner}  </object>\n" if inner else f"{head}/>\n"


def map_xml(terrain: list[list[str]], zones: list[ZoneShape], tileset: str = "terrain.tsx") -> str:
    """A Tiled map as text: ``terrain`` holds a terrain name per cell, row by row."""
    tiles = tile_of_terrain()
    height, width = len(terrain), len(terrain[0])
    rows = [",".join(str(tiles[name] + 1) for name in row) for row in terrain]
    objects = "".join(_object_xml(i, z) for i, z in enumerate(zones, start=1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" '
        f'width="{width}" height="{height}" tilewidth="{TILE_PX}" tileheight="{TILE_PX}" infinite="0" '
        f'nextlayerid="3" nextobjectid="{len(zones) + 1}">\n'
        f' <tileset firstgid="1" source={quoteattr(tileset)}/>\n'
        f' <layer id="1" name="terrain" width="{width}" height="{height}">\n'
        '  <data encoding="csv">\n' + ",\n".join(rows) + "\n</data>\n </layer>\n"
        f' <objectgroup id="2" name="zones">\n{objects} </objectgroup>\n</map>\n')


def write_map(path: Path, terrain: list[list[str]], zones: list[ZoneShape], with_tileset: bool = True) -> Path:
    """Write a map, and (``with_tileset``) copy the bundled tileset and its image beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(map_xml(terrain, zones), encoding="utf-8")
    if with_tileset:
        for name in TILESET_FILES:
            shutil.copyfile(levels_dir() / "maps" / name, path.parent / name)
    return path


def grid(width: int, height: int, base: str = "grass") -> list[list[str]]:
    """A terrain grid of one terrain, to paint on (``grid[y][x] = "road"``)."""
    return [[base] * width for _ in range(height)]


# ------------------------------------------------------------ minerisk new

NEW_WIDTH, NEW_HEIGHT = 40, 30
ID_OK = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
#: Names Windows keeps for devices: no file or folder may be called so (with any ending).
WINDOWS_NAMES = frozenset(["con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                           *(f"lpt{i}" for i in range(1, 10))])

LEVEL_TEMPLATE = """\
# yaml-language-server: $schema=level.schema.json
# A Mine Risk level (format 1). Every key is explained in docs/level-authoring.md;
# team rates and costs are in docs/catalogue.md. Check it with:
#     minerisk validate {folder}
format: 1
# a unique short name: lower-case letters, digits, - and _
id: {id}
title: {title}
difficulty: 1                 # 1 (first steps) to 5 (hardest)
imas: ["07.11", "08.10"]      # IMAS topics, in quotes
briefing: |
  What the student reads before playing: the place, the people, what is
  feared and what is asked of them.
debrief: |
  A closing message after the level: what it taught.
# the map, drawn in Tiled (open minerisk.tiled-project in Tiled first)
map: maps/{id}.tmx
cell_size_m: 10               # metres per map cell
days: 60
budget_usd: 150000            # the starting teams cost US${daily:,.0f} a day
seed: 1                       # the same seed gives the same hidden truth
teams:
  start:                      # named nts-1, manual-1, ... in this order
    - {{type: nts, count: 1, base: base}}
    - {{type: manual, count: 1, base: base}}
  hire: [manual, eore]        # what the student may hire
ordnance:
  fields:                     # items generated inside a map object
    - zone: east_field
      counts: {{ap_blast: 4, ap_frag: 1}}
      layout: cluster         # rows, cluster or scatter
villages:
  - name: village
    population: 300
objectives:
  - {{kind: release_zone, zone: east_field, by_day: 50, text: Return the east field by day 50.}}
  - {{kind: no_casualties, text: Keep people safe.}}
events:
  - {{day: 3, kind: report, zone: east_field, message: A farmer saw a mine near the east field.}}
"""


def new_map_zones() -> tuple[list[list[str]], list[ZoneShape]]:
    """The blank map of a new level: grass with a road and a stream, a village, a base and two
    suspected areas (one holds the level's items, one is only rumoured)."""
    terrain = grid(NEW_WIDTH, NEW_HEIGHT)
    for x in range(NEW_WIDTH):
        terrain[15][x] = "road"
    for y in range(NEW_HEIGHT):
        terrain[y][33] = "water"
    for y in range(4, 11):
        for x in range(20, 30):
            terrain[y][x] = "farmland"
    zones = [
        ZoneShape("village", "village", 6, 10, 6, 4, properties={"population": 300, "title": "The village"}),
        ZoneShape("base", "team_base", 2, 16, 3, 3, properties={"title": "Team base"}),
        ZoneShape("east_field", "suspected_area", 20, 4, 10, 7, properties={"title": "East field"}),
        ZoneShape("north_scrub", "suspected_area", 8, 1, 0, 0,
                  points=((8, 1), (16, 1), (17, 6), (9, 7)), properties={"title": "North scrub"}),
    ]
    return terrain, zones


def new_level(name: str, parent: Path) -> Path:
    """Make the folder ``parent/name`` with a level that validates as it is; return the level file.

    Raises FileExistsError when the folder exists and is not empty, ValueError
    for a name that cannot be a level id.
    """
    level_id = name.strip().lower().replace(" ", "_")
    if not ID_OK.fullmatch(level_id):
        raise ValueError(f"`{name}` cannot be a level name: use letters, digits, - and _ (e.g. east_valley)")
    if level_id in WINDOWS_NAMES:
        raise ValueError(f"`{name}` cannot be a level name: Windows keeps it for a device, so a folder or "
                         "file of that name cannot be copied to a Windows computer; choose another name")
    folder = parent / level_id
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} already exists and is not empty")
    terrain, zones = new_map_zones()
    write_map(folder / "maps" / f"{level_id}.tmx", terrain, zones)
    shutil.copyfile(levels_dir() / PROJECT_FILE, folder / PROJECT_FILE)
    from .format import json_schema_text

    (folder / "level.schema.json").write_text(json_schema_text(), encoding="utf-8")
    title = level_id.replace("_", " ").replace("-", " ").capitalize()
    teams = load_defaults()["teams"]
    daily = sum(float(teams[t]["cost_per_day_usd"]) for t in ("nts", "manual"))
    text = LEVEL_TEMPLATE.format(id=level_id, title=title, folder=folder.name, daily=daily)
    level = folder / f"{level_id}.yaml"
    level.write_text(text, encoding="utf-8")
    return level
