"""Generate the bundled Tiled maps: levels/maps/{tutorial,valley,sector}.tmx here, and
the campaign maps {fields,school_road,battle,returnees}.tmx in tools/maps_campaign.py.

Fictional geography (river, roads, fields, villages, forest, rocky hills) from
value noise with fixed seeds, painted with the tiles of terrain.tsx (run
tools/make_tileset.py first), plus an object layer ``zones`` with suspected
areas, villages, features and team bases. Deterministic: re-running rewrites
the same files. Afterwards each map is loaded through the game's adapter and
every object is printed with its class and cell bounds, for writing levels.

    python tools/make_maps.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "levels" / "maps"
TILE = 32
VARIANTS = 4  # tiles per terrain row in terrain.tsx
NAMES = list(yaml.safe_load((ROOT / "game/catalogue/defaults.yaml").read_text())["terrain"])
T = {n: i for i, n in enumerate(NAMES)}


def value_noise(w: int, h: int, cell: float, rng: np.random.Generator, octaves: int = 3) -> np.ndarray:
    """Smooth noise in [0, 1]: random values on a coarse lattice, bilinearly
    interpolated (smoothstep), summed over octaves."""
    total = np.zeros((h, w))
    amp, norm = 1.0, 0.0
    for _ in range(octaves):
        gw, gh = int(w / cell) + 2, int(h / cell) + 2
        lattice = rng.random((gh, gw))
        ys, xs = np.arange(h) / cell, np.arange(w) / cell
        y0, x0 = ys.astype(int), xs.astype(int)
        fy, fx = ys - y0, xs - x0
        fy, fx = (fy * fy * (3 - 2 * fy))[:, None], (fx * fx * (3 - 2 * fx))[None, :]
        a = lattice[np.ix_(y0, x0)]
        b = lattice[np.ix_(y0, x0 + 1)]
        c = lattice[np.ix_(y0 + 1, x0)]
        d = lattice[np.ix_(y0 + 1, x0 + 1)]
        total += amp * ((a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy)
        norm += amp
        amp, cell = amp / 2, max(1.0, cell / 2)
    return total / norm


@dataclass
class Obj:
    """An object to write: shape in cells ('rect' x,y,w,h; 'poly' points; 'point' x,y; 'ellipse')."""

    name: str
    kind: str
    shape: str
    geom: tuple
    props: dict = field(default_factory=dict)


class World:
    """A map being painted: terrain and variant per cell, and the objects."""

    def __init__(self, w: int, h: int, seed: int):
        self.w, self.h = w, h
        self.rng = np.random.default_rng(seed)
        self.terrain = np.full((h, w), T["grass"], dtype=np.int64)
        self.variant = self.rng.integers(0, VARIANTS, (h, w))
        self.objects: list[Obj] = []
        self.yy, self.xx = np.mgrid[0:h, 0:w]

    # painting -------------------------------------------------------------
    def natural(self, forest=0.68, scrub=0.6, rocky=0.72) -> None:
        """Scrub and forest from one noise field, rocky hills from another."""
        veg = value_noise(self.w, self.h, 14, self.rng)
        hills = value_noise(self.w, self.h, 18, self.rng)
        self.terrain[veg > scrub] = T["scrub"]
        self.terrain[veg > forest] = T["forest"]
        self.terrain[hills > rocky] = T["rocky"]

    def rect(self, x0, y0, x1, y1, name, variant=None) -> None:
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(self.w, x1), min(self.h, y1)
        self.terrain[y0:y1, x0:x1] = T[name]
        if variant is not None:
            self.variant[y0:y1, x0:x1] = variant

    def line(self, pts, name, width=1.0, wobble=0.0) -> None:
        """Paint cells within width/2 of a polyline given in cells."""
        mask = np.zeros((self.h, self.w), dtype=bool)
        cx, cy = self.xx + 0.5, self.yy + 0.5
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            dx, dy = bx - ax, by - ay
            t = np.clip(((cx - ax) * dx + (cy - ay) * dy) / max(dx * dx + dy * dy, 1e-9), 0, 1)
            d = np.hypot(cx - (ax + t * dx), cy - (ay + t * dy))
            mask |= d <= width / 2
        self.terrain[mask] = T[name]

    def river(self, start, end, width, seed_bend=3.0, steps=40) -> list[tuple[float, float]]:
        """A meandering river from start to end; returns its centre line."""
        (ax, ay), (bx, by) = start, end
        phase = self.rng.random() * 6.28
        pts = []
        nx, ny = -(by - ay), (bx - ax)
        norm = np.hypot(nx, ny)
        for i in range(steps + 1):
            t = i / steps
            off = seed_bend * np.sin(t * 9 + phase) + seed_bend * 0.5 * np.sin(t * 23 + phase * 2)
            pts.append((ax + (bx - ax) * t + nx / norm * off, ay + (by - ay) * t + ny / norm * off))
        self.line(pts, "water", width)
        return pts

    def village(self, cx, cy, r, density=0.55) -> None:
        """Houses in a rough disc, with dusty lanes between them."""
        d = np.hypot(self.xx - cx, (self.yy - cy) * 1.15)
        inside = d <= r * (0.85 + 0.3 * self.rng.random((self.h, self.w)))
        houses = inside & (self.rng.random((self.h, self.w)) < density)
        self.terrain[inside & (self.terrain != T["water"])] = T["grass"]
        self.terrain[houses & (self.terrain != T["water"])] = T["building"]
        self.line([(cx - r, cy + 0.5), (cx + r, cy + 0.5)], "road", 1)
        self.line([(cx + 0.5, cy - r), (cx + 0.5, cy + r)], "road", 1)

    def fields(self, x0, y0, x1, y1, size=(5, 9)) -> None:
        """A patchwork of farmland plots, one crop (tile variant) per plot."""
        y = y0
        while y < y1:
            ph = int(self.rng.integers(*size))
            x = x0
            while x < x1:
                pw = int(self.rng.integers(size[0] + 1, size[1] + 3))
                kind = "orchard" if self.rng.random() < 0.12 else "farmland"
                self.rect(x, y, min(x + pw, x1) - (1 if x + pw < x1 else 0),
                          min(y + ph, y1) - (1 if y + ph < y1 else 0), kind,
                          None if kind == "orchard" else int(self.rng.integers(0, VARIANTS)))
                x += pw
            y += ph

    # objects --------------------------------------------------------------
    def add(self, name, kind, shape, geom, **props) -> None:
        self.objects.append(Obj(name, kind, shape, geom, props))

    def blob(self, cx, cy, rx, ry, n=8) -> tuple:
        """An irregular polygon around (cx, cy), radii in cells."""
        pts = []
        for i in range(n):
            a = 2 * np.pi * i / n + self.rng.random() * 0.4
            k = 0.7 + 0.45 * self.rng.random()
            pts.append((round(cx + np.cos(a) * rx * k, 1), round(cy + np.sin(a) * ry * k, 1)))
        return tuple(pts)

    # output -----------------------------------------------------------------
    def tmx(self) -> str:
        gids = 1 + self.terrain * VARIANTS + self.variant
        rows = [",".join(str(g) for g in row) for row in gids]
        head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" tiledversion="1.10.2" '
                f'orientation="orthogonal" renderorder="right-down" width="{self.w}" height="{self.h}" '
                f'tilewidth="{TILE}" tileheight="{TILE}" infinite="0" nextlayerid="3" '
                f'nextobjectid="{len(self.objects) + 1}">\n'
                f' <tileset firstgid="1" source="terrain.tsx"/>\n'
                f' <layer id="1" name="terrain" width="{self.w}" height="{self.h}">\n'
                f'  <data encoding="csv">\n' + ",\n".join(rows) + "\n</data>\n </layer>\n"
                f' <objectgroup id="2" name="zones">\n')
        body = [self._object(i + 1, o) for i, o in enumerate(self.objects)]
        return head + "".join(body) + " </objectgroup>\n</map>\n"

    @staticmethod
    def _object(oid: int, o: Obj) -> str:
        px = lambda v: f"{v * TILE:g}"  # noqa: E731
        attrs = f'id="{oid}" name={quoteattr(o.name)} type="{o.kind}"'
        inner = []
        if o.props:
            inner.append("   <properties>\n")
            for k, v in o.props.items():
                if isinstance(v, int):
                    inner.append(f'    <property name="{k}" type="int" value="{v}"/>\n')
                else:
                    inner.append(f'    <property name="{k}" propertytype="feature_kind" value="{v}"/>\n')
            inner.append("   </properties>\n")
        if o.shape in ("rect", "ellipse"):
            x, y, w, h = o.geom
            attrs += f' x="{px(x)}" y="{px(y)}" width="{px(w)}" height="{px(h)}"'
            if o.shape == "ellipse":
                inner.append("   <ellipse/>\n")
        elif o.shape == "point":
            x, y = o.geom
            attrs += f' x="{px(x + 0.5)}" y="{px(y + 0.5)}"'
            inner.append("   <point/>\n")
        else:
            x0, y0 = o.geom[0]
            attrs += f' x="{px(x0)}" y="{px(y0)}"'
            pts = " ".join(f"{px(x - x0)},{px(y - y0)}" for x, y in o.geom)
            inner.append(f'   <polygon points="{pts}"/>\n')
        if not inner:
            return f"  <object {attrs}/>\n"
        return f"  <object {attrs}>\n" + "".join(inner) + "  </object>\n"


# ------------------------------------------------------------------- the maps


def tutorial() -> World:
    """40 x 30: one village by a river, three small suspected areas."""
    w = World(40, 30, seed=11)
    w.natural(forest=0.64, scrub=0.56, rocky=0.72)
    w.rect(7, 1, 32, 29, "grass")  # keep the middle calm: open ground for the lesson
    w.fields(4, 19, 14, 28, size=(4, 6))
    w.rect(24, 15, 31, 22, "orchard")
    w.river((34, -1), (33, 31), 2.6, seed_bend=1.6)
    w.village(18, 13, 4.5)
    w.line([(0, 13.5), (13, 13.5)], "road", 1.2)           # track from the west
    w.line([(18.5, 9), (18.5, 2), (25, 0)], "road", 1)     # lane north
    w.line([(16, 17), (12, 21), (9.5, 23.5)], "road", 1)   # path to the well
    w.rect(20, 11, 22, 13, "building", 0)                  # the school
    w.rect(2, 12, 6, 16, "grass")
    w.rect(2, 13, 6, 15, "road")
    w.add("lindenholm", "village", "poly", w.blob(18, 13, 5.5, 5), population=420)
    w.add("north_pasture", "suspected_area", "rect", (12, 2, 12, 5))
    w.add("orchard_edge", "suspected_area", "poly", ((24, 15), (31, 15.5), (31.5, 22), (26, 22.5), (24, 19)))
    w.add("well_path", "suspected_area", "poly", ((9, 22), (12, 19.5), (16, 16.5), (17, 17.5), (13, 21.5), (10, 24.5)))
    w.add("school", "feature", "rect", (20, 11, 2, 2), feature="school")
    w.add("well", "feature", "point", (9, 23), feature="well")
    w.add("base_west", "team_base", "rect", (2, 12, 4, 4))
    return w


def valley() -> World:
    """96 x 72: a river valley with two villages and a bridge between them."""
    w = World(96, 72, seed=23)
    w.natural(forest=0.64, scrub=0.56, rocky=0.7)
    w.rect(70, 0, 96, 20, "grass")
    hills = value_noise(96, 72, 10, w.rng) * (np.hypot(w.xx - 88, w.yy - 6) < 22)
    w.terrain[hills > 0.45] = T["rocky"]
    w.fields(14, 12, 40, 36)
    w.fields(56, 38, 86, 60)
    river = w.river((50, -1), (46, 73), 3.2, seed_bend=4)
    w.village(26, 24, 6)
    w.village(70, 46, 5.5)
    w.line([(0, 62), (14, 52), (22, 34), (26, 24), (30, 8), (36, -1)], "road", 1.4)   # west road
    w.line([(26, 26), (44, 33), (58, 40), (70, 46), (90, 56), (96, 58)], "road", 1.4)  # bridge road
    w.line([(70, 46), (66, 62), (60, 72)], "road", 1.0)
    w.rect(28, 21, 30, 23, "building", 1)   # school
    w.rect(72, 43, 74, 45, "building", 3)   # clinic
    near = min(river, key=lambda p: abs(p[1] - 52))
    w.add("brannock", "village", "poly", w.blob(26, 24, 7.5, 6.5, 10), population=1150)
    w.add("ashgrove", "village", "poly", w.blob(70, 46, 7, 6, 10), population=640)
    w.add("brannock_fields", "suspected_area", "rect", (14, 31, 11, 6))
    w.add("north_orchards", "suspected_area", "poly", ((18, 8), (30, 6), (33, 12), (25, 15), (16, 13)))
    w.add("river_crossing", "suspected_area", "poly", ((40, 29), (47, 30), (54, 35), (55, 40), (48, 39), (41, 34)))
    w.add("bridge_road", "feature", "poly", ((43, 31.5), (57, 38.5), (56.5, 40.5), (42.5, 33.5)), feature="road")
    w.add("hill_positions", "suspected_area", "poly", w.blob(84, 12, 8, 6, 9))
    w.add("ash_east_fields", "suspected_area", "rect", (78, 48, 8, 9))
    w.add("ash_south_track", "suspected_area", "poly", ((64, 54), (69, 54), (66, 64), (61, 66), (62, 59)))
    w.add("forest_edge", "suspected_area", "poly", ((2, 36), (10, 34), (12, 44), (6, 50), (1, 46)))
    w.add("pump_station", "suspected_area", "ellipse", (near[0] - 7, 49, 6, 5))
    w.add("old_checkpoint", "suspected_area", "rect", (88, 54, 5, 4))
    w.add("brannock_school", "feature", "rect", (28, 21, 2, 2), feature="school")
    w.add("ashgrove_clinic", "feature", "rect", (72, 43, 2, 2), feature="clinic")
    w.add("ashgrove_well", "feature", "point", (75, 50), feature="well")
    w.add("river_water_point", "feature", "point", (int(near[0]) - 2, 52), feature="water_point")
    w.add("base_south", "team_base", "rect", (2, 60, 5, 4))
    return w


SECTOR_VILLAGES = [  # name, centre, radius, population
    ("hollin", (40, 44), 7, 1800), ("marrowby", (122, 30), 6, 950),
    ("tessaly", (206, 52), 7, 1400), ("corve", (64, 150), 6, 700),
    ("duneth", (150, 132), 8, 2300), ("ravensted", (200, 212), 6, 860),
]
AREA_WORDS = ["north_fields", "south_fields", "orchard", "pasture", "track", "ditch",
              "woodline", "east_plots", "west_plots"]


def sector() -> World:
    """256 x 256: six villages, a road network, a river, a battle area across the middle."""
    w = World(256, 256, seed=37)
    w.natural(forest=0.63, scrub=0.55, rocky=0.71)
    river = w.river((-1, 96), (257, 176), 3.6, seed_bend=9, steps=80)
    w.line([(p[0] + 40, p[1] + 70) for p in river[10:40]], "water", 1.2)  # a stream
    front = [(0, 118), (60, 106), (110, 110), (160, 96), (210, 104), (256, 92)]
    band = np.zeros((256, 256), dtype=bool)
    for (ax, ay), (bx, by) in zip(front, front[1:]):
        t = np.clip((w.xx - ax) / (bx - ax), 0, 1)
        band |= (w.xx >= ax) & (w.xx <= bx) & (np.abs(w.yy - (ay + t * (by - ay))) < 6)
    scars = band & (w.rng.random((256, 256)) < 0.5) & (w.terrain != T["water"])
    w.terrain[scars] = T["scrub"]
    w.terrain[band & (w.rng.random((256, 256)) < 0.12) & (w.terrain != T["water"])] = T["rubble"]
    for name, (cx, cy), r, _ in SECTOR_VILLAGES:
        w.fields(cx - 3 * r, cy - 2 * r, cx + 3 * r, cy + 3 * r)
    centres = {n: c for n, c, _, _ in SECTOR_VILLAGES}
    links = [("hollin", "marrowby"), ("marrowby", "tessaly"), ("hollin", "corve"),
             ("corve", "duneth"), ("duneth", "tessaly"), ("duneth", "ravensted"),
             ("marrowby", "duneth")]
    for a, b in links:
        (ax, ay), (bx, by) = centres[a], centres[b]
        mid = ((ax + bx) / 2 + w.rng.normal(0, 6), (ay + by) / 2 + w.rng.normal(0, 6))
        w.line([(ax, ay), mid, (bx, by)], "road", 1.4)
    w.line([(0, 40), centres["hollin"]], "road", 1.4)
    w.line([centres["ravensted"], (256, 230)], "road", 1.4)
    w.line([centres["tessaly"], (230, 0)], "road", 1.2)
    for name, (cx, cy), r, pop in SECTOR_VILLAGES:
        w.village(cx, cy, r)
    w.rect(92, 104, 112, 116, "rubble")  # the ruined farm at the crossing
    w.rect(95, 107, 99, 110, "building", 3)
    for name, (cx, cy), r, pop in SECTOR_VILLAGES:
        w.add(name, "village", "poly", w.blob(cx, cy, r + 1.5, r + 1, 10), population=pop)
    # suspected areas: four around each village, then the battle area and roads
    count = 0
    for vi, (name, (cx, cy), r, _) in enumerate(SECTOR_VILLAGES):
        words = list(w.rng.choice(AREA_WORDS, 4, replace=False))
        for k, word in enumerate(words):
            a = 2 * np.pi * (k + 0.3 * w.rng.random()) / 4
            dx, dy = np.cos(a) * (r + 9), np.sin(a) * (r + 8)
            sx, sy = int(w.rng.integers(4, 12)), int(w.rng.integers(3, 9))
            if (k + vi) % 2:
                w.add(f"{name}_{word}", "suspected_area", "rect",
                      (int(cx + dx - sx / 2), int(cy + dy - sy / 2), sx, sy))
            else:
                w.add(f"{name}_{word}", "suspected_area", "poly", w.blob(cx + dx, cy + dy, sx / 2 + 1, sy / 2 + 1))
            count += 1
    w.add("battle_area", "suspected_area", "poly",
          ((60, 100), (110, 103), (160, 90), (172, 96), (160, 104), (112, 118), (60, 114), (52, 108)))
    w.add("ruined_farm", "suspected_area", "rect", (90, 102, 24, 16))
    w.add("west_front_trenches", "suspected_area", "poly", w.blob(24, 114, 14, 5, 9))
    w.add("east_front_trenches", "suspected_area", "poly", w.blob(222, 100, 16, 5, 9))
    w.add("river_ford", "suspected_area", "ellipse", (116, 126, 10, 8))
    w.add("ridge_observation_post", "suspected_area", "poly", w.blob(236, 150, 7, 7, 7))
    w.add("forest_cache", "suspected_area", "rect", (170, 176, 9, 7))
    w.add("duneth_ravensted_road", "feature", "poly",
          ((160, 150), (190, 196), (194, 194), (164, 148)), feature="road")
    w.add("hollin_school", "feature", "rect", (42, 42, 2, 2), feature="school")
    w.add("duneth_school", "feature", "rect", (152, 130, 2, 2), feature="school")
    w.add("tessaly_school", "feature", "rect", (208, 50, 2, 2), feature="school")
    w.add("duneth_clinic", "feature", "rect", (147, 134, 2, 2), feature="clinic")
    w.add("marrowby_clinic", "feature", "rect", (124, 28, 2, 2), feature="clinic")
    w.add("duneth_market", "feature", "rect", (149, 129, 3, 2), feature="market")
    for name, (cx, cy), r, _ in SECTOR_VILLAGES[:4]:
        w.add(f"{name}_well", "feature", "point", (cx - 2, cy + r - 1), feature="well")
    w.add("corve_water_point", "feature", "point", (70, 160), feature="water_point")
    w.add("base_west", "team_base", "rect", (2, 36, 6, 5))
    w.add("base_east", "team_base", "rect", (246, 226, 6, 5))
    for x, y, b, h in [(42, 42, 2, 2), (152, 130, 2, 2), (208, 50, 2, 2), (147, 134, 2, 2),
                       (124, 28, 2, 2), (2, 36, 6, 5), (246, 226, 6, 5)]:
        w.rect(x, y, x + b, y + h, "building" if b == 2 else "road", None)
    return w


def write_project() -> None:
    """levels/minerisk.tiled-project: the classes and lists a trainer picks from in Tiled.

    Tiled does not save a class member left at its default value, so the enums
    default to "" (nothing chosen): the adapter then reports a missing value
    instead of silently reading a default it never saw.
    """
    from game.level.model import FEATURE_KINDS

    def enum(i, name, values):
        return {"id": i, "name": name, "type": "enum", "storageType": "string",
                "values": list(values), "valuesAsFlags": False}

    def cls(i, name, colour, use_as, members, fill=True):
        return {"id": i, "name": name, "type": "class", "useAs": use_as, "color": colour,
                "drawFill": fill, "members": members}

    types = [
        enum(1, "terrain_kind", NAMES),
        enum(2, "feature_kind", FEATURE_KINDS),
        cls(3, "suspected_area", "#ffd03030", ["object"], []),
        cls(4, "village", "#fff0f0f0", ["object"],
            [{"name": "population", "type": "int", "value": 0}], fill=False),
        cls(5, "feature", "#ff3070e0", ["object"],
            [{"name": "feature", "type": "string", "propertyType": "feature_kind", "value": ""}]),
        cls(6, "team_base", "#fff0c800", ["object"], []),
        cls(7, "terrain_tile", "#ff70a050", ["tile"],
            [{"name": "terrain", "type": "string", "propertyType": "terrain_kind", "value": ""}]),
    ]
    project = {"automappingRulesFile": "", "commands": [], "compatibilityVersion": 1100,
               "extensionsPath": "extensions", "folders": ["."], "properties": [],
               "propertyTypes": types}
    (ROOT / "levels" / "minerisk.tiled-project").write_text(
        json.dumps(project, indent=4) + "\n", encoding="utf-8")


def main() -> int:
    from game.level.tmx_adapter import load_map

    write_project()

    # the campaign maps (fields, school_road, battle, returnees)
    from maps_campaign import CAMPAIGN

    for name, make in (("tutorial", tutorial), ("valley", valley), ("sector", sector)) + CAMPAIGN:
        world = make()
        path = OUT / f"{name}.tmx"
        path.write_text(world.tmx(), encoding="utf-8")
        data = load_map(path, NAMES, shown_as=f"levels/maps/{name}.tmx")
        counts = np.bincount(data.terrain.ravel(), minlength=len(NAMES))
        print(f"\n## {name}.tmx: {data.width} x {data.height} cells; terrain: "
              + ", ".join(f"{n} {c}" for n, c in zip(NAMES, counts) if c))
        for o in data.objects:
            ys, xs = np.nonzero(o.mask)
            extra = "".join(f" {k}={v}" for k, v in o.properties.items())
            print(f"- {o.name}: {o.kind} ({o.shape}) cells x {xs.min()}-{xs.max()}, "
                  f"y {ys.min()}-{ys.max()}, {o.area_cells} cells{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
