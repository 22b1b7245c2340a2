"""What every scripted player shares: the decide-a-day interface and block bookkeeping.

A policy sees only what a player sees: the :class:`~game.sim.PlayerView` of
each day, and the :class:`~game.sim.briefing.Briefing` (map zones, villages,
objectives, the catalogue) — never the scenario, its items, its seed or its
scripted events. It answers with commands, which the runner sends through
``Simulation.apply`` exactly as a player's clicks would be.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.briefing import Briefing
from game.sim.grid import is_hazardous
from game.sim.view import PlayerView


class Policy:
    """A scripted player. Subclasses set ``name`` and implement :meth:`decide`."""

    name = "policy"

    def __init__(self, briefing: Briefing):
        if not isinstance(briefing, Briefing):
            raise TypeError("a scripted player is built from a Briefing (game.sim.briefing), never a Scenario")
        self.level = briefing.level
        self.map = briefing.map
        self.villages = briefing.villages
        self.catalogue: dict[str, Any] = briefing.catalogue

    def decide(self, view: PlayerView) -> list:
        """Today's orders (may be empty)."""
        raise NotImplementedError

    def settings(self, key: str) -> dict[str, Any]:
        return self.catalogue.get("policies", {}).get(key, {})


class Blocks:
    """The map cut into square blocks: orders are given block by block, as rectangles.

    ``count(mask)`` sums a bool grid per block, vectorised (scripted players call it a dozen times a day).
    """

    #: Adds the eight bytes of a 64-bit word into its top byte (each byte holds at most 64 here).
    _BYTE_SUM = np.uint64(0x0101010101010101)

    def __init__(self, width: int, height: int, size: int):
        self.size = max(1, int(size))
        self.width, self.height = width, height
        self.bx = -(-width // self.size)
        self.by = -(-height // self.size)
        ys, xs = np.mgrid[0:height, 0:width]
        self._block_of_cell = ((ys // self.size) * self.bx + xs // self.size).astype(np.intp)
        # blocks of 8 x 8 cells tiling the map exactly are counted eight cells (bytes) at a time
        self._by_words = self.size == 8 and width % 8 == 0 and height % 8 == 0

    def count(self, mask: np.ndarray) -> np.ndarray:
        """How many cells of ``mask`` each block holds, as a ``(by, bx)`` grid."""
        if self._by_words and mask.dtype == bool and mask.flags.c_contiguous:
            # a block row's 8 x 8 cells are 8 words of 8 bytes (0 or 1): add the words down the block,
            # then the bytes of the sum; 3 times faster than bincount on the sector's 256 x 256 cells
            words = np.add.reduce(mask.view(np.uint64).reshape(self.by, 8, self.bx), axis=1)
            return ((words * self._BYTE_SUM) >> np.uint64(56)).astype(np.intp)
        counts = np.bincount(self._block_of_cell[mask], minlength=self.bx * self.by)
        return counts.reshape(self.by, self.bx)

    def with_cells(self, counts: np.ndarray) -> list[tuple[int, int]]:
        """The blocks whose ``counts`` (a ``count`` grid) are above 0, in row order (as ``order()``)."""
        return [(i % self.bx, i // self.bx) for i in np.flatnonzero(counts.ravel() > 0).tolist()]

    def rect(self, bx: int, by: int) -> tuple[int, int, int, int]:
        s = self.size
        x, y = bx * s, by * s
        return (x, y, min(s, self.width - x), min(s, self.height - y))

    def order(self, priority: np.ndarray | None = None) -> list[tuple[int, int]]:
        """All blocks, by ``priority`` (lower first, then row order)."""
        cells = [(bx, by) for by in range(self.by) for bx in range(self.bx)]
        if priority is None:
            return cells
        return sorted(cells, key=lambda b: (float(priority[b[1], b[0]]), b[1], b[0]))


def hazardous(view: PlayerView) -> np.ndarray:
    return is_hazardous(view.status)


def workable(catalogue: dict[str, Any], view: PlayerView, team_type: str) -> np.ndarray:
    """Cells a team type can work on (terrain multiplier above 0), from the public map and catalogue."""
    column = catalogue["teams"][team_type].get("terrain_speed")
    terrain = catalogue["terrain"]
    ok = np.array([float(terrain.get(n, {}).get(column, 1.0)) > 0 if column else True
                   for n in view.terrain_names] or [True])
    return ok[view.terrain]


def village_distance_blocks(blocks: Blocks, villages, cell_size_m: float) -> np.ndarray:
    """Distance in metres from each block's centre to the nearest village (inf without villages)."""
    ys = (np.arange(blocks.by) + 0.5) * blocks.size
    xs = (np.arange(blocks.bx) + 0.5) * blocks.size
    out = np.full((blocks.by, blocks.bx), np.inf)
    for v in villages:
        d = np.hypot(xs[None, :] - v.cell[0], ys[:, None] - v.cell[1]) * cell_size_m
        out = np.minimum(out, d)
    return out


def affordable(view: PlayerView, extra_per_day: float, one_off: float) -> bool:
    """Whether the budget pays the programme plus ``extra_per_day`` to the last day, after ``one_off``."""
    running = sum(t.cost_per_day_usd for t in view.teams if t.deployed)
    days_left = max(0, view.last_day - view.day + 1)
    return view.budget_usd - one_off >= (running + extra_per_day) * days_left
