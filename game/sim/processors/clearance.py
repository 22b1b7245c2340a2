"""ClearanceProcessor: manual, dog and machine teams work through their areas.

Reads: ``Team``, ``Task`` (kind "clearance"), ``Ordnance``. Writes: ``Task``,
``Ordnance`` (found, destroyed by a machine), ``Team.out_until_day`` (machine
damage, accidents), the grid's status (cleared; confirmed where a dog
indicated), ``prepared`` (machine-worked, needs follow-up) and
``indication`` layers, deminer casualties.

- manual: detects each item with its catalogue probability (a rushed pace
  raises the miss chance); missed items stay in land that is now "cleared",
  unless a deminer's accident set the item off: it is gone, the land around it
  is confirmed and its cell is not released (the accident names the place).
- dog: indicates items with ``sensitivity``, plus false indications; indicated
  cells are confirmed until a manual team checks them, and the ground the dogs
  searched is released (cleared) only once the dogs have finished and every
  indication on it is checked (``SimState.dog_groups``; see effects.release).
- machine: destroys items except ``left_dangerous``; an AT mine damages it
  for ``at_damage_days``; land stays as it was, marked "prepared", until a
  manual or dog team follows up.
"""

from __future__ import annotations

import esper
import numpy as np

from ..area_work import advance, capacity, finished
from ..components import Ordnance, Task, Team
from ..effects import (
    accident_check,
    encounter,
    end_task,
    live_items_in,
    release,
    remove_item,
    set_off,
)
from ..grid import LandStatus
from ..release import CLEARED_IN_A_RUSH, JUSTIFIED
from ..state import DogGroup, SimState


class ClearanceProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for task_ent, task in sorted(esper.get_component(Task), key=lambda p: p[0]):
            if task.kind != "clearance" or task.team is None:
                continue
            team = esper.component_for_entity(task.team, Team)
            cells = advance(task, capacity(state, team))
            if len(cells):
                cat = state.rules.team(team.type)
                if cat.get("needs_follow_up"):
                    self._machine(state, team, task, cells)
                elif cat.get("needs_check"):
                    self._dog(state, team, task, cells)
                else:
                    self._manual(state, team, task, cells)
            if finished(task):
                end_task(state, task_ent, done=True, team=team.name, finds=task.finds)

    def _manual(self, state: SimState, team: Team, task: Task, cells: np.ndarray) -> None:
        rng = state.rng["clearance"]
        miss_factor = state.rules.pace_factor(team.pace, "miss")
        went_off: list[int] = []  # cells where a missed item went off: confirmed, not released today
        for ent in live_items_in(state, cells):
            item = esper.component_for_entity(ent, Ordnance)
            p_miss = (1.0 - state.rules.p_detect(team.type, item.kind, int(state.grid.terrain[item.y, item.x]))) * miss_factor
            encounter(state, item, p_miss)
            if rng.random() < p_miss:
                state.log.add(state.day, "missed", secret=True, method="clearance", team=team.name,
                              x=item.x, y=item.y, item_kind=item.kind)
                if accident_check(state, team, item, excavating=False):
                    set_off(state, ent, team.name)
                    went_off.append(item.y * state.grid.width + item.x)
                continue
            remove_item(state, ent, "found", team.name)
            task.finds += 1
            state.log.add(state.day, "find", method="clearance", team=team.name, x=item.x, y=item.y,
                          item_kind=item.kind)
            accident_check(state, team, item, excavating=True)
        why = CLEARED_IN_A_RUSH if team.pace == "rushed" else JUSTIFIED
        release(state, cells[~np.isin(cells, went_off)] if went_off else cells, LandStatus.CLEARED, task.order, why)

    def _dog(self, state: SimState, team: Team, task: Task, cells: np.ndarray) -> None:
        rng = state.rng["clearance"]
        cat = state.rules.team(team.type)
        sensitivity = 1.0 - (1.0 - float(cat["sensitivity"])) * state.rules.pace_factor(team.pace, "miss")
        g = state.grid
        indicated: list[int] = []
        for ent in live_items_in(state, cells):
            item = esper.component_for_entity(ent, Ordnance)
            encounter(state, item, 1.0 - sensitivity)  # indicated: a manual team's check then meets it
            if rng.random() < sensitivity:
                indicated.append(item.y * g.width + item.x)
            else:
                state.log.add(state.day, "missed", secret=True, method="dog", team=team.name, x=item.x,
                              y=item.y, item_kind=item.kind)
        precision = float(cat["indication_precision"])
        area_ha = len(cells) * g.cell_area_m2 / 1e4
        n_false = rng.poisson(area_ha * float(cat["false_indications_per_ha"])
                              + len(indicated) * (1.0 - precision) / precision)
        false_cells = cells[rng.integers(0, len(cells), size=int(n_false))].tolist()
        marks = np.unique(np.array(indicated + false_cells, dtype=np.int64))
        group = state.dog_groups.setdefault(task.order, DogGroup())
        group.why = CLEARED_IN_A_RUSH if team.pace == "rushed" else group.why
        g.dog_group.flat[cells] = task.order
        g.dog_searched.flat[cells] = True  # released once the dogs finish and every indication is checked
        if len(marks):
            g.dog_searched.flat[marks] = False
            g.status.flat[marks] = LandStatus.CONFIRMED
            g.release_day.flat[marks] = -1
            g.indication.flat[marks] = True
            group.open += int(len(marks))
            state.log.add(state.day, "indication", team=team.name, places=int(len(marks)))
        g.touch(cells)

    def _machine(self, state: SimState, team: Team, task: Task, cells: np.ndarray) -> None:
        rng = state.rng["clearance"]
        cat = state.rules.team(team.type)
        left = float(cat["left_dangerous"])
        for ent in live_items_in(state, cells):
            item = esper.component_for_entity(ent, Ordnance)
            at_mine = state.rules.is_anti_vehicle[state.rules.item_kinds.index(item.kind)]
            encounter(state, item, 0.0 if at_mine else left)
            if at_mine:
                remove_item(state, ent, "destroyed_by_machine", team.name)
                task.finds += 1
                days = int(cat["at_damage_days"])
                team.out_until_day = max(team.out_until_day, state.day + 1 + days)
                state.log.add(state.day, "machine_damaged", team=team.name, x=item.x, y=item.y, days=days)
            elif rng.random() < left:
                state.log.add(state.day, "missed", secret=True, method="machine", team=team.name, x=item.x,
                              y=item.y, item_kind=item.kind)
            else:
                remove_item(state, ent, "destroyed_by_machine", team.name)
                task.finds += 1
                state.log.add(state.day, "find", method="machine", team=team.name, x=item.x, y=item.y,
                              item_kind=item.kind)
        state.grid.prepared.flat[cells] = True
        state.grid.touch(cells)
