"""CostProcessor: every deployed team and running quality-assurance task costs money each day.

Reads: ``Team`` (deployed), ``Task`` (kind "quality_assurance"). Writes:
``SimState.money``. Figures: ``teams.<type>.cost_per_day_usd`` and
``tasks.quality_assurance.cost_per_day_usd``.
"""

from __future__ import annotations

import esper

from ..components import Task, Team
from ..state import SimState


def daily_cost(state: SimState) -> float:
    """What one more day of the programme as it stands costs."""
    total = 0.0
    for _, team in esper.get_component(Team):
        if team.deployed:
            total += float(state.rules.team(team.type)["cost_per_day_usd"])
    qa = float(state.catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"])
    total += qa * sum(1 for _, t in esper.get_component(Task) if t.kind == "quality_assurance")
    return total


class CostProcessor(esper.Processor):
    def process(self, state: SimState) -> None:
        cost = daily_cost(state)
        state.money.budget -= cost
        state.money.spent += cost
