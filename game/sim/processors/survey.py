"""SurveyProcessor: non-technical survey teams gather evidence, never entering the land.

Reads: ``Team``, ``Task`` (kind "survey"), ``Ordnance`` (which items leave
traces). Writes: ``Task`` progress, ``Evidence``/``EvidenceTruth``, the grid's
``surveyed`` layer. Items leave evidence with probability
``survey.evidence_chance_per_item x teams.nts.evidence_reliability``; empty
land gives false reports at ``survey.false_reports_per_km2``. False evidence
is drawn from the same kinds with the same weights (``survey.evidence_kinds``)
and real evidence lies up to ``evidence_offset_m`` from its item, so neither the
kind nor the place tells real from false before the debrief.
"""

from __future__ import annotations

import esper
import numpy as np

from ..area_work import advance, capacity, finished
from ..components import Ordnance, Task, Team
from ..effects import add_evidence, end_task, live_items_in
from ..state import SimState


class SurveyProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        for task_ent, task in sorted(esper.get_component(Task), key=lambda p: p[0]):
            if task.kind != "survey" or task.team is None:
                continue
            team = esper.component_for_entity(task.team, Team)
            cells = advance(task, capacity(state, team))
            if len(cells):
                state.grid.surveyed.flat[cells] = True
                state.grid.survey_rushed.flat[cells] = team.pace == "rushed"
                state.grid.touch(cells)
                task.evidence += self._evidence(state, team, cells)
            if finished(task):
                end_task(state, task_ent, done=True, team=team.name, evidence=task.evidence)

    def _evidence(self, state: SimState, team: Team, cells: np.ndarray) -> int:
        rng = state.rng["survey"]
        survey = state.catalogue["survey"]
        kinds = list(survey["evidence_kinds"])
        weights = np.array([float(survey["evidence_kinds"][k]) for k in kinds])
        weights = weights / weights.sum()
        chance = float(survey["evidence_chance_per_item"]) * float(state.rules.team(team.type)["evidence_reliability"])
        chance /= state.rules.pace_factor(team.pace, "miss")  # a rushed survey notices less
        offset = int(float(survey["evidence_offset_m"]) // state.grid.cell_size_m)
        found = 0
        for ent in live_items_in(state, cells):
            if rng.random() < chance:
                item = esper.component_for_entity(ent, Ordnance)
                dx, dy = rng.integers(-offset, offset + 1, size=2) if offset else (0, 0)
                add_evidence(state, str(rng.choice(kinds, p=weights)), item.x + int(dx), item.y + int(dy),
                             team.name, True)
                found += 1
        area_km2 = len(cells) * state.grid.cell_area_m2 / 1e6
        for _ in range(int(rng.poisson(area_km2 * float(survey["false_reports_per_km2"])))):
            cell = int(cells[rng.integers(0, len(cells))])
            add_evidence(state, str(rng.choice(kinds, p=weights)), cell % state.grid.width,
                         cell // state.grid.width, team.name, False)
            found += 1
        if found:
            state.log.add(state.day, "evidence", team=team.name, pieces=found)
        return found
