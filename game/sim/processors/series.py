"""DailySeriesProcessor: one row a day of what the score card and the debrief chart.

Reads: the grid (status, land use, live items), ``SimState.money`` and
``SimState.counters``. Writes: ``SimState.series`` (lists, one value a day).
:data:`SECRET_SERIES` are truth (live items, expected harm), shown only at the debrief.
"""

from __future__ import annotations

import esper
import numpy as np

from ..grid import LandStatus
from ..state import SimState

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
        g = state.grid
        counts = np.bincount(g.status.ravel(), minlength=len(LandStatus))
        area = g.cell_area_m2
        released = g.status >= LandStatus.CANCELLED
        return {
            "cancelled_m2": float(counts[LandStatus.CANCELLED] * area),
            "reduced_m2": float(counts[LandStatus.REDUCED] * area),
            "cleared_m2": float(counts[LandStatus.CLEARED] * area),
            "released_m2": float(released.sum() * area),
            "justified_released_m2": float((released & (state.releases.why == 0)).sum() * area),
            "weighted_released_m2": float(g.land_use[released].sum() * area),
            "items_in_released_land": int(g.live_items[released].sum()),
        }



