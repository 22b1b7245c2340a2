"""The campaign maps: levels/maps/{fields,school_road,battle,returnees}.tmx.

Imported by tools/make_maps.py, which writes and checks them with the other
maps. Each map serves one lesson of the campaign:

- fields: technical survey of large, open suspected farmland;
- school_road: a deadline on the road to the school, and ground where
  machines (rocky) or dogs (forest) cannot work;
- battle: battle area clearance, with rubble, ruins and scrap;
- returnees: three villages close to many small suspected areas, while
  families come home.

Fictional places, neutral framing; deterministic (fixed seeds).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from make_maps import T, World, value_noise

# ----------------------------------------------------------------- helpers


def shape_mask(w: World, shape: str, geom: tuple) -> np.ndarray:
    """Cells whose centres lie inside a shape given in cells (as the adapter reads it)."""
    cx, cy = w.xx + 0.5, w.yy + 0.5
    if shape == "rect":
        x, y, bw, bh = geom
        return (cx >= x) & (cx <= x + bw) & (cy >= y) & (cy <= y + bh)
    if shape == "ellipse":
        x, y, bw, bh = geom
        return ((cx - x - bw / 2) / (bw / 2)) ** 2 + ((cy - y - bh / 2) / (bh / 2)) ** 2 <= 1.0
    inside = np.zeros((w.h, w.w), dtype=bool)
    pts = list(geom)
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1]):
        if ay == by:
            continue
        crosses = (ay > cy) != (by > cy)
        inside ^= crosses & (cx < ax + (cy - ay) * (bx - ax) / (by - ay))
    return inside


def paint(w: World, mask: np.ndarray, name: str, keep=("water",), variant=None) -> None:
    """Paint terrain on a mask, sparing the terrains in ``keep``."""
    m = mask.copy()
    for k in keep:
        m &= w.terrain != T[k]
    w.terrain[m] = T[name]
    if variant is not None:
        w.variant[m] = variant


def sprinkle(w: World, mask: np.ndarray, name: str, share: float, keep=("water", "road", "building")) -> None:
    """Paint a random share of a mask's cells."""
    paint(w, mask & (w.rng.random((w.h, w.w)) < share), name, keep)


def wander(w: World, pts, amp: float = 1.5, step: float = 3.0) -> list[tuple[float, float]]:
    """A polyline through waypoints with gentle random bends (a track on the ground)."""
    out = [pts[0]]
    for (ax, ay), (bx, by) in pairwise(pts):
        n = max(1, int(np.hypot(bx - ax, by - ay) / step))
        nx, ny = -(by - ay), bx - ax
        norm = max(np.hypot(nx, ny), 1e-9)
        off = 0.0
        for i in range(1, n + 1):
            t = i / n
            off = 0.0 if i == n else 0.6 * off + w.rng.normal(0, amp) * np.sin(np.pi * t)
            out.append((ax + (bx - ax) * t + nx / norm * off, ay + (by - ay) * t + ny / norm * off))
    return out


def strip(pts, half: float) -> tuple:
    """A polygon of a band ``half`` cells either side of a polyline (simple mitre-free offset)."""
    left, right = [], []
    for i, (x, y) in enumerate(pts):
        ax, ay = pts[max(0, i - 1)]
        bx, by = pts[min(len(pts) - 1, i + 1)]
        dx, dy = bx - ax, by - ay
        n = max(np.hypot(dx, dy), 1e-9)
        nx, ny = -dy / n * half, dx / n * half
        left.append((round(x + nx, 1), round(y + ny, 1)))
        right.append((round(x - nx, 1), round(y - ny, 1)))
    return tuple(left + right[::-1])


def noisy_blob_mask(w: World, cx, cy, rx, ry, rough=0.35, cell=6) -> np.ndarray:
    """An irregular patch (a hill, a wood) from an ellipse and noise."""
    d = np.hypot((w.xx - cx) / rx, (w.yy - cy) / ry)
    n = value_noise(w.w, w.h, cell, w.rng)
    return d < 1.0 - rough / 2 + rough * n


def crater(w: World, x, y, r, name="rubble") -> None:
    paint(w, np.hypot(w.xx + 0.5 - x, w.yy + 0.5 - y) <= r, name, keep=("water",))


def house(w: World, x, y, bw=2, bh=2, variant=0) -> None:
    w.rect(x, y, x + bw, y + bh, "building", variant)


def settlement(w: World, cx, cy, r, density=0.8) -> None:
    """A village: houses in yards along two crossing lanes, gardens between them."""
    d = np.hypot(w.xx + 0.5 - cx, (w.yy + 0.5 - cy) * 1.15)
    inside = d <= r * (0.85 + 0.3 * value_noise(w.w, w.h, 3, w.rng))
    paint(w, inside, "grass")
    sprinkle(w, inside, "orchard", 0.18, keep=("water",))
    lots = w.rng.random((w.h, w.w))
    sizes = w.rng.integers(0, 4, (w.h, w.w))
    for y in range(int(cy - r), int(cy + r) + 1, 2):
        for x in range(int(cx - r), int(cx + r) + 1, 2):
            if 0 <= x < w.w and 0 <= y < w.h and inside[y, x] and lots[y, x] < density:
                bw, bh = ((2, 1), (1, 2), (2, 2), (1, 1))[sizes[y, x]]
                m = shape_mask(w, "rect", (x, y, bw, bh)) & inside
                paint(w, m, "building", variant=int(sizes[y, x]))
    w.line([(cx - r, cy + 0.5), (cx + r, cy + 0.5)], "road", 1)
    w.line([(cx + 0.5, cy - r), (cx + 0.5, cy + r)], "road", 1)


# ------------------------------------------------------------------ fields


def fields() -> World:
    """80 x 60: a farming village and three large, open suspected fields (technical survey)."""
    w = World(80, 60, seed=101)
    w.natural(forest=0.66, scrub=0.58, rocky=0.74)
    # the river along the east, and its flood terraces
    river = w.river((68, -1), (64, 61), 3.0, seed_bend=2.2, steps=50)
    # open country in the middle: fields and meadows, a wood only on the edges
    w.rect(4, 2, 62, 58, "grass")
    # west_meadow: rolling grass, a few bushes and wet hollows
    meadow = ((3, 4), (17, 2.5), (27, 5), (28, 14), (27.5, 26), (22, 31), (9, 31), (3, 24), (2, 13))
    m = shape_mask(w, "poly", meadow)
    sprinkle(w, m & (value_noise(80, 60, 5, w.rng) > 0.62), "scrub", 0.5)
    # long_field: a long patchwork of crops south of the road
    w.fields(6, 37, 52, 55, size=(5, 8))
    # river_terraces: strips of crops and orchard stepping down to the water
    band_y = 6
    terr = ((50, 4), (60, 4), (62, 20), (61, 36), (58, 54), (48, 54), (50, 40), (52, 22))
    tm = shape_mask(w, "poly", terr)
    while band_y < 56:
        h = int(w.rng.integers(3, 6))
        rows = (w.yy >= band_y) & (w.yy < band_y + h - 1)
        kind = "orchard" if w.rng.random() < 0.3 else "farmland"
        paint(w, tm & rows, kind, variant=None if kind == "orchard" else int(w.rng.integers(0, 4)))
        band_y += h
    # village, fields round it, roads
    w.fields(28, 2, 48, 9, size=(3, 5))
    settlement(w, 38, 19, 8.5)
    road = wander(w, [(-1, 33), (14, 33.5), (30, 31), (38, 24), (38, 20)], amp=0.8)
    w.line(road, "road", 1.4)
    w.line(wander(w, [(38, 20), (48, 18), (58, 20), (66, 21), (80, 22)], amp=0.6), "road", 1.3)  # ford road
    w.line(wander(w, [(38, 20), (40, 8), (44, -1)], amp=0.6), "road", 1.0)
    w.line([(31, 31), (30, 36), (29, 56)], "road", 1.0)  # farm track across long_field
    w.line([(4.5, 47), (4.5, 33)], "road", 1.0)           # track from the base
    w.rect(41, 17, 44, 19, "building", 1)  # school
    w.rect(2, 47, 7, 52, "road")          # base yard
    near = min(river, key=lambda p: abs(p[1] - 30))
    w.add("harrowmere", "village", "poly", w.blob(38, 19, 10, 8.5, 10), population=700)
    w.add("west_meadow", "suspected_area", "poly", meadow)
    w.add("long_field", "suspected_area", "rect", (8, 38, 40, 16))
    w.add("river_terraces", "suspected_area", "poly", terr)
    w.add("harrowmere_school", "feature", "rect", (41, 17, 3, 2), feature="school")
    w.add("harrowmere_well", "feature", "point", (35, 23), feature="well")
    w.add("field_road", "feature", "poly", strip(road[3:], 1.0), feature="road")
    w.add("river_water_point", "feature", "point", (int(near[0]) - 2, 30), feature="water_point")
    w.add("base_south", "team_base", "rect", (2, 47, 5, 5))
    return w


# ------------------------------------------------------------- school_road


def school_road() -> World:
    """90 x 60: the road from the children's village to the school crosses a suspected strip."""
    w = World(90, 60, seed=202)
    w.natural(forest=0.7, scrub=0.6, rocky=0.8)
    # a rocky ridge north of the road, a forest south of it
    ridge = noisy_blob_mask(w, 45, 12, 17, 10, rough=0.5, cell=5)
    paint(w, ridge, "rocky")
    sprinkle(w, ridge & ~noisy_blob_mask(w, 45, 12, 11, 6, rough=0.4), "scrub", 0.35)
    wood = noisy_blob_mask(w, 42, 47, 22, 12, rough=0.4, cell=6)
    paint(w, wood, "forest")
    sprinkle(w, wood & ~noisy_blob_mask(w, 42, 48, 18, 9), "scrub", 0.5)
    # a stream from the ridge down through the wood
    w.line(wander(w, [(58, 21), (58, 30), (62, 40), (60, 61)], amp=0.7), "water", 1.2)
    # the two villages and their land
    w.fields(2, 34, 18, 50, size=(3, 6))
    w.fields(72, 6, 88, 20, size=(3, 6))
    settlement(w, 12, 26, 7)   # pell_hollow, where the children live
    settlement(w, 78, 30, 6)   # dunmere, with the school
    # open pasture east of the wood: machines shine here
    pasture = ((64, 38), (84, 38), (86, 50), (80, 57), (66, 56), (63, 47))
    paint(w, shape_mask(w, "poly", pasture), "grass", keep=("water",))
    # the road between the villages, and the two shortcuts children use
    road = wander(w, [(18, 26.5), (30, 28), (42, 27), (54, 28.5), (66, 29), (73, 30.5)], amp=0.7, step=4)
    w.line(road, "road", 1.4)
    w.line([(-1, 26.5), (8, 26.5)], "road", 1.4)
    w.line([(83, 30.5), (91, 31)], "road", 1.2)
    short = wander(w, [(16, 21), (28, 15), (44, 11), (60, 16), (74, 25)], amp=0.5)
    w.line(short, "road", 0.9)
    fpath = wander(w, [(16, 32), (26, 42), (40, 48), (54, 46), (64, 38), (73, 34)], amp=0.5)
    w.line(fpath, "road", 0.9)
    w.rect(80, 25, 84, 28, "building", 2)  # school
    w.rect(2, 52, 8, 57, "road")          # base yard
    w.line([(5, 52), (5, 40), (4, 27)], "road", 1.0)
    verges = shape_mask(w, "poly", strip([p for p in road if 30 <= p[0] <= 55], 3.0))
    sprinkle(w, verges, "scrub", 0.45)   # overgrown verges: no one has cut them since
    # objects
    mid = [p for p in road if 30 <= p[0] <= 55]
    w.add("pell_hollow", "village", "poly", w.blob(12, 26, 8.5, 8, 10), population=520)
    w.add("dunmere", "village", "poly", w.blob(78, 30, 7.5, 7, 10), population=380)
    w.add("dunmere_school", "feature", "rect", (80, 25, 4, 3), feature="school")
    w.add("school_road", "feature", "poly", strip(mid, 1.0), feature="road")
    w.add("road_verges", "suspected_area", "poly", strip(mid, 3.0))
    rs = [p for p in short if 30 <= p[0] <= 62]
    w.add("rocky_shortcut", "suspected_area", "poly", strip(rs, 3.0))
    fp = [p for p in fpath if 26 <= p[0] <= 58]
    w.add("forest_path", "suspected_area", "poly", strip(fp, 3.0))
    w.add("open_pasture", "suspected_area", "poly", pasture)
    w.add("pell_hollow_well", "feature", "point", (9, 30), feature="well")
    w.add("base_west", "team_base", "rect", (2, 52, 6, 5))
    return w


# ------------------------------------------------------------------ battle


def battle() -> World:
    """96 x 72: a former front line across farmland: rubble, ruins, trenches, scrap."""
    w = World(96, 72, seed=303)
    w.natural(forest=0.66, scrub=0.56, rocky=0.73)
    # a river in the south-west, the village and its fields beside it
    river = w.river((-1, 46), (36, 73), 2.6, seed_bend=2.0, steps=40)
    w.fields(34, 48, 60, 70, size=(4, 7))
    settlement(w, 28, 54, 7.5)
    # the battle area: abandoned fields gone to scrub, trenches, craters, ruins
    ba = ((20, 14), (44, 8), (70, 10), (86, 20), (84, 36), (66, 42), (42, 38), (24, 34), (14, 24))
    bam = shape_mask(w, "poly", ba)
    w.fields(22, 10, 84, 40, size=(5, 9))  # what the land was
    scr = bam & (value_noise(96, 72, 6, w.rng) > 0.4)
    paint(w, scr, "scrub", keep=("water",))
    sprinkle(w, bam, "grass", 0.15)
    # the line of trenches, zigzagging across the area
    trench = [(16, 26)]
    for i in range(1, 18):
        x = 16 + i * 4
        trench.append((x, 28 - i * 0.6 + (2.0 if i % 2 else -2.0)))
    w.line(trench, "rubble", 1.2)
    second = [(30, 18)] + [(30 + i * 4, 16 + (1.5 if i % 2 else -1.5)) for i in range(1, 12)]
    w.line(second, "rubble", 1.0)
    for _ in range(30):  # shell craters
        x, y = w.rng.uniform(20, 84), w.rng.uniform(12, 42)
        if bam[int(y), int(x)]:
            crater(w, x, y, w.rng.uniform(0.6, 1.8))
    # a ruined hamlet inside the area
    for x, y in [(52, 30), (55, 29), (58, 31), (53, 33), (57, 34), (61, 30)]:
        house(w, x, y, 2, 2, 3)
    paint(w, shape_mask(w, "ellipse", (49, 26, 16, 12)) & (w.rng.random((72, 96)) < 0.55),
          "rubble", keep=("water", "building"))
    # the destroyed farm, west of the battle area
    w.rect(4, 30, 16, 42, "farmland", 2)
    w.rect(6, 32, 14, 40, "rubble")
    house(w, 7, 33, 3, 2, 3)
    house(w, 11, 36, 2, 3, 3)
    sprinkle(w, shape_mask(w, "rect", (4, 30, 12, 12)), "scrub", 0.2, keep=("water", "building"))
    # firing positions on a rocky rise to the north-east
    rise = noisy_blob_mask(w, 86, 8, 10, 7, rough=0.4, cell=4)
    paint(w, rise, "rocky")
    sprinkle(w, rise, "scrub", 0.3)
    for x, y in [(82, 6), (86, 10), (90, 7), (84, 12)]:
        crater(w, x, y, 1.0)
    # roads: from the village through the battle area (the supply road) to the north-east
    old = wander(w, [(28, 54), (32, 46), (40, 40), (52, 32), (60, 28), (74, 20), (84, 12)], amp=0.5)
    w.line(old, "road", 1.3)  # the old road, straight across the battle area
    # the supply road ran behind the lines to the firing positions
    supply = wander(w, [(30, 47), (44, 45.5), (60, 45.5), (72, 44), (84, 40.5), (90, 32), (91, 18), (89, 14)], amp=0.4)
    w.line(supply, "road", 1.0)
    sprinkle(w, shape_mask(w, "poly", strip([p for p in supply if p[0] >= 36], 2.5)), "scrub", 0.35)
    w.line(wander(w, [(28, 54), (48, 58), (70, 64), (97, 66)], amp=0.8), "road", 1.4)
    w.line(wander(w, [(28, 54), (12, 48), (-1, 44)], amp=0.6), "road", 1.2)
    w.line([(10, 47), (10, 42)], "road", 1.0)  # farm lane
    w.line(trench, "rubble", 1.2)
    w.line(second, "rubble", 1.0)
    paint(w, np.hypot(w.xx - 58, w.yy - 29) < 1.6, "rubble", keep=("water",))  # a crater on the road
    w.rect(30, 50, 33, 52, "building", 0)   # clinic
    w.rect(86, 60, 92, 65, "road")          # base yard
    near = min(river, key=lambda p: np.hypot(p[0] - 28, p[1] - 54))
    w.add("greyrill", "village", "poly", w.blob(28, 54, 10.5, 9, 12), population=900)
    w.add("battle_area", "suspected_area", "poly", ba)
    w.add("destroyed_farm", "suspected_area", "rect", (4, 30, 12, 12))
    w.add("firing_positions", "suspected_area", "poly", w.blob(86, 8, 8, 6, 9))
    w.add("supply_road", "suspected_area", "poly", strip([p for p in supply if p[0] >= 36], 2.5))
    w.add("greyrill_clinic", "feature", "rect", (30, 50, 3, 2), feature="clinic")
    w.add("greyrill_water_point", "feature", "point", (int(near[0]) + 2, int(near[1]) - 1), feature="water_point")
    w.add("base_east", "team_base", "rect", (86, 60, 6, 5))
    return w


# --------------------------------------------------------------- returnees


RETURNEE_VILLAGES = [  # name, centre, radius, population
    ("wrenfold", (30, 14), 5, 260), ("osmer_mill", (56, 40), 6, 580), ("vellin", (34, 66), 4.5, 170),
]


def returnees() -> World:
    """100 x 80: three villages people are coming back to, many small suspected areas."""
    w = World(100, 80, seed=404)
    w.natural(forest=0.64, scrub=0.56, rocky=0.72)
    river = w.river((70, -1), (78, 81), 3.0, seed_bend=3.0, steps=50)
    stream = wander(w, [(-1, 44), (20, 42), (40, 44), (52, 42), (64, 42), (73, 40)], amp=0.6)
    w.line(stream, "water", 1.2)  # the mill stream
    for name, (cx, cy), r, _ in RETURNEE_VILLAGES:
        w.fields(int(cx - 3 * r), int(cy - 2 * r), int(cx + 3 * r), int(cy + 2.5 * r), size=(3, 6))
    for name, (cx, cy), r, _ in RETURNEE_VILLAGES:
        settlement(w, cx, cy, r)
    v = {n: c for n, c, _, _ in RETURNEE_VILLAGES}
    mill_road = wander(w, [v["wrenfold"], (44, 26), v["osmer_mill"]], amp=0.8)
    w.line(mill_road, "road", 1.3)
    w.line(wander(w, [v["osmer_mill"], (46, 54), v["vellin"]], amp=0.8), "road", 1.3)
    w.line(wander(w, [v["wrenfold"], (10, 10), (-1, 8)], amp=0.6), "road", 1.2)
    w.line(wander(w, [v["osmer_mill"], (71, 38), (90, 36), (101, 34)], amp=0.5), "road", 1.3)  # bridge road
    w.line(wander(w, [v["vellin"], (20, 74), (8, 81)], amp=0.5), "road", 1.0)
    # footpaths to water and pasture
    wf_path = wander(w, [(33, 14), (44, 12), (56, 11), (68, 12)], amp=0.4)
    w.line(wf_path, "road", 0.8)
    om_path = wander(w, [(56, 44), (58, 52), (66, 58), (74, 60)], amp=0.4)
    w.line(om_path, "road", 0.8)
    ve_path = wander(w, [(30, 66), (22, 60), (16, 54), (14, 46)], amp=0.4)
    w.line(ve_path, "road", 0.8)
    w.rect(40, 34, 47, 39, "orchard")
    w.rect(58, 35, 61, 37, "building", 1)  # school
    w.rect(48, 40, 50, 42, "building", 2)  # the mill on the stream
    w.rect(92, 39, 98, 44, "road")         # base yard
    w.line([(95, 35), (95, 39)], "road", 1.0)
    ww = min(river, key=lambda p: abs(p[1] - 12))
    om = min(river, key=lambda p: abs(p[1] - 60))
    for name, (cx, cy), r, pop in RETURNEE_VILLAGES:
        w.add(name, "village", "poly", w.blob(cx, cy, r + 1.5, r + 1, 10), population=pop)
    w.add("osmer_school", "feature", "rect", (58, 35, 3, 2), feature="school")
    w.add("wrenfold_water_point", "feature", "point", (int(ww[0]) - 2, 12), feature="water_point")
    w.add("osmer_water_point", "feature", "point", (int(om[0]) - 2, 60), feature="water_point")
    w.add("vellin_spring", "feature", "point", (14, 45), feature="water_point")
    w.add("osmer_well", "feature", "point", (54, 43), feature="well")
    # the small suspected areas (20-150 cells each)
    w.add("wrenfold_water_path", "suspected_area", "poly", strip([p for p in wf_path if 46 <= p[0] <= 64], 1.6))
    north_field, pasture = (24, 1, 9, 6), w.blob(14, 22, 6, 4.5, 8)
    paint(w, shape_mask(w, "rect", north_field), "farmland", keep=("road", "water"), variant=1)
    paint(w, shape_mask(w, "poly", pasture), "grass", keep=("road", "water"))
    sprinkle(w, shape_mask(w, "poly", pasture), "scrub", 0.12)
    w.add("wrenfold_north_field", "suspected_area", "rect", north_field)
    w.add("wrenfold_pasture", "suspected_area", "poly", pasture)
    w.add("mill_road_bend", "suspected_area", "poly", strip([p for p in mill_road if 21 <= p[1] <= 29], 2.0))
    w.add("mill_orchard", "suspected_area", "rect", (40, 34, 7, 5))
    w.add("osmer_water_path", "suspected_area", "poly", strip([p for p in om_path if p[1] >= 50 and p[0] <= 71], 1.6))
    w.add("osmer_east_plots", "suspected_area", "poly", w.blob(64, 48, 4.5, 3.5, 8))
    bank = [p for p in stream if 22 <= p[0] <= 37]  # the north bank, where cattle drink
    w.add("stream_bank", "suspected_area", "poly",
          tuple((round(x, 1), round(y - 0.7, 1)) for x, y in bank) + tuple((round(x, 1), round(y - 4.7, 1)) for x, y in bank[::-1]))
    w.add("vellin_spring_path", "suspected_area", "poly", strip([p for p in ve_path if p[1] <= 60], 1.6))
    paint(w, shape_mask(w, "rect", (36, 72, 10, 5)) & (w.terrain >= T["forest"]), "farmland", keep=("road", "water"), variant=2)
    w.add("vellin_south_field", "suspected_area", "rect", (36, 72, 10, 5))
    w.add("bridge_approach", "suspected_area", "ellipse", (80, 32, 9, 7))
    w.add("base_east", "team_base", "rect", (92, 39, 6, 5))
    return w


CAMPAIGN = (("fields", fields), ("school_road", school_road), ("battle", battle), ("returnees", returnees))
