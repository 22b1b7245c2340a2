"""DailySeriesProcessor: one row a day of what the score card and the debrief chart.

Reads: the grid (status, land use, live items), ``SimState.money`` and
``SimState.counters``. Writes: ``SimState.series`` (lists, one value a day).
:data:`SECRET_SERIES` are truth (live items, expected harm), shown only at the debrief.
"""

from __future__ import annotations

import esper
import numpy as np

from ..grid import CANCELLED, CLEARED, REDUCED, is_released
from ..state import SimState
from .civilians import item_cells

SERIES = ("day", "cancelled_m2", "reduced_m2", "cleared_m2", "released_m2", "justified_released_m2",
          "weighted_released_m2", "spent_usd", "budget_usd", "deminer_casualties", "civilian_casualties", "finds",
          "items_in_released_land", "expected_civilian_harm", "expected_idle_harm")
SECRET_SERIES = ("items_in_released_land", "expected_civilian_harm", "expected_idle_harm")


class DailySeriesProcessor(esper.Processor):
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._land: dict = {}

    def process(self, state: SimState) -> None:
        g, c = state.grid, state.counters
        key = (g.version, sum(c.finds.values()), c.civilian_injured + c.civilian_killed,
               c.deminer_injured + c.deminer_killed)
        if key != self._key:  # the land changed since yesterday (or an item went): count it again
            self._key, self._land = key, self._count(state)
        row = {
            "day": state.day,
            **self._land,
            "spent_usd": float(state.money.spent),
            "budget_usd": float(state.money.budget),
            "deminer_casualties": c.deminer_injured + c.deminer_killed,
            "civilian_casualties": c.civilian_injured + c.civilian_killed,
            "finds": int(sum(c.finds.values())),
            "expected_civilian_harm": round(state.harm.civilian, 6),
            "expected_idle_harm": round(state.harm.civilian_idle, 6),
        }
        for name in SERIES:
            state.series.setdefault(name, []).append(row[name])

    @staticmethod
    def _count(state: SimState) -> dict:
        """Land and items by status with whole-array masks and dot products (the sector counts 65,536
        cells most days; fancy indexing and bincount cost ten times more)."""
        g = state.grid
        status = g.status.ravel()
        released = is_released(status)
        weights = released.astype(np.float32)
        area = g.cell_area_m2
        cells = item_cells(state)[0]  # live items lie only on the truth's item cells
        return {
            "cancelled_m2": float(np.count_nonzero(status == CANCELLED) * area),
            "reduced_m2": float(np.count_nonzero(status == REDUCED) * area),
            "cleared_m2": float(np.count_nonzero(status == CLEARED) * area),
            "released_m2": float(np.count_nonzero(released) * area),
            "justified_released_m2": float(np.count_nonzero(released & (state.releases.why.ravel() == 0)) * area),
            "weighted_released_m2": float(np.dot(weights, g.land_use.ravel()) * area),
            "items_in_released_land": int(g.live_items.flat[cells][released[cells]].sum()),
        }

