"""ComplianceProcessor: keeps the tally the score's procedure checks read (IMAS conformity).

Reads: the grid's status, ``marked`` and ``indication`` layers, ``VillageState``
(catchment, risk education), ``SimState.evidence``. Writes:
``SimState.compliance`` (no component, no chance):

- hazard-days: each day, the confirmed land (and open dog indications) inside
  the villages' catchments, and how much of it stood unmarked (IMAS 08.40:
  hazards that are not cleared at once are marked);
- village-days: each day, the villages with a known hazard in the land their
  people use (confirmed land, or evidence), and how many had no risk
  education in effect (IMAS 12.10).
"""

from __future__ import annotations

import esper
import numpy as np

from ..components import VillageState
from ..grid import CONFIRMED
from ..state import SimState


class ComplianceProcessor(esper.Processor):
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._today: tuple[int, int, list] = (0, 0, [])

    def process(self, state: SimState) -> None:
        g, tally = state.grid, state.compliance
        villages = sorted(esper.get_component(VillageState), key=lambda p: p[0])
        key = (g.version, len(state.evidence))
        if key != self._key:  # the land or the evidence changed: look again
            self._key, self._today = key, self._look(state, villages)
        cells, unmarked, at_risk = self._today
        tally.hazard_days += cells
        tally.unmarked_hazard_days += unmarked
        for _, v in villages:
            if v.name in at_risk and v.population > 0:
                tally.village_days += 1
                if v.educated_until_day <= state.day:
                    tally.uneducated_village_days += 1

    @staticmethod
    def _look(state: SimState, villages: list) -> tuple[int, int, list]:
        """Confirmed land near villages, how much of it is unmarked, and the villages with a known hazard."""
        g, tally = state.grid, state.compliance
        if tally.catchment is None:
            union = np.zeros((g.height, g.width), bool)
            for _, v in villages:
                union |= v.catchment
            tally.catchment = union
        confirmed = g.status == CONFIRMED
        hazard = (confirmed | g.indication) & tally.catchment
        cells = int(hazard.sum())
        xs = np.array([e.x for e in state.evidence], np.intp)
        ys = np.array([e.y for e in state.evidence], np.intp)
        at_risk = [v.name for _, v in villages
                   if bool((v.catchment & confirmed).any()) or bool(len(xs) and v.catchment[ys, xs].any())]
        return cells, cells - int((hazard & g.marked).sum()), at_risk
