"""TechnicalSurveyProcessor: search lanes over suspected land; confirm around finds, reduce the rest.

The searched cells (``SampledCells``, chosen with the order) are lanes covering
``sample_share`` of the area, drawn afresh for each pass, plus the cells around
known evidence (targeted investigation). The team's rate is what its
searchers search (about the manual clearance rate each); ground between the
lanes costs little. A pass that found nothing reduces the land it sampled
(a rushed pass is a procedure error in the release record).

Reads: ``Team``, ``Task`` (kind "technical_survey"), ``SampledCells``,
``Ordnance``. Writes: ``Task``, ``Ordnance`` (found items), the grid's status
(confirmed within ``cha_radius_m`` of a find, inside the task or not; when the task found
nothing, its cells still suspected become reduced), deminer casualties. A
missed item that a deminer's accident sets off is gone and counts as a find:
the land around it is confirmed and the task's land is not reduced.
"""

from __future__ import annotations

import esper
import numpy as np

from ..area_work import advance, capacity, finished
from ..components import Ordnance, SampledCells, Task, Team
from ..effects import (
    accident_check,
    encounter,
    confirm_around,
    end_task,
    live_items_in,
    release,
    remove_item,
    set_off,
)
from ..grid import SUSPECTED, LandStatus
from ..release import JUSTIFIED, REDUCED_IN_A_RUSH
from ..state import SimState


class TechnicalSurveyProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for task_ent, (task, sampled) in sorted(esper.get_components(Task, SampledCells), key=lambda p: p[0]):
            if task.kind != "technical_survey" or task.team is None:
                continue
            team = esper.component_for_entity(task.team, Team)
            before = task.done
            cells = advance(task, capacity(state, team))
            task.rushed |= bool(len(cells)) and team.pace == "rushed"
            if len(cells):
                searched = cells[sampled.searched[before:task.done]]
                self._search(state, team, task, searched)
            if finished(task):
                self._finish(state, task_ent, task, team)

    def _search(self, state: SimState, team: Team, task: Task, cells: np.ndarray) -> None:
        rng = state.rng["technical_survey"]
        cat = state.rules.team(team.type)
        miss_factor = state.rules.pace_factor(team.pace, "miss")
        for ent in live_items_in(state, cells):
            item = esper.component_for_entity(ent, Ordnance)
            p_miss = (1.0 - state.rules.p_detect(team.type, item.kind, int(state.grid.terrain[item.y, item.x]))) * miss_factor
            encounter(state, item, p_miss)
            if rng.random() < p_miss:
                state.log.add(state.day, "missed", secret=True, method="technical_survey", team=team.name,
                              x=item.x, y=item.y, item_kind=item.kind)
                if accident_check(state, team, item, excavating=False):
                    set_off(state, ent, team.name)  # evidence of contamination, as a find is
                    task.finds += 1
                continue
            remove_item(state, ent, "found", team.name)
            task.finds += 1
            confirm_around(state, item.x, item.y, float(cat["cha_radius_m"]))
            state.log.add(state.day, "find", method="technical_survey", team=team.name, x=item.x, y=item.y,
                          item_kind=item.kind)
            accident_check(state, team, item, excavating=True)

    def _finish(self, state: SimState, task_ent: int, task: Task, team: Team) -> None:
        """No find: the land still suspected is reduced. Finds: the land around them is already
        confirmed; the rest stays suspected, because lanes that found items do not show the rest is
        clear (the player decides: confirm it, or survey it again)."""
        still = task.cells[state.grid.status.flat[task.cells] == SUSPECTED]
        if task.finds:
            end_task(state, task_ent, done=True, team=team.name, finds=task.finds, reduced_m2=0.0,
                     suspected_m2=len(still) * state.grid.cell_area_m2)
            return
        why = REDUCED_IN_A_RUSH if task.rushed else JUSTIFIED
        release(state, still, LandStatus.REDUCED, task.order, why)
        end_task(state, task_ent, done=True, team=team.name, finds=0, reduced_m2=len(still) * state.grid.cell_area_m2)
