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
    def process(self, state: SimState) -> None:
        g, c = state.grid, state.counters
        counts = np.bincount(g.status.ravel(), minlength=len(LandStatus))
        area = g.cell_area_m2
        released = g.status >= LandStatus.CANCELLED
        row = {
            "day": state.day,
            "cancelled_m2": float(counts[LandStatus.CANCELLED] * area),
            "reduced_m2": float(counts[LandStatus.REDUCED] * area),
            "cleared_m2": float(counts[LandStatus.CLEARED] * area),
            "released_m2": float(released.sum() * area),
            "justified_released_m2": float((released & (state.releases.why == 0)).sum() * area),
            "weighted_released_m2": float(g.land_use[released].sum() * area),
            "spent_usd": float(state.money.spent),
            "budget_usd": float(state.money.budget),
            "deminer_casualties": c.deminer_injured + c.deminer_killed,
            "civilian_casualties": c.civilian_injured + c.civilian_killed,
            "finds": int(sum(c.finds.values())),
            "items_in_released_land": int(g.live_items[released].sum()),
            "expected_civilian_harm": round(state.harm.civilian, 6),
            "expected_idle_harm": round(state.harm.civilian_idle, 6),
        }
        for key in SERIES:
            state.series.setdefault(key, []).append(row[key])



