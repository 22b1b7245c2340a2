"""Checking and carrying out the player's orders.

:func:`apply_order` answers every command with an :class:`Outcome`: accepted,
or rejected with a reason a player understands (machine ordered onto water,
team busy, no money, unknown zone, wrong day). It never raises.
"""

from __future__ import annotations

from dataclasses import dataclass

import esper
import numpy as np

from . import commands as c
from .area_work import plan, workable
from .components import SampledCells, Task, Team, VillageState, VillageTask
from .effects import end_task, release
from .grid import HAZARDOUS, RELEASED, LandStatus, area_mask, box_near, perimeter_m
from .processors.costs import daily_cost
from .state import SimState

PACES = ("sop", "rushed")


@dataclass(frozen=True, slots=True)
class Outcome:
    """The answer to an order: accepted or not, why, and the team it concerns (e.g. a new hire)."""

    accepted: bool
    reason: str = ""
    team: str | None = None

    def __bool__(self) -> bool:
        return self.accepted


class Rejected(Exception):
    """Raised inside this module only, to turn a failed check into an Outcome."""


def apply_order(state: SimState, cmd: object) -> Outcome:
    handler = _HANDLERS.get(type(cmd))
    if handler is None:
        return Outcome(False, f"not an order: {type(cmd).__name__}")
    if state.ended:
        return Outcome(False, f"the level has ended ({state.end_reason})")
    day = getattr(cmd, "day", None)
    if not isinstance(day, (int, np.integer)) or isinstance(day, bool) or day != state.day:
        return Outcome(False, f"this order is dated day {day!r} but today is day {state.day}")
    try:
        outcome = handler(state, cmd)
    except Rejected as exc:
        return Outcome(False, str(exc))
    state.log.add(state.day, "order", f"Order: {_describe(cmd)}.", order=c.to_dict(cmd))
    return outcome


def _describe(cmd: object) -> str:
    parts = [type(cmd).__name__]
    for key in ("team", "team_type", "area", "village", "pace"):
        if hasattr(cmd, key):
            value = getattr(cmd, key)
            parts.append(c.describe_area(value) if key == "area" else str(value))
    return " ".join(parts)


# ------------------------------------------------------------------ helpers


def _team(state: SimState, name: object) -> tuple[int, Team]:
    if not isinstance(name, str):
        raise Rejected("a team is named by text, e.g. 'manual-1'")
    for ent, team in esper.get_component(Team):
        if team.name == name:
            if not team.deployed:
                raise Rejected(f"{name} has been stood down; hire a new team")
            return ent, team
    raise Rejected(f"there is no team called '{name}'")


def _idle_team(state: SimState, name: object, works_on: str, order: str) -> tuple[int, Team]:
    ent, team = _team(state, name)
    kind = state.rules.team(team.type).get("works_on")
    if kind != works_on:
        raise Rejected(f"{team.name} is a {state.rules.team(team.type)['name'].lower()}; it cannot {order}")
    if team.task is not None:
        label = esper.component_for_entity(team.task, Task).label
        raise Rejected(f"{team.name} is busy on {label}; stop it first")
    return ent, team


def _mask(state: SimState, area: object) -> np.ndarray:
    mask, reason = area_mask(state.scenario, area)
    if mask is None:
        raise Rejected(reason)
    return mask


def _status_in(state: SimState, mask: np.ndarray, codes) -> np.ndarray:
    return mask & np.isin(state.grid.status, np.asarray(codes, dtype=np.int8))


def _start(state: SimState, task: Task, team_ent: int | None, team: Team | None, *extra) -> int:
    ent = esper.create_entity(task, *extra)
    if team is not None:
        team.task = ent
    return ent


def _village(state: SimState, name: object) -> tuple[int, VillageState] | None:
    for ent, v in esper.get_component(VillageState):
        if v.name == name:
            return ent, v
    return None


def _lanes(state: SimState, cells: np.ndarray, share: float) -> np.ndarray:
    """Which cells lie in search lanes: diagonal lanes every k cells, k = 1 / share (diagonal, so rows of
    mines laid along either axis are crossed)."""
    k = max(1, int(round(1.0 / max(share, 1e-6))))
    x, y = cells % state.grid.width, cells // state.grid.width
    return (x + y) % k == k // 2


def _near_known_evidence(state: SimState, cells: np.ndarray) -> np.ndarray:
    """Cells a technical survey targets besides its lanes: around every piece of known evidence
    (within ``survey.evidence_offset_m``)."""
    g = state.grid
    r = int(float(state.catalogue["survey"]["evidence_offset_m"]) // g.cell_size_m)
    xs = np.array([e.x for e in state.evidence], dtype=np.intp)
    ys = np.array([e.y for e in state.evidence], dtype=np.intp)
    return box_near(g.height, g.width, xs, ys, r).flat[cells]


# ----------------------------------------------------------------- handlers


def _survey(state: SimState, cmd: c.Survey) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "survey", "carry out a non-technical survey")
    mask = _mask(state, cmd.area)
    village = _village(state, cmd.area)
    if village is not None:
        mask = mask | (village[1].catchment & np.isin(state.grid.status, HAZARDOUS))
    mask = mask & ~np.isin(state.grid.status, RELEASED)
    if not mask.any():
        raise Rejected(f"nothing to survey in {c.describe_area(cmd.area)}: its land is already released")
    _start(state, plan(state, "survey", c.describe_area(cmd.area), ent, team.type, mask), ent, team)
    return Outcome(True, "", team.name)


def _technical_survey(state: SimState, cmd: c.TechnicalSurvey) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "technical_survey", "carry out a technical survey")
    mask = _status_in(state, _mask(state, cmd.area), [LandStatus.SUSPECTED])
    if not mask.any():
        raise Rejected(f"no suspected land in {c.describe_area(cmd.area)} to survey")
    mask = workable(state, team.type, mask)
    if not mask.any():
        raise Rejected(f"{team.name} cannot work on the terrain of {c.describe_area(cmd.area)}")
    task = plan(state, "technical_survey", c.describe_area(cmd.area), ent, team.type, mask)
    share = float(state.rules.team(team.type)["sample_share"])
    searched = _lanes(state, task.cells, share) | _near_known_evidence(state, task.cells)
    _start(state, task, ent, team, SampledCells(searched))
    return Outcome(True, "", team.name)


def _clear(state: SimState, cmd: c.Clear) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "clearance", "clear land")
    mask = _status_in(state, _mask(state, cmd.area), HAZARDOUS)
    cat = state.rules.team(team.type)
    if cat.get("needs_follow_up"):
        mask &= ~state.grid.prepared
    if not mask.any():
        raise Rejected(f"no suspected or confirmed land in {c.describe_area(cmd.area)} to clear")
    able = workable(state, team.type, mask)
    if not able.any():
        raise Rejected(f"{team.name} cannot work on the terrain of {c.describe_area(cmd.area)} "
                       f"(e.g. machines on water, buildings or rocky ground; dogs in forest)")
    _start(state, plan(state, "clearance", c.describe_area(cmd.area), ent, team.type, able), ent, team)
    skipped = int(mask.sum() - able.sum())
    return Outcome(True, f"{skipped} cell(s) its team cannot work on are left out" if skipped else "", team.name)


def _cells_of_running(kind: str) -> np.ndarray:
    """Flat cells that running tasks of this kind still cover (so no land is paid for twice)."""
    parts = [task.cells for _, task in esper.get_component(Task) if task.kind == kind]
    return np.concatenate(parts) if parts else np.zeros(0, np.int64)


def _mark(state: SimState, cmd: c.Mark) -> Outcome:
    mask = _status_in(state, _mask(state, cmd.area), HAZARDOUS) & ~state.grid.marked
    mask.flat[_cells_of_running("marking")] = False
    if not mask.any():
        raise Rejected(f"no unmarked suspected or confirmed land in {c.describe_area(cmd.area)} "
                       f"(or its marking is already under way)")
    marking = state.catalogue["tasks"]["marking"]
    metres = perimeter_m(mask, state.grid.cell_size_m)
    cost = metres / 100.0 * float(marking["cost_per_100m_perimeter_usd"])
    if cost + daily_cost(state) > state.money.budget:
        raise Rejected(f"marking {metres:,.0f} m of perimeter costs US${cost:,.0f}; the budget has "
                       f"US${state.money.budget:,.0f}")
    state.money.budget -= cost
    state.money.spent += cost
    task = plan(state, "marking", c.describe_area(cmd.area), None, None, mask)
    task.cum_cost = np.arange(1, len(task.cells) + 1, dtype=np.float64) * (metres / len(task.cells))
    _start(state, task, None, None)
    return Outcome(True, f"costs US${cost:,.0f}")


def _educate(state: SimState, cmd: c.Educate) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "village", "teach risk education")
    village = _village(state, cmd.village)
    if village is None:
        names = ", ".join(sorted(v.name for _, v in esper.get_component(VillageState))) or "none"
        raise Rejected(f"there is no village called '{cmd.village}' (villages: {names})")
    days = int(state.rules.team(team.type)["days_per_village"])
    task = Task(kind="education", label=str(cmd.village), team=ent, cells=np.zeros(0, np.int64),
                cum_cost=np.zeros(0), started_day=state.day)
    _start(state, task, ent, team, VillageTask(village[0], days))
    return Outcome(True, "", team.name)


def _cancel(state: SimState, cmd: c.Cancel) -> Outcome:
    area = _mask(state, cmd.area)
    mask = _status_in(state, area, [LandStatus.SUSPECTED])
    if not mask.any():
        if _status_in(state, area, [LandStatus.CONFIRMED]).any():
            raise Rejected("confirmed land cannot be cancelled; it needs clearance")
        raise Rejected(f"no suspected land in {c.describe_area(cmd.area)} to cancel")
    n = release(state, np.flatnonzero(mask.ravel()), LandStatus.CANCELLED)
    return Outcome(True, f"{n * state.grid.cell_area_m2:,.0f} m2 cancelled")


def _confirm(state: SimState, cmd: c.Confirm) -> Outcome:
    # The suspected land in the area is confirmed; an area with no suspected land at all
    # confirms unknown land instead (a hazardous area found outside any report).
    area = _mask(state, cmd.area)
    mask = _status_in(state, area, [LandStatus.SUSPECTED])
    if not mask.any():
        mask = _status_in(state, area, [LandStatus.UNKNOWN])
    if not mask.any():
        raise Rejected(f"no unknown or suspected land in {c.describe_area(cmd.area)} to confirm")
    state.grid.status[mask] = LandStatus.CONFIRMED
    return Outcome(True, f"{int(mask.sum()) * state.grid.cell_area_m2:,.0f} m2 confirmed")


def _hire(state: SimState, cmd: c.Hire) -> Outcome:
    if cmd.team_type not in state.rules.teams:
        raise Rejected(f"'{cmd.team_type}' is not a kind of team (kinds: {', '.join(state.rules.teams)})")
    if cmd.team_type not in state.scenario.level.hireable:
        allowed = ", ".join(state.scenario.level.hireable) or "none"
        raise Rejected(f"this level does not let you hire a {cmd.team_type} team (hireable: {allowed})")
    cat = state.rules.team(cmd.team_type)
    cost = float(cat["mobilisation_usd"])
    needed = cost + float(cat["cost_per_day_usd"]) + daily_cost(state)
    if needed > state.money.budget:
        raise Rejected(f"hiring a {cmd.team_type} team costs US${cost:,.0f} plus its daily cost; the budget has "
                       f"US${state.money.budget:,.0f}")
    state.money.budget -= cost
    state.money.spent += cost
    name = new_team(state, cmd.team_type)
    return Outcome(True, f"{name} hired for US${cost:,.0f}", name)


def new_team(state: SimState, team_type: str) -> str:
    n = state.team_numbers.get(team_type, 0) + 1
    state.team_numbers[team_type] = n
    name = f"{team_type}-{n}"
    esper.create_entity(Team(team_type, name, bool(state.rules.team(team_type).get("has_medic", False)),
                             hired_day=state.day))
    return name


def _stand_down(state: SimState, cmd: c.StandDown) -> Outcome:
    ent, team = _team(state, cmd.team)
    if team.task is not None:
        end_task(state, team.task)
    team.deployed = False
    return Outcome(True, f"{team.name} stood down", team.name)


def _stop(state: SimState, cmd: c.Stop) -> Outcome:
    ent, team = _team(state, cmd.team)
    if team.task is None:
        raise Rejected(f"{team.name} has no task to stop")
    end_task(state, team.task)
    return Outcome(True, "", team.name)


def _set_pace(state: SimState, cmd: c.SetPace) -> Outcome:
    ent, team = _team(state, cmd.team)
    if cmd.pace not in PACES:
        raise Rejected(f"pace must be one of {', '.join(PACES)}")
    team.pace = cmd.pace
    return Outcome(True, "", team.name)


def _quality_assurance(state: SimState, cmd: c.QualityAssurance) -> Outcome:
    mask = _status_in(state, _mask(state, cmd.area), RELEASED)
    mask.flat[_cells_of_running("quality_assurance")] = False
    if not mask.any():
        raise Rejected(f"no released land in {c.describe_area(cmd.area)} to check "
                       f"(or quality assurance is already checking it)")
    qa = state.catalogue["tasks"]["quality_assurance"]
    cost = float(qa["cost_per_day_usd"])
    if cost + daily_cost(state) > state.money.budget:
        raise Rejected("quality assurance costs more than the budget has left for a day")
    task = plan(state, "quality_assurance", c.describe_area(cmd.area), None, None, mask)
    sampled = state.rng["quality_assurance"].random(len(task.cells)) < float(qa["sample_share"])
    _start(state, task, None, None, SampledCells(sampled))
    return Outcome(True)


def _end_level(state: SimState, cmd: c.EndLevel) -> Outcome:
    state.ended = True
    state.end_reason = "ended by the player"
    state.log.add(state.day, "level_end", "The level is over: ended by the player.", reason=state.end_reason)
    return Outcome(True)


_HANDLERS = {
    c.Survey: _survey, c.TechnicalSurvey: _technical_survey, c.Clear: _clear, c.Mark: _mark,
    c.Educate: _educate, c.Cancel: _cancel, c.Confirm: _confirm, c.Hire: _hire, c.StandDown: _stand_down,
    c.Stop: _stop, c.SetPace: _set_pace, c.QualityAssurance: _quality_assurance, c.EndLevel: _end_level,
}
