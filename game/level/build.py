"""Build the scenario a simulation starts from: place the hidden ordnance and
scrap metal with the run's seed, resolve villages, mark the suspected land.

Everything random here comes from one ``numpy.random.Generator`` made from
the seed, so the same level and seed always give the same truth.
"""

from __future__ import annotations

import numpy as np

from game.catalogue import load_defaults

from .model import ITEM_DTYPE, LevelSpec, MapData, MapObject, Scenario, Village

#: Sub-stream labels, so adding a kind of randomness here never shifts another.
_STREAM_ITEMS, _STREAM_CLUTTER, _STREAM_FIELD_ZONES = 1, 2, 3


def truth_rng(seed: int, stream: int) -> np.random.Generator:
    """A generator for one part of the truth, derived from the run's seed."""
    return np.random.default_rng(np.random.SeedSequence(entropy=seed, spawn_key=(0, stream)))


def _zone_cells(obj: MapObject, ground: np.ndarray | None = None) -> np.ndarray:
    """The cells of a zone, as (x, y) rows; only those on ``ground`` (a bool grid) when the zone has any."""
    mask = obj.mask if ground is None or not (obj.mask & ground).any() else obj.mask & ground
    ys, xs = np.nonzero(mask)
    return np.stack([xs, ys], axis=1)


def searchable_ground(level: LevelSpec, level_map: MapData) -> np.ndarray:
    """Cells some clearance asset of the catalogue can work (not water): generated items lie there, so every
    item of a field can be found and cleared by someone (a trainer places an item elsewhere by its cell)."""
    terrain = level.catalogue["terrain"]
    columns = {t.get("terrain_speed") for t in level.catalogue["teams"].values() if t.get("works_on") == "clearance"}
    columns.discard(None)
    workable = np.array([any(float(terrain.get(name, {}).get(col, 1.0)) > 0 for col in columns) if columns else True
                         for name in level_map.terrain_names] or [True])
    return workable[np.asarray(level_map.terrain, dtype=np.intp)]


def _scatter(cells: np.ndarray, n: int, rng: np.random.Generator, shape: dict) -> np.ndarray:
    return cells[rng.integers(0, len(cells), size=n)]


def _rows(cells: np.ndarray, n: int, rng: np.random.Generator, shape: dict) -> np.ndarray:
    """A patterned minefield: clusters of ``items_per_cluster`` items (one cell each) spaced along a few
    parallel lines across the zone."""
    horizontal = bool(rng.integers(0, 2))
    along, across = (0, 1) if horizontal else (1, 0)
    lines = np.unique(cells[:, across])
    n_rows = int(min(len(lines), max(1, min(4, n // 6 + 1))))
    spacing = max(1, len(lines) // (n_rows + 1))
    start = int(rng.integers(0, max(1, len(lines) - spacing * (n_rows - 1))))
    chosen = lines[start::spacing][:n_rows]
    on_rows = cells[np.isin(cells[:, across], chosen)]
    on_rows = on_rows[np.lexsort((on_rows[:, along], on_rows[:, across]))]
    if len(on_rows) == 0:
        return _scatter(cells, n, rng, shape)
    per_cluster = max(1, int(shape["items_per_cluster"]))
    clusters = -(-n // per_cluster)
    step = max(1, len(on_rows) // clusters)
    picks = ((np.arange(n) // per_cluster) * step + int(rng.integers(0, step))) % len(on_rows)
    return on_rows[picks]


def _cluster(cells: np.ndarray, n: int, rng: np.random.Generator, shape: dict) -> np.ndarray:
    """Groups of items around a few centres ("mines come in groups"), ``spread_cells`` across (one standard
    deviation)."""
    n_groups = max(1, min(len(cells), n // 8 + 1))
    centres = cells[rng.choice(len(cells), size=n_groups, replace=False)]
    group = rng.integers(0, n_groups, size=n)
    wanted = centres[group] + np.rint(rng.normal(0.0, shape["spread_cells"], size=(n, 2))).astype(np.int64)
    # keep an item where it fell if that cell is in the zone, else put it on its centre
    lo, hi = cells.min(axis=0), cells.max(axis=0)
    inside = np.zeros((hi[1] - lo[1] + 1, hi[0] - lo[0] + 1), dtype=bool)
    inside[cells[:, 1] - lo[1], cells[:, 0] - lo[0]] = True
    rel = wanted - lo
    ok = (rel >= 0).all(axis=1) & (rel[:, 0] < inside.shape[1]) & (rel[:, 1] < inside.shape[0])
    ok[ok] = inside[rel[ok, 1], rel[ok, 0]]
    return np.where(ok[:, None], wanted, centres[group])


def layout_shape(level: LevelSpec) -> dict:
    """How tight the catalogue's field layouts are, in this level's cells: a group's spread is given in metres,
    so a field looks the same on a map of 10 m cells as on one of 20 m cells."""
    layouts = level.catalogue.get("field_layouts") or load_defaults()["field_layouts"]
    return {"items_per_cluster": int(layouts["rows"]["items_per_cluster"]),
            "spread_cells": float(layouts["cluster"]["spread_m"]) / float(level.cell_size_m)}


_LAYOUTS = {"scatter": _scatter, "rows": _rows, "cluster": _cluster}


def field_zones(level: LevelSpec, seed: int) -> tuple[str, ...]:
    """The zone each item field lies in on this run. A field that lists several zones gets one of them at
    random, preferring zones no earlier listing field took, so two fields over the same zones land in
    different ones while there are enough. Fields naming one zone draw nothing, so their runs stay the same."""
    rng = truth_rng(seed, _STREAM_FIELD_ZONES)
    taken: set[str] = set()
    chosen = []
    for item_field in level.item_fields:
        if len(item_field.zones) == 1:
            chosen.append(item_field.zones[0])
            continue
        free = [z for z in item_field.zones if z not in taken] or list(item_field.zones)
        zone = free[int(rng.integers(0, len(free)))]
        taken.add(zone)
        chosen.append(zone)
    return tuple(chosen)


def place_items(level: LevelSpec, level_map: MapData, seed: int) -> tuple[np.ndarray, tuple[str, ...]]:
    """The hidden ordnance: the level's placed items and its generated fields."""
    kinds = tuple(level.catalogue["ordnance"])
    kind_index = {k: i for i, k in enumerate(kinds)}
    rng = truth_rng(seed, _STREAM_ITEMS)
    ground = searchable_ground(level, level_map)
    shape = layout_shape(level)
    parts = []
    if level.placed_items:
        placed = np.zeros(len(level.placed_items), dtype=ITEM_DTYPE)
        placed["x"] = [p.cell[0] for p in level.placed_items]
        placed["y"] = [p.cell[1] for p in level.placed_items]
        placed["kind"] = [kind_index[p.kind] for p in level.placed_items]
        parts.append(placed)
    for item_field, zone in zip(level.item_fields, field_zones(level, seed)):
        obj = level_map.object_named(zone)
        n = sum(item_field.counts.values())
        if obj is None or n == 0 or obj.area_cells == 0:
            continue
        cells = _LAYOUTS[item_field.layout](_zone_cells(obj, ground), n, rng, shape)
        field_kinds = np.repeat([kind_index[k] for k in item_field.counts],
                                [item_field.counts[k] for k in item_field.counts])
        rng.shuffle(field_kinds)
        generated = np.zeros(n, dtype=ITEM_DTYPE)
        generated["x"], generated["y"], generated["kind"] = cells[:, 0], cells[:, 1], field_kinds
        parts.append(generated)
    items = np.concatenate(parts) if parts else np.zeros(0, dtype=ITEM_DTYPE)
    return items, kinds


def place_clutter(level: LevelSpec, level_map: MapData, seed: int) -> np.ndarray:
    """Scrap-metal pieces per cell (Poisson around the zone's density)."""
    rng = truth_rng(seed, _STREAM_CLUTTER)
    clutter = np.zeros((level_map.height, level_map.width), dtype=np.float32)
    cell_area = level.cell_size_m ** 2
    for spec in level.clutter:
        obj = level_map.object_named(spec.zone)
        if obj is None:
            continue
        lam = spec.pieces_per_100m2 * cell_area / 100.0
        clutter[obj.mask] += rng.poisson(lam, size=int(obj.mask.sum()))
    return clutter


def resolve_villages(level: LevelSpec, level_map: MapData) -> tuple[Village, ...]:
    """Every village object of the map, with YAML overrides laid over its properties."""
    overrides = {v.name: v for v in level.villages}
    out = []
    for obj in level_map.objects_of("village"):
        spec = overrides.get(obj.name)
        population = spec.population if spec and spec.population is not None else obj.properties.get("population", 0)
        out.append(Village(obj.name, obj.centre_cell, int(population or 0),
                           spec.returnees if spec else (), obj.mask))
    return tuple(out)


def build_scenario(level: LevelSpec, level_map: MapData, seed: int | None = None) -> Scenario:
    """The scenario for one run; ``seed`` defaults to the level's own."""
    seed = level.seed if seed is None else int(seed)
    items, kinds = place_items(level, level_map, seed)
    suspected = np.zeros((level_map.height, level_map.width), dtype=bool)
    for obj in level_map.objects_of("suspected_area"):
        suspected |= obj.mask
    return Scenario(level=level, map=level_map, seed=seed, items=items, item_kinds=kinds,
                    clutter=place_clutter(level, level_map, seed), suspected=suspected,
                    villages=resolve_villages(level, level_map))
