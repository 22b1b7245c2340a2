"""EducationProcessor: risk education teams hold sessions in a village for a few days.

Reads: ``Team``, ``Task`` (kind "education"), ``VillageTask``. Writes:
``VillageTask.days_left``, ``VillageState.educated_until_day`` when the
sessions end (lasting ``teams.eore.effect_days``).
"""

from __future__ import annotations

import esper

from ..area_work import stop_reason
from ..components import Task, Team, VillageState, VillageTask
from ..effects import end_task
from ..state import SimState


class EducationProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for task_ent, (task, vt) in sorted(esper.get_components(Task, VillageTask), key=lambda p: p[0]):
            if task.team is None:
                continue
            team = esper.component_for_entity(task.team, Team)
            if stop_reason(state, team):
                continue
            vt.days_left -= 1
            if vt.days_left > 0:
                continue
            village = esper.component_for_entity(vt.village, VillageState)
            effect = int(state.rules.team(team.type)["effect_days"])
            village.educated_until_day = state.day + 1 + effect
            village.educated_day = village.educated_day or state.day  # the first time counts for objectives
            end_task(state, task_ent, done=True, team=team.name, village=village.name)
