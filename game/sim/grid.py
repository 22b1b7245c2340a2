"""The per-cell layers of a simulation (numpy), and turning an order's area into cells.

Grids are indexed ``[y, x]`` with shape ``(height, width)``; flat indices are
``y * width + x``. Land status codes are the index in
``game.level.model.LAND_STATUSES``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

from game.level.model import LAND_STATUSES, Scenario

LandStatus = IntEnum("LandStatus", {name.upper(): code for code, name in enumerate(LAND_STATUSES)})
LandStatus.__doc__ = "The land status of a cell; the integer is its code in the status grid."
RELEASED = np.array([LandStatus.CANCELLED, LandStatus.REDUCED, LandStatus.CLEARED], dtype=np.int8)
HAZARDOUS = np.array([LandStatus.SUSPECTED, LandStatus.CONFIRMED], dtype=np.int8)
# Plain-int codes for whole-grid comparisons: numpy compares an int8 grid with an IntEnum member (an int
# subclass) by first casting the grid, about ten times slower than with a plain int; np.isin is slower still.
SUSPECTED, CONFIRMED, CANCELLED, REDUCED, CLEARED = (int(LandStatus[n]) for n in
                                                      ("SUSPECTED", "CONFIRMED", "CANCELLED", "REDUCED", "CLEARED"))


def is_released(status: np.ndarray) -> np.ndarray:
    """Cells of ``status`` that are released land (cancelled, reduced or cleared): the same as
    ``np.isin(status, RELEASED)``, fast."""
    return status >= CANCELLED  # the released codes are the last ones of LAND_STATUSES


def is_hazardous(status: np.ndarray) -> np.ndarray:
    """Cells of ``status`` that are suspected or confirmed: ``np.isin(status, HAZARDOUS)``, fast."""
    return (status == SUSPECTED) | (status == CONFIRMED)


assert LAND_STATUSES[CANCELLED:] == ("cancelled", "reduced", "cleared")


@dataclass(slots=True)
class Grid:
    """Every per-cell layer. ``live_items`` (items per cell) is the truth and never leaves the sim."""

    width: int
    height: int
    cell_size_m: float
    terrain: np.ndarray = field(repr=False)  # int16 index into terrain_names
    status: np.ndarray = field(repr=False)  # int8 LandStatus
    initial_status: np.ndarray = field(repr=False)
    marked: np.ndarray = field(repr=False)  # bool: signs on suspected/confirmed land
    surveyed: np.ndarray = field(repr=False)  # bool: covered by a non-technical survey
    prepared: np.ndarray = field(repr=False)  # bool: a machine went over it; needs follow-up
    indication: np.ndarray = field(repr=False)  # bool: a dog indicated here; needs a manual check
    land_use: np.ndarray = field(repr=False)  # float32 weight of the land's use
    clutter: np.ndarray = field(repr=False)  # float32 scrap pieces per cell
    live_items: np.ndarray = field(repr=False)  # int16 live items per cell (truth)
    live_vehicle_only: np.ndarray = field(repr=False)  # int16 live items only vehicles set off (truth)
    release_day: np.ndarray = field(repr=False)  # int16 day the cell was last released, -1 never
    survey_rushed: np.ndarray = field(repr=False)  # bool: its non-technical survey was done at a rushed pace
    dog_group: np.ndarray = field(repr=False)  # int32: the dog task (its order number) that searched it, -1 none
    dog_searched: np.ndarray = field(repr=False)  # bool: searched by dogs with no indication, awaiting its group
    touched: list = field(default_factory=list, repr=False)  # flat cells whose public layers changed
    version: int = 0  # goes up at every touch: readers cache what they computed from the layers by it

    def touch(self, cells: np.ndarray) -> None:
        """Note that the public layers (status, marked, surveyed, prepared, indication, verified) of these
        cells changed: flat indices, or a bool grid. Every writer of those layers calls this, so a client can
        redraw only what changed (game.run.session)."""
        cells = np.asarray(cells)
        if cells.dtype == bool:
            cells = np.flatnonzero(cells.ravel())
        if cells.size:
            self.version += 1
            self.touched.append(cells.astype(np.int64, copy=False).ravel())
            if len(self.touched) > 512:  # nobody drains (a run without a session): keep it small
                self.touched[:] = [np.unique(np.concatenate(self.touched))]

    def drain_touched(self) -> np.ndarray:
        """The distinct flat cells touched since the last drain (sorted), and forget them."""
        if not self.touched:
            return np.zeros(0, np.int64)
        out = np.unique(np.concatenate(self.touched))
        self.touched.clear()
        return out

    @property
    def cell_area_m2(self) -> float:
        return self.cell_size_m ** 2

    @property
    def cells(self) -> int:
        return self.width * self.height


def build_grid(scenario: Scenario, catalogue: dict) -> Grid:
    """The starting layers of a scenario: suspected land, land use, clutter, the items."""
    m = scenario.map
    h, w = m.height, m.width
    status = np.zeros((h, w), dtype=np.int8)
    status[scenario.suspected] = LandStatus.SUSPECTED
    terrain_cat = catalogue["terrain"]
    weights = np.array([float(terrain_cat.get(n, {}).get("land_use_weight", 1.0)) for n in m.terrain_names],
                       dtype=np.float32)
    terrain = np.asarray(m.terrain, dtype=np.int16)
    land_use = weights[terrain] if len(weights) else np.ones((h, w), np.float32)
    feature_weight = catalogue["civilians"]["feature_land_use_weight"]
    for obj in m.objects_of("feature"):
        weight = float(feature_weight.get(obj.properties.get("feature", ""), 1.0))
        land_use[obj.mask] = np.maximum(land_use[obj.mask], weight)
    live = np.zeros((h, w), dtype=np.int16)
    items = scenario.items
    np.add.at(live, (items["y"].astype(np.intp), items["x"].astype(np.intp)), 1)
    ordnance = catalogue["ordnance"]
    vehicle_only = np.array([("person" not in ordnance[k].get("triggered_by", ["person"]))
                             for k in scenario.item_kinds] or [False], dtype=bool)
    live_v = np.zeros((h, w), dtype=np.int16)
    sel = vehicle_only[items["kind"]] if len(items) else np.zeros(0, bool)
    np.add.at(live_v, (items["y"][sel].astype(np.intp), items["x"][sel].astype(np.intp)), 1)
    return Grid(width=w, height=h, cell_size_m=float(scenario.level.cell_size_m), terrain=terrain,
                status=status, initial_status=status.copy(), marked=np.zeros((h, w), bool),
                surveyed=np.zeros((h, w), bool), prepared=np.zeros((h, w), bool),
                indication=np.zeros((h, w), bool), land_use=land_use.astype(np.float32),
                clutter=np.asarray(scenario.clutter, dtype=np.float32).reshape(h, w).copy(),
                live_items=live, live_vehicle_only=live_v, release_day=np.full((h, w), -1, dtype=np.int16),
                survey_rushed=np.zeros((h, w), bool), dog_group=np.full((h, w), -1, np.int32),
                dog_searched=np.zeros((h, w), bool))


def area_mask(scenario: Scenario, area: object) -> tuple[np.ndarray | None, str, dict]:
    """The bool grid of an order's area, or ``None`` with an outcome code and its parameters saying
    why it is not one (see ``game.sim.orders.OUTCOME_CODES``)."""
    m = scenario.map
    if isinstance(area, str):
        obj = m.object_named(area)
        if obj is None:
            return None, "no_such_zone", {"zone": area}
        mask = np.asarray(obj.mask, dtype=bool)
        if not mask.any():
            return None, "zone_without_cells", {"zone": area}
        return mask, "", {}
    if (isinstance(area, (tuple, list)) and len(area) == 4
            and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in area)):
        x, y, w, h = (int(v) for v in area)
        if w <= 0 or h <= 0:
            return None, "bad_rectangle", {}
        x0, y0, x1, y1 = max(0, x), max(0, y), min(m.width, x + w), min(m.height, y + h)
        if x0 >= x1 or y0 >= y1:
            return None, "rectangle_outside_map", {"area": [x, y, w, h], "width": m.width, "height": m.height}
        mask = np.zeros((m.height, m.width), dtype=bool)
        mask[y0:y1, x0:x1] = True
        return mask, "", {}
    return None, "bad_area", {}


def perimeter_m(mask: np.ndarray, cell_size_m: float) -> float:
    """Length of the outline of a set of cells, in metres."""
    cells = np.flatnonzero(mask)
    if len(cells):  # the outline within the cells' bounding box only: the rest of the map adds no edge
        ys, xs = cells // mask.shape[1], cells % mask.shape[1]
        mask = mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    padded = np.pad(mask, 1).astype(np.int8)
    edges = np.abs(np.diff(padded, axis=0)).sum() + np.abs(np.diff(padded, axis=1)).sum()
    return float(edges) * cell_size_m


def disc_mask(grid: Grid, x: int, y: int, radius_m: float) -> tuple[slice, slice, np.ndarray]:
    """Cells within ``radius_m`` of cell (x, y): the window slices and a bool mask over it."""
    r = int(radius_m // grid.cell_size_m)
    reach = radius_m / grid.cell_size_m
    y0, y1 = max(0, y - r), min(grid.height, y + r + 1)
    x0, x1 = max(0, x - r), min(grid.width, x + r + 1)
    disc = _disc(r, reach)  # the whole disc around (r, r), cut where the map ends
    inside = disc[y0 - (y - r):y1 - (y - r), x0 - (x - r):x1 - (x - r)]
    return slice(y0, y1), slice(x0, x1), inside


_DISCS: dict[tuple[int, float], np.ndarray] = {}


def _disc(r: int, reach: float) -> np.ndarray:
    """Cells whose centre lies within ``reach`` cells of the centre of a (2r+1)-cell square, r = floor(reach)
    (kept per radius; read-only)."""
    key = (r, reach)
    if key not in _DISCS:
        yy, xx = np.ogrid[-r:r + 1, -r:r + 1]
        disc = yy ** 2 + xx ** 2 <= reach * reach + 1e-9
        disc.flags.writeable = False
        _DISCS[key] = disc
    return _DISCS[key]


def near_points(height: int, width: int, cells: np.ndarray, xs: np.ndarray, ys: np.ndarray, r: int) -> np.ndarray:
    """For each flat cell of a ``height`` x ``width`` map, whether any of the points (xs, ys) lies within the
    (2r+1)-cell square around it: ``box_near(...).flat[cells]`` without a whole-map layer when there are
    few cells and points."""
    cells = np.asarray(cells, dtype=np.int64)
    xs, ys = np.asarray(xs, dtype=np.intp), np.asarray(ys, dtype=np.intp)
    if len(cells) == 0 or len(xs) == 0:
        return np.zeros(len(cells), dtype=bool)
    if len(cells) * len(xs) > 200_000:
        return box_near(height, width, xs, ys, r).flat[cells]
    cx, cy = cells % width, cells // width
    return ((np.abs(cx[:, None] - xs[None, :]) <= r) & (np.abs(cy[:, None] - ys[None, :]) <= r)).any(axis=1)


def box_near(height: int, width: int, xs: np.ndarray, ys: np.ndarray, r: int) -> np.ndarray:
    """Cells within a (2r+1)-cell square of any of the points (xs, ys): a few points square by square, many
    without a loop over points (corner marks summed along both axes)."""
    if len(xs) == 0:
        return np.zeros((height, width), dtype=bool)
    if len(xs) <= 32:
        out = np.zeros((height, width), dtype=bool)
        for x, y in zip(np.asarray(xs).tolist(), np.asarray(ys).tolist()):
            out[max(0, y - r):max(0, y + r + 1), max(0, x - r):max(0, x + r + 1)] = True
        return out
    xs, ys = np.asarray(xs, dtype=np.intp), np.asarray(ys, dtype=np.intp)
    x0, x1 = np.clip(xs - r, 0, width), np.clip(xs + r + 1, 0, width)
    y0, y1 = np.clip(ys - r, 0, height), np.clip(ys + r + 1, 0, height)
    stride = width + 1
    corners = np.concatenate([y0 * stride + x0, y0 * stride + x1, y1 * stride + x0, y1 * stride + x1])
    signs = np.repeat(np.array([1.0, -1.0, -1.0, 1.0]), len(xs))
    marks = np.bincount(corners, weights=signs, minlength=(height + 1) * stride).reshape(height + 1, stride)
    return marks.cumsum(axis=0).cumsum(axis=1)[:height, :width] > 0.5
