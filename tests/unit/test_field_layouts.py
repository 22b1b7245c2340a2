"""How a field's items lie: a patterned minefield is laid in clusters of mines along its rows, and a group's
spread is set in metres, so a field covers the same ground whatever the level's cell size. Both keep the
share of cleared land that held an item closer to real programmes (docs/game-model.md)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from game.level.build import _cluster, _rows, layout_shape


def _zone(w: int, h: int) -> np.ndarray:
    ys, xs = np.mgrid[0:h, 0:w]
    return np.stack([xs.ravel(), ys.ravel()], axis=1)


def test_rows_lay_clusters_of_the_catalogues_size_on_a_few_lines():
    cells = _zone(40, 30)
    for seed in range(5):
        placed = _rows(cells, 30, np.random.default_rng(seed), {"items_per_cluster": 3})
        per_cell = Counter(map(tuple, placed.tolist()))
        assert sorted(per_cell.values()) == [3] * 10, per_cell  # 30 mines: 10 clusters of 3, one cell each
        xs, ys = placed[:, 0], placed[:, 1]
        assert min(len(set(xs.tolist())), len(set(ys.tolist()))) <= 4  # on at most 4 lines across the zone
    one_each = _rows(cells, 30, np.random.default_rng(1), {"items_per_cluster": 1})
    assert len(set(map(tuple, one_each.tolist()))) == 30


def test_a_groups_spread_is_in_metres_not_cells():
    class Level:
        catalogue = {"field_layouts": {"rows": {"items_per_cluster": 3}, "cluster": {"spread_m": 15}}}
        cell_size_m = 10.0

    fine = layout_shape(Level)
    Level.cell_size_m = 20.0
    coarse = layout_shape(Level)
    assert fine["spread_cells"] == 1.5 and coarse["spread_cells"] == 0.75

    cells = _zone(120, 120)

    def spread_m(shape: dict, cell_m: float) -> float:
        rng = np.random.default_rng(7)
        placed = _cluster(cells, 7, rng, shape)  # one group: 7 items around one centre
        return float(np.sqrt(((placed - placed.mean(axis=0)) ** 2).sum(axis=1).mean()) * cell_m)

    on_fine, on_coarse = spread_m(fine, 10.0), spread_m(coarse, 20.0)
    assert 5.0 < on_fine < 45.0 and 5.0 < on_coarse < 45.0
    # the same metres on both maps: within rounding to whole cells (the old 1.5 cells gave twice the ground)
    assert abs(on_fine - on_coarse) < 0.3 * max(on_fine, on_coarse), (on_fine, on_coarse)
