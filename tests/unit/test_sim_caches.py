"""The shortcuts taken for speed give exactly what the plain computation gives, also after the state changes."""

import numpy as np

from game.policies import make_policy
from game.policies.base import Blocks
from game.sim import Simulation
from game.sim.briefing import Briefing
from game.sim.grid import box_near, disc_mask, near_points, perimeter_m
from game.sim.processors import civilians
from tests.unit.sim_fixtures import small_minefield


def test_blocks_counted_eight_cells_at_a_time_as_by_bincount():
    rng = np.random.default_rng(4)
    for width, height in ((256, 256), (64, 48), (30, 20)):
        blocks = Blocks(width, height, 8)
        for share in (0.0, 0.02, 0.5, 1.0):
            mask = rng.random((height, width)) < share
            plain = np.bincount(blocks._block_of_cell[mask], minlength=blocks.bx * blocks.by)
            assert np.array_equal(blocks.count(mask), plain.reshape(blocks.by, blocks.bx))


def test_points_near_cells_as_on_the_whole_map():
    rng = np.random.default_rng(5)
    h, w = 50, 70
    for n_cells, n_points, r in ((10, 3, 0), (200, 40, 2), (3000, 100, 5)):
        cells = rng.choice(h * w, size=n_cells, replace=False)
        xs, ys = rng.integers(0, w, n_points), rng.integers(0, h, n_points)
        assert np.array_equal(near_points(h, w, cells, xs, ys, r), box_near(h, w, xs, ys, r).flat[cells])


def test_perimeter_and_disc_as_computed_over_the_whole_map():
    mask = np.zeros((40, 60), bool)
    mask[3:9, 50:60] = True
    mask[20, 0] = True
    padded = np.pad(mask, 1).astype(np.int8)
    whole = float(np.abs(np.diff(padded, axis=0)).sum() + np.abs(np.diff(padded, axis=1)).sum()) * 10.0
    assert perimeter_m(mask, 10.0) == whole
    assert perimeter_m(np.zeros((5, 5), bool), 10.0) == 0.0

    class G:
        width, height, cell_size_m = 60, 40, 10.0

    for x, y in ((0, 0), (59, 39), (30, 2), (5, 20)):
        for radius_m in (45.0, 50.0):
            ys, xs, inside = disc_mask(G, x, y, radius_m)
            yy, xx = np.ogrid[ys, xs]
            # every cell whose centre lies within the radius, not only within whole cells of it
            assert np.array_equal(inside, ((yy - y) ** 2 + (xx - x) ** 2) * 100.0 <= radius_m ** 2)
    G.cell_size_m = 20.0  # 50 m on 20 m cells: 21 cells (it was 13, a 40 m disc, before)
    assert int(disc_mask(G, 30, 20, 50.0)[2].sum()) == 21


def test_civilians_daily_rates_kept_only_while_their_land_stays_the_same():
    scenario = small_minefield(3, days=30)
    player = make_policy("land_release", Briefing.of(scenario))
    keys = set()
    with Simulation(scenario) as sim:
        while not sim.ended:
            for cmd in player.decide(sim.view()):
                sim.apply(cmd)
            sim.step()
            with sim.world():
                kept = sim.state.daily_rates  # what the civilians used today
                sim.state.daily_rates = None
                fresh = civilians.daily_rates(sim.state)  # worked out again from the land as it is
                sim.state.daily_rates = kept
            keys.add(kept.key)
            assert kept.key == fresh.key
            for name in ("entries", "hit_now", "stay_now", "hit_idle", "stay_idle", "residual", "hit_kept",
                         "marking_gain", "education_gain"):
                a, b = getattr(kept, name), getattr(fresh, name)
                assert (a is None) == (b is None) and (a is None or np.array_equal(a, b)), name
    assert len(keys) >= 3  # the land under the items and the villages' risk education changed: worked out again


def test_civilians_daily_rates_follow_signs_status_and_risk_education():
    import esper

    from game.sim.components import VillageState
    from game.sim.grid import CLEARED

    with Simulation(small_minefield(2)) as sim, sim.world():
        state = sim.state
        cells = civilians.item_cells(state)[0]
        first = civilians.daily_rates(state)
        assert civilians.daily_rates(state) is first  # nothing changed: kept
        state.grid.marked.flat[cells[0]] = True  # a sign on an item cell
        marked = civilians.daily_rates(state)
        assert marked is not first and marked.marking_gain is not None
        state.grid.status.flat[cells[0]] = CLEARED
        cleared = civilians.daily_rates(state)
        assert cleared is not marked and not np.array_equal(cleared.entries, marked.entries)
        for _, village in esper.get_component(VillageState):
            village.educated_until_day = state.day + 10
        educated = civilians.daily_rates(state)
        assert educated is not cleared and educated.education_gain is not None
