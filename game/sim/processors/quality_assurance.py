"""QualityAssuranceProcessor: inspectors sample released land (IMAS 09.20).

Reads: ``Task`` (kind "quality_assurance"), ``SampledCells``, ``Ordnance``.
Writes: ``Task``, ``Ordnance`` (an item QA finds), the grid's status: a find
fails the task and sends the area's released land back to suspected,
confirmed around the find (the failure stays in the release record, and the
release decisions before it are not erased); a task that passes marks its
released land verified (handed over).
Rate, sample share and detection: ``tasks.quality_assurance``.
"""

from __future__ import annotations

import esper
import numpy as np

from ..area_work import advance, finished
from ..components import Ordnance, SampledCells, Task
from ..effects import confirm_around, encounter, end_task, live_items_in, remove_item
from ..grid import LandStatus, is_released
from ..state import SimState


class QualityAssuranceProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        qa = state.catalogue["tasks"]["quality_assurance"]
        rate = float(qa["rate_m2_per_day"])
        for task_ent, (task, sampled) in sorted(esper.get_components(Task, SampledCells), key=lambda p: p[0]):
            if task.kind != "quality_assurance":
                continue
            before = task.done
            cells = advance(task, rate)
            searched = cells[sampled.searched[before:task.done]]
            if self._inspect(state, task, searched, qa["detection_as"]):
                end_task(state, task_ent, done=True, failed=True)
            elif finished(task):
                still = task.cells[is_released(state.grid.status.flat[task.cells])]
                state.releases.verified.flat[still] = True  # handed over: quality assurance passed
                state.grid.touch(still)
                end_task(state, task_ent, done=True, failed=False)

    def _inspect(self, state: SimState, task: Task, cells: np.ndarray, detect_as: str) -> bool:
        rng = state.rng["quality_assurance"]
        for ent in live_items_in(state, cells):
            item = esper.component_for_entity(ent, Ordnance)
            p_detect = state.rules.p_detect(detect_as, item.kind, int(state.grid.terrain[item.y, item.x]))
            encounter(state, item, 1.0 - p_detect)
            if rng.random() >= p_detect:
                continue
            remove_item(state, ent, "found", "quality assurance")
            state.releases.qa_failures.append((state.day, item.x, item.y))
            g = state.grid
            back = task.cells[is_released(g.status.flat[task.cells])]
            g.status.flat[back] = LandStatus.SUSPECTED
            g.release_day.flat[back] = -1
            g.touch(back)
            confirm_around(state, item.x, item.y, float(state.rules.team("technical_survey")["cha_radius_m"]))
            state.log.add(state.day, "find", method="quality_assurance", x=item.x, y=item.y, item_kind=item.kind)
            return True
        return False
