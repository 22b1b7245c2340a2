"""Checking and carrying out the player's orders.

:func:`apply_order` answers every command with an :class:`Outcome`: accepted
(with a note code, e.g. how many m2 were cancelled), or rejected with a reason
code (machine ordered onto water, team busy, no money, unknown zone, wrong
day). Codes and their parameters are listed in :data:`OUTCOME_CODES`;
:mod:`game.text` turns them into words a student understands. It never raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import esper
import numpy as np

from . import commands as c
from .area_work import lane_costs, plan, workable
from .components import SampledCells, Task, Team, VillageState, VillageTask
from .effects import end_task, release
from .grid import HAZARDOUS, RELEASED, LandStatus, area_mask, is_hazardous, is_released, near_points, perimeter_m
from .processors.compliance import note_sent_home
from .release import CANCEL_AFTER_RUSHED_SURVEY, CANCEL_AGAINST_EVIDENCE, CANCEL_BEFORE_AREA_SURVEYED
from .processors.costs import daily_cost
from .state import SimState

PACES = ("sop", "rushed")


#: Outcome codes and their parameters. Rejections first, then notes on accepted orders.
OUTCOME_CODES: dict[str, tuple[str, ...]] = {
    # rejected
    "not_an_order": ("type",),
    "invalid_order": ("error",),
    "level_ended": ("reason",),
    "wrong_day": ("order_day", "today"),
    "team_not_named": (),
    "no_such_team": ("team",),
    "team_stood_down": ("team",),
    "team_cannot": ("team", "team_type", "order"),
    "team_busy": ("team", "area"),
    "no_such_zone": ("zone",),
    "zone_without_cells": ("zone",),
    "bad_rectangle": (),
    "rectangle_outside_map": ("area", "width", "height"),
    "bad_area": (),
    "already_released": ("area",),
    "cancel_before_survey": ("area", "unsurveyed_m2"),
    "no_suspected_land": ("area",),
    "terrain_unworkable": ("team", "area"),
    "nothing_to_clear": ("area",),
    "nothing_to_mark": ("area",),
    "marking_unaffordable": ("cost_usd", "metres", "budget_usd"),
    "no_such_village": ("village", "villages"),
    "confirmed_cannot_be_cancelled": ("area",),
    "nothing_to_confirm": ("area",),
    "unknown_team_type": ("team_type", "known"),
    "not_hireable": ("team_type", "hireable"),
    "hire_unaffordable": ("team_type", "cost_usd", "budget_usd"),
    "no_task": ("team",),
    "bad_pace": ("pace", "paces"),
    "nothing_to_check": ("area",),
    "qa_unaffordable": ("cost_usd", "budget_usd"),
    # accepted, with a note
    "accepted": (),
    "cells_left_out": ("cells",),
    "marking_ordered": ("cost_usd", "metres"),
    "cancelled": ("m2",),
    "confirmed": ("m2",),
    "hired": ("team", "cost_usd"),
    "stood_down": ("team",),
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The answer to an order: accepted or not, a code saying why (see :data:`OUTCOME_CODES`) with its
    parameters, and the team it concerns (e.g. a new hire)."""

    accepted: bool
    code: str = "accepted"
    params: dict[str, Any] = field(default_factory=dict)
    team: str | None = None

    def __bool__(self) -> bool:
        return self.accepted

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as the run record keeps it."""
        out: dict[str, Any] = {"accepted": self.accepted, "code": self.code}
        if self.params:
            out["params"] = dict(self.params)
        return out


class Rejected(Exception):
    """Raised inside this module only, to turn a failed check into a rejected Outcome."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


def apply_order(state: SimState, cmd: object) -> Outcome:
    handler = _HANDLERS.get(type(cmd))
    if handler is None:
        return Outcome(False, "not_an_order", {"type": type(cmd).__name__})
    if state.ended:
        return Outcome(False, "level_ended", {"reason": state.end_reason})
    day = getattr(cmd, "day", None)
    if not isinstance(day, (int, np.integer)) or isinstance(day, bool) or day != state.day:
        return Outcome(False, "wrong_day", {"order_day": day if isinstance(day, int) else None,
                                            "today": state.day})
    try:
        outcome = handler(state, cmd)  # an order's number is state.orders_given while it is carried out
    except Rejected as exc:
        return Outcome(False, exc.code, exc.params)
    state.log.add(state.day, "order", order=c.to_dict(cmd), number=state.orders_given)
    state.orders_given += 1
    return outcome


def _area_param(area: object) -> Any:
    """An area as an event or outcome parameter: a zone name, or [x, y, w, h]."""
    return list(area) if isinstance(area, tuple) else area


# ------------------------------------------------------------------ helpers


def _team(state: SimState, name: object) -> tuple[int, Team]:
    if not isinstance(name, str):
        raise Rejected("team_not_named")
    for ent, team in esper.get_component(Team):
        if team.name == name:
            if not team.deployed:
                raise Rejected("team_stood_down", team=name)
            return ent, team
    raise Rejected("no_such_team", team=name)


def _idle_team(state: SimState, name: object, works_on: str, order: str) -> tuple[int, Team]:
    ent, team = _team(state, name)
    if state.rules.team(team.type).get("works_on") != works_on:
        raise Rejected("team_cannot", team=team.name, team_type=team.type, order=order)
    if team.task is not None:
        raise Rejected("team_busy", team=team.name, area=esper.component_for_entity(team.task, Task).area)
    return ent, team


def _mask(state: SimState, area: object) -> np.ndarray:
    mask, code, params = area_mask(state.scenario, area)
    if mask is None:
        raise Rejected(code, **params)
    return mask


def _status_in(state: SimState, mask: np.ndarray, codes) -> np.ndarray:
    """The cells of ``mask`` whose land status is one of ``codes`` (plain comparisons: np.isin over the whole
    map was most of the cost of an order)."""
    status = state.grid.status
    out = np.zeros_like(mask)
    for code in codes:
        out |= status == int(code)
    return mask & out


def _start(state: SimState, task: Task, team: Team | None, *extra) -> int:
    task.order = state.orders_given
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
    """Which cells lie in this pass's search lanes: parallel lanes one cell wide every k cells
    (k = 1 / share), spread over the whole area, in a direction and at an offset drawn afresh for each pass
    (rows, columns or either diagonal), so a second pass searches other ground than the first; never fewer
    than the share of the cells."""
    k = max(1, int(round(1.0 / max(share, 1e-6))))
    rng = state.rng["technical_survey"]
    direction, offset = int(rng.integers(0, 4)), int(rng.integers(0, k))
    x, y = cells % state.grid.width, cells // state.grid.width
    coordinate = (y, x, x + y, x - y)[direction]
    lanes = (coordinate + offset) % k == 0
    # a thin or small area can miss the lanes' pattern: then cells drawn at random make up the share, so
    # every pass searches at least its share of the ground it may reduce (GAME_MODEL: "sampled at its share")
    need = int(np.ceil(share * len(cells) - 1e-9))
    short = need - int(lanes.sum())
    if short > 0:
        lanes[rng.choice(np.flatnonzero(~lanes), size=short, replace=False)] = True
    return lanes


def _near_known_evidence(state: SimState, cells: np.ndarray) -> np.ndarray:
    """Cells a technical survey targets besides its lanes: around every piece of known evidence
    (within ``survey.evidence_offset_m``)."""
    g = state.grid
    r = int(float(state.catalogue["survey"]["evidence_offset_m"]) // g.cell_size_m)
    xs = np.array([e.x for e in state.evidence], dtype=np.intp)
    ys = np.array([e.y for e in state.evidence], dtype=np.intp)
    return near_points(g.height, g.width, cells, xs, ys, r)


# ----------------------------------------------------------------- handlers


def _survey(state: SimState, cmd: c.Survey) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "survey", "survey")
    mask = _mask(state, cmd.area)
    village = _village(state, cmd.area)
    if village is not None:
        mask = mask | (village[1].catchment & is_hazardous(state.grid.status))
    mask = mask & ~is_released(state.grid.status)
    if not mask.any():
        raise Rejected("already_released", area=_area_param(cmd.area))
    _start(state, plan(state, "survey", _area_param(cmd.area), ent, team.type, mask), team)
    return Outcome(True, team=team.name)


def _technical_survey(state: SimState, cmd: c.TechnicalSurvey) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "technical_survey", "technical_survey")
    mask = _status_in(state, _mask(state, cmd.area), [LandStatus.SUSPECTED])
    if not mask.any():
        raise Rejected("no_suspected_land", area=_area_param(cmd.area))
    mask = workable(state, team.type, mask)
    if not mask.any():
        raise Rejected("terrain_unworkable", team=team.name, area=_area_param(cmd.area))
    task = plan(state, "technical_survey", _area_param(cmd.area), ent, team.type, mask)
    share = float(state.rules.team(team.type)["sample_share"])
    searched = _lanes(state, task.cells, share) | _near_known_evidence(state, task.cells)
    task.cum_cost = np.cumsum(lane_costs(state, team.type, task.cells, searched))
    _start(state, task, team, SampledCells(searched))
    return Outcome(True, team=team.name)


def _clear(state: SimState, cmd: c.Clear) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "clearance", "clear")
    mask = _status_in(state, _mask(state, cmd.area), HAZARDOUS)
    cat = state.rules.team(team.type)
    if cat.get("needs_follow_up"):
        mask &= ~state.grid.prepared
    if not mask.any():
        raise Rejected("nothing_to_clear", area=_area_param(cmd.area))
    able = workable(state, team.type, mask)
    if not able.any():
        raise Rejected("terrain_unworkable", team=team.name, area=_area_param(cmd.area))
    _start(state, plan(state, "clearance", _area_param(cmd.area), ent, team.type, able), team)
    skipped = int(mask.sum() - able.sum())
    if skipped:
        return Outcome(True, "cells_left_out", {"cells": skipped}, team.name)
    return Outcome(True, team=team.name)


def _cells_of_running(kind: str) -> np.ndarray:
    """Flat cells that running tasks of this kind still cover (so no land is paid for twice)."""
    parts = [task.cells for _, task in esper.get_component(Task) if task.kind == kind]
    return np.concatenate(parts) if parts else np.zeros(0, np.int64)


def _mark(state: SimState, cmd: c.Mark) -> Outcome:
    mask = _status_in(state, _mask(state, cmd.area), HAZARDOUS) & ~state.grid.marked
    mask.flat[_cells_of_running("marking")] = False
    if not mask.any():
        raise Rejected("nothing_to_mark", area=_area_param(cmd.area))
    marking = state.catalogue["tasks"]["marking"]
    metres = perimeter_m(mask, state.grid.cell_size_m)
    cost = metres / 100.0 * float(marking["cost_per_100m_perimeter_usd"])
    if cost + daily_cost(state) > state.money.budget:
        raise Rejected("marking_unaffordable", cost_usd=round(cost, 2), metres=round(metres, 1),
                       budget_usd=round(state.money.budget, 2))
    state.money.budget -= cost
    state.money.spent += cost
    task = plan(state, "marking", _area_param(cmd.area), None, None, mask)
    task.cum_cost = np.arange(1, len(task.cells) + 1, dtype=np.float64) * (metres / len(task.cells))
    _start(state, task, None)
    return Outcome(True, "marking_ordered", {"cost_usd": round(cost, 2), "metres": round(metres, 1)})


def _educate(state: SimState, cmd: c.Educate) -> Outcome:
    ent, team = _idle_team(state, cmd.team, "village", "educate")
    village = _village(state, cmd.village)
    if village is None:
        names = sorted(v.name for _, v in esper.get_component(VillageState))
        raise Rejected("no_such_village", village=cmd.village, villages=names)
    days = int(state.rules.team(team.type)["days_per_village"])
    task = Task(kind="education", area=str(cmd.village), team=ent, cells=np.zeros(0, np.int64),
                cum_cost=np.zeros(0), started_day=state.day)
    _start(state, task, team, VillageTask(village[0], days))
    return Outcome(True, team=team.name)


def _cancel(state: SimState, cmd: c.Cancel) -> Outcome:
    """Cancellation: refused on land whose non-technical survey has not covered it (it cannot be justified
    at all); allowed, and judged in the release record, against evidence or after a rushed survey."""
    area = _mask(state, cmd.area)
    mask = _status_in(state, area, [LandStatus.SUSPECTED])
    if not mask.any():
        if _status_in(state, area, [LandStatus.CONFIRMED]).any():
            raise Rejected("confirmed_cannot_be_cancelled", area=_area_param(cmd.area))
        raise Rejected("no_suspected_land", area=_area_param(cmd.area))
    unsurveyed = mask & ~state.grid.surveyed
    if unsurveyed.any():
        raise Rejected("cancel_before_survey", area=_area_param(cmd.area),
                       unsurveyed_m2=int(unsurveyed.sum()) * state.grid.cell_area_m2)
    cells = np.flatnonzero(mask.ravel())
    n = release(state, cells, LandStatus.CANCELLED, state.orders_given, cancel_judgement(state, cells))
    return Outcome(True, "cancelled", {"m2": n * state.grid.cell_area_m2})


def cancel_judgement(state: SimState, cells: np.ndarray) -> np.ndarray:
    """The release record's code for cancelling each of these (surveyed, suspected) cells now: against
    evidence when known evidence lies in the cell's suspected area or within the buffer of it; before the
    survey of its whole suspected area has ended (the rest of the area may still turn up evidence); after a
    rushed survey when its survey was rushed; else justified."""
    g = state.grid
    why = np.zeros(len(cells), np.int8)
    why[g.survey_rushed.flat[cells]] = CANCEL_AFTER_RUSHED_SURVEY
    still_suspected_unsurveyed = (g.status == LandStatus.SUSPECTED) & ~g.surveyed
    zones = []  # the suspected areas these cells lie in, and which of the cells
    for obj in state.scenario.map.objects_of("suspected_area"):
        zone = np.asarray(obj.mask, bool)
        inside = zone.ravel()[cells]
        if inside.any():
            zones.append((zone, inside))
    for zone, inside in zones:
        if (zone & still_suspected_unsurveyed).any():
            why[inside] = CANCEL_BEFORE_AREA_SURVEYED
    points = [(e.x, e.y) for e in state.evidence] + [(f.x, f.y) for f in state.finds]
    points += [tuple(int(v) for v in divmod(int(c), g.width))[::-1] for c in np.flatnonzero(g.indication.ravel())]
    if not points:
        return why
    xs = np.array([p[0] for p in points], np.intp)
    ys = np.array([p[1] for p in points], np.intp)
    buffer_cells = int(float(state.catalogue["release_rules"]["cancel_evidence_buffer_m"]) // g.cell_size_m)
    near = near_points(g.height, g.width, cells, xs, ys, buffer_cells)
    for zone, inside in zones:
        if zone[ys, xs].any():
            near |= inside
    why[near] = CANCEL_AGAINST_EVIDENCE
    return why


def _confirm(state: SimState, cmd: c.Confirm) -> Outcome:
    # The suspected land in the area is confirmed; an area with no suspected land at all
    # confirms unknown land instead (a hazardous area found outside any report).
    area = _mask(state, cmd.area)
    mask = _status_in(state, area, [LandStatus.SUSPECTED])
    if not mask.any():
        mask = _status_in(state, area, [LandStatus.UNKNOWN])
    if not mask.any():
        raise Rejected("nothing_to_confirm", area=_area_param(cmd.area))
    state.grid.status[mask] = LandStatus.CONFIRMED
    state.grid.touch(mask)
    return Outcome(True, "confirmed", {"m2": int(mask.sum()) * state.grid.cell_area_m2})


def _hire(state: SimState, cmd: c.Hire) -> Outcome:
    if cmd.team_type not in state.rules.teams:
        raise Rejected("unknown_team_type", team_type=cmd.team_type, known=list(state.rules.teams))
    if cmd.team_type not in state.scenario.level.hireable:
        raise Rejected("not_hireable", team_type=cmd.team_type, hireable=list(state.scenario.level.hireable))
    cat = state.rules.team(cmd.team_type)
    cost = float(cat["mobilisation_usd"])
    needed = cost + float(cat["cost_per_day_usd"]) + daily_cost(state)
    if needed > state.money.budget:
        raise Rejected("hire_unaffordable", team_type=cmd.team_type, cost_usd=cost,
                       budget_usd=round(state.money.budget, 2))
    state.money.budget -= cost
    state.money.spent += cost
    name = new_team(state, cmd.team_type)
    return Outcome(True, "hired", {"team": name, "cost_usd": cost}, name)


def new_team(state: SimState, team_type: str, base: str = "") -> str:
    """A new team of a catalogue type, numbered within its type; returns its name (its id in orders)."""
    n = state.team_numbers.get(team_type, 0) + 1
    state.team_numbers[team_type] = n
    name = team_name(team_type, n)
    esper.create_entity(Team(team_type, name, n, bool(state.rules.team(team_type).get("has_medic", False)),
                             hired_day=state.day, base=base))
    return name


def team_name(team_type: str, number: int) -> str:
    """The id a team is given in orders: its type and its number within the type ("manual-2")."""
    return f"{team_type}-{number}"


def _stand_down(state: SimState, cmd: c.StandDown) -> Outcome:
    ent, team = _team(state, cmd.team)
    if team.task is not None:
        end_task(state, team.task)
    team.deployed = False
    note_sent_home(state, [team])
    return Outcome(True, "stood_down", {"team": team.name}, team.name)


def _stop(state: SimState, cmd: c.Stop) -> Outcome:
    ent, team = _team(state, cmd.team)
    if team.task is None:
        raise Rejected("no_task", team=team.name)
    end_task(state, team.task)
    return Outcome(True, team=team.name)


def _set_pace(state: SimState, cmd: c.SetPace) -> Outcome:
    ent, team = _team(state, cmd.team)
    if cmd.pace not in PACES:
        raise Rejected("bad_pace", pace=str(cmd.pace), paces=list(PACES))
    team.pace = cmd.pace
    return Outcome(True, team=team.name)


def _quality_assurance(state: SimState, cmd: c.QualityAssurance) -> Outcome:
    mask = _status_in(state, _mask(state, cmd.area), RELEASED)
    mask.flat[_cells_of_running("quality_assurance")] = False
    if not mask.any():
        raise Rejected("nothing_to_check", area=_area_param(cmd.area))
    qa = state.catalogue["tasks"]["quality_assurance"]
    cost = float(qa["cost_per_day_usd"])
    if cost + daily_cost(state) > state.money.budget:
        raise Rejected("qa_unaffordable", cost_usd=cost, budget_usd=round(state.money.budget, 2))
    task = plan(state, "quality_assurance", _area_param(cmd.area), None, None, mask)
    sampled = state.rng["quality_assurance"].random(len(task.cells)) < float(qa["sample_share"])
    _start(state, task, None, SampledCells(sampled))
    return Outcome(True)


def _end_level(state: SimState, cmd: c.EndLevel) -> Outcome:
    deployed = [t for _, t in sorted(esper.get_component(Team), key=lambda p: p[0]) if t.deployed]
    for team in deployed:
        team.deployed = False  # what the rest of the programme costs is counted team by team
    note_sent_home(state, deployed)
    for team in deployed:
        team.deployed = True
    state.ended = True
    state.end_reason = "player"
    state.log.add(state.day, "level_end", reason=state.end_reason)
    return Outcome(True)


_HANDLERS = {
    c.Survey: _survey, c.TechnicalSurvey: _technical_survey, c.Clear: _clear, c.Mark: _mark,
    c.Educate: _educate, c.Cancel: _cancel, c.Confirm: _confirm, c.Hire: _hire, c.StandDown: _stand_down,
    c.Stop: _stop, c.SetPace: _set_pace, c.QualityAssurance: _quality_assurance, c.EndLevel: _end_level,
}
