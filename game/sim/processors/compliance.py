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
from ..grid import LandStatus
from ..state import SimState


class ComplianceProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        g, tally = state.grid, state.compliance
        villages = sorted(esper.get_component(VillageState), key=lambda p: p[0])
        if tally.catchment is None:
            union = np.zeros((g.height, g.width), bool)
            for _, v in villages:
                union |= v.catchment
            tally.catchment = union
        hazard = ((g.status == LandStatus.CONFIRMED) | g.indication) & tally.catchment
        cells = int(hazard.sum())
        tally.hazard_days += cells
        tally.unmarked_hazard_days += cells - int((hazard & g.marked).sum())
        xs = np.array([e.x for e in state.evidence], np.intp)
        ys = np.array([e.y for e in state.evidence], np.intp)
        for _, v in villages:
            at_risk = bool((v.catchment & (g.status == LandStatus.CONFIRMED)).any()) or \
                bool(len(xs) and v.catchment[ys, xs].any())
            if at_risk and v.population > 0:
                tally.village_days += 1
                if v.educated_until_day <= state.day:
                    tally.uneducated_village_days += 1
