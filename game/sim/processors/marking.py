"""MarkingProcessor: signs go up along suspected or confirmed land, a stretch a day.

Reads: ``Task`` (kind "marking"). Writes: ``Task``, the grid's ``marked``
layer (only on land still suspected or confirmed). Pace:
``tasks.marking.metres_per_team_day`` of perimeter.
"""

from __future__ import annotations

import esper

from ..area_work import advance, finished
from ..components import Task
from ..effects import end_task
from ..grid import is_hazardous
from ..state import SimState


class MarkingProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        metres = float(state.catalogue["tasks"]["marking"]["metres_per_team_day"])
        stopped = "marking" in state.rules.weather(state.weather.kind).get("stops", ())
        for task_ent, task in sorted(esper.get_component(Task), key=lambda p: p[0]):
            if task.kind != "marking":
                continue
            cells = advance(task, 0.0 if stopped else metres)
            if len(cells):
                cells = cells[is_hazardous(state.grid.status.flat[cells])]
                state.grid.marked.flat[cells] = True
                state.grid.touch(cells)
            if finished(task):
                end_task(state, task_ent, done=True)
