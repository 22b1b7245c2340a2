"""ReturneeProcessor: displaced families come home on their day, and use the land.

Reads and writes: ``VillageState.population``.
"""

from __future__ import annotations

import esper

from ..components import VillageState
from ..state import SimState


class ReturneeProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for _, village in sorted(esper.get_component(VillageState), key=lambda p: p[0]):
            for wave in village.returnees:
                if wave.day == state.day and wave.people > 0:
                    village.population += int(wave.people)
                    state.log.add(state.day, "returnees", village=village.name, people=int(wave.people))
