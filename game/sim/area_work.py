"""Work over an area, one day's capacity at a time, without a loop over cells.

A task's cells are put in working order (row by row, as lanes are walked)
with a cost each in open-ground m2: the cell's area divided by the terrain
multiplier, plus the time lost on scrap signals, less on ground a machine
already prepared. Each day the team's capacity is added to the task's
progress and ``searchsorted`` on the cumulative cost says which cells are done.
"""

from __future__ import annotations

import numpy as np

from .components import Task, Team
from .state import SimState


def workable(state: SimState, team_type: str, mask: np.ndarray) -> np.ndarray:
    """The part of a mask a team type can work on (terrain multiplier above 0)."""
    return mask & workable_terrain(state, team_type)


def workable_terrain(state: SimState, team_type: str) -> np.ndarray:
    """The cells a team type can work on, over the whole map (kept: the terrain never changes)."""
    ok = state.workable_terrain.get(team_type)
    if ok is None:
        mult = state.rules.terrain_multiplier(team_type)
        ok = state.workable_terrain[team_type] = mult[state.grid.terrain] > 0
    return ok


def cell_costs(state: SimState, team_type: str, flat_cells: np.ndarray) -> np.ndarray:
    """Open-ground m2 of work each cell costs this team type."""
    g, rules = state.grid, state.rules
    mult = rules.terrain_multiplier(team_type)[g.terrain.flat[flat_cells]]
    cost = g.cell_area_m2 / mult
    per_signal = rules.false_alarm_m2(team_type)
    if per_signal:
        cost = cost + g.clutter.flat[flat_cells] * per_signal
    follow_up = rules.team(team_type).get("works_on") == "clearance" and not rules.team(team_type).get(
        "needs_follow_up", False)
    if follow_up:
        prepared = g.prepared.flat[flat_cells]
        cost = np.where(prepared, cost / float(_follow_up_factor(state)), cost)
    return cost


def lane_costs(state: SimState, team_type: str, flat_cells: np.ndarray, searched: np.ndarray) -> np.ndarray:
    """Open-ground m2 of work per cell for a technical survey: a searched lane cell costs what clearing it
    would (terrain, scrap signals); ground between lanes only ``lane_overhead_share`` of its area (walking
    and marking the lanes)."""
    full = cell_costs(state, team_type, flat_cells)
    overhead = float(state.rules.team(team_type).get("lane_overhead_share", 0.0)) * state.grid.cell_area_m2
    return np.where(searched, full, overhead)


def _follow_up_factor(state: SimState) -> float:
    for t in state.rules.teams.values():
        if t.get("needs_follow_up"):
            return float(t.get("follow_up_speed_factor", 1.0))
    return 1.0


def plan(state: SimState, kind: str, area: object, team: int | None, team_type: str | None,
         mask: np.ndarray) -> Task:
    """A task over the cells of ``mask`` in row order, costed for ``team_type`` (flat cost if None)."""
    cells = np.flatnonzero(mask.ravel()).astype(np.int64)
    if team_type is None:
        costs = np.full(len(cells), state.grid.cell_area_m2)
    else:
        costs = cell_costs(state, team_type, cells)
    return Task(kind=kind, area=area, team=team, cells=cells, cum_cost=np.cumsum(costs),
                started_day=state.day)


def advance(task: Task, capacity_m2: float) -> np.ndarray:
    """Add a day's capacity; the cells finished today (flat indices)."""
    if capacity_m2 <= 0 or task.done >= len(task.cells):
        return task.cells[:0]
    task.progress += capacity_m2
    upto = int(np.searchsorted(task.cum_cost, task.progress + 1e-9, side="right"))
    new = task.cells[task.done:upto]
    task.done = upto
    return new


def finished(task: Task) -> bool:
    return task.done >= len(task.cells)


def stop_reason(state: SimState, team: Team) -> str:
    """Why a team cannot work today, as a code ("" if it can): out_of_action, weather, too_hot."""
    if team.out_until_day > state.day:
        return "out_of_action"
    w = state.weather
    rule = state.rules.weather(w.kind)
    if team.type in rule.get("stops", ()):
        return "weather"
    max_t = state.rules.team(team.type).get("max_temperature_c")
    if max_t is not None and w.temperature_c > float(max_t):
        return "too_hot"
    return ""


def capacity(state: SimState, team: Team) -> float:
    """Open-ground m2 a team works today: catalogue rate x pace x weather (0 if stopped)."""
    if stop_reason(state, team):
        return 0.0
    rate = float(state.rules.team(team.type).get("rate_m2_per_day", 0.0))
    factor = float(state.rules.weather(state.weather.kind).get("speed_factor", 1.0))
    return rate * factor * state.rules.pace_factor(team.pace, "speed")
