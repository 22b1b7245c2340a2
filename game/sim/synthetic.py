"""Scenarios built in code, without level files: for tests, calibration and the benchmark.

:func:`synthetic_scenario` takes a terrain grid and rectangles for zones,
villages and features, and places the truth with the seed through the level
loader's own :func:`game.level.build.build_scenario`, so the same seed gives
the same items as a real level would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from game import catalogue as catalogue_module
from game.level.build import build_scenario
from game.level.model import (ClutterSpec, EventSpec, ItemField, LevelSpec, MapData, MapObject, Objective,
                              Scenario, TeamStart, VillageSpec)

Rect = tuple[int, int, int, int]


def rect_mask(width: int, height: int, rect: Rect) -> np.ndarray:
    x, y, w, h = rect
    mask = np.zeros((height, width), dtype=bool)
    mask[max(0, y):y + h, max(0, x):x + w] = True
    return mask


def synthetic_scenario(seed: int = 1, *, width: int = 64, height: int = 64, cell_size_m: float = 10.0,
                       terrain: np.ndarray | None = None, base_terrain: str = "grass",
                       terrain_rects: Sequence[tuple[str, Rect]] = (),
                       zones: Sequence[tuple[str, Rect]] = (),
                       villages: Sequence[tuple[str, Rect, int]] = (),
                       features: Sequence[tuple[str, str, Rect]] = (),
                       item_fields: Sequence[ItemField] = (), clutter: Sequence[ClutterSpec] = (),
                       start_teams: Sequence[tuple[str, int]] = (("manual", 1),),
                       hireable: Sequence[str] = (), days: int = 30, budget_usd: int = 1_000_000,
                       events: Sequence[EventSpec] = (), objectives: Sequence[Objective] = (),
                       returnees: dict[str, Sequence] | None = None,
                       catalogue_overrides: dict[str, Any] | None = None, title: str = "Synthetic") -> Scenario:
    """A scenario from rectangles: zones are suspected areas, villages have a population."""
    names = catalogue_module.terrain_names()
    if terrain is None:
        terrain = np.full((height, width), names.index(base_terrain), dtype=np.int16)
        for name, rect in terrain_rects:
            terrain[rect_mask(width, height, rect)] = names.index(name)
    objects = [MapObject(n, "suspected_area", "rectangle", rect_mask(width, height, r)) for n, r in zones]
    objects += [MapObject(n, "village", "rectangle", rect_mask(width, height, r), {"population": p})
                for n, r, p in villages]
    objects += [MapObject(n, "feature", "rectangle", rect_mask(width, height, r), {"feature": kind})
                for n, kind, r in features]
    level_map = MapData(Path("synthetic.tmx"), width, height, 32, terrain, names, tuple(objects))
    merged = catalogue_module.merge(catalogue_module.load_defaults(), catalogue_overrides or {})
    returnees = returnees or {}
    spec = LevelSpec(
        path=Path("synthetic.yaml"), format=1, id="synthetic", title=title, difficulty=1, briefing="",
        imas=(), map_path=Path("synthetic.tmx"), cell_size_m=cell_size_m, days=days, budget_usd=budget_usd,
        seed=seed, start_teams=tuple(TeamStart(t, n) for t, n in start_teams), hireable=tuple(hireable),
        placed_items=(), item_fields=tuple(item_fields), clutter=tuple(clutter),
        villages=tuple(VillageSpec(n, p, tuple(returnees.get(n, ()))) for n, _, p in villages),
        objectives=tuple(objectives), events=tuple(events), catalogue=merged)
    return build_scenario(spec, level_map, seed)


def valley_scenario(seed: int = 1) -> Scenario:
    """Shaped like a real level: a farming valley of 1 x 0.8 km, ten suspected areas (about 0.5 km2)
    of which three hold ordnance, two villages, a school, more suspected land than the budget can clear."""
    from game.level.model import Returnees

    return synthetic_scenario(
        seed, width=100, height=80, base_terrain="farmland",
        terrain_rects=[("grass", (0, 0, 100, 16)), ("water", (0, 40, 100, 2)), ("forest", (76, 52, 24, 28)),
                       ("road", (48, 0, 2, 80)), ("scrub", (56, 18, 18, 14))],
        zones=[("north-field", (4, 2, 22, 14)), ("orchard-edge", (28, 18, 18, 14)),
               ("river-bank", (54, 34, 20, 12)), ("school-path", (12, 50, 16, 10)),
               ("east-pasture", (74, 2, 22, 16)), ("south-field", (32, 58, 16, 16)),
               ("hill-scrub", (56, 18, 16, 12)), ("wood-edge", (78, 56, 16, 16)),
               ("west-meadow", (2, 22, 16, 14)), ("mill-road", (50, 62, 20, 12))],
        villages=[("Dorf", (4, 40, 6, 6), 400), ("Sela", (54, 48, 6, 6), 300)],
        features=[("school", "school", (18, 62, 3, 3))],
        item_fields=[ItemField("orchard-edge", {"ap_blast": 8, "ap_frag": 4, "uxo": 4}, "cluster"),
                     ItemField("south-field", {"ap_blast": 6, "at": 3, "uxo": 5}, "rows"),
                     ItemField("hill-scrub", {"uxo": 4}, "scatter")],
        clutter=[ClutterSpec("hill-scrub", 5.0)],
        start_teams=[("nts", 1), ("technical_survey", 1), ("manual", 2), ("eore", 1)],
        hireable=["manual", "dog", "technical_survey"], days=120, budget_usd=600_000,
        returnees={"Dorf": (Returnees(40, 200),)},
        objectives=[Objective("no_casualties"), Objective("within_budget"),
                    Objective("release_zone", zone="school-path", by_day=60),
                    Objective("educate_village", village="Dorf")])
