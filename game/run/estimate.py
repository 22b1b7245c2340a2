"""What an order would mean, before it is sent: from what the player knows, never from the truth.

:func:`estimate` answers the window's order preview and a trainer's tools:
what is known about the area (survey done, evidence, reports, finds, open dog
indications, confirmed and released land), the order's work in team-days and
what the whole programme costs meanwhile (every deployed team is paid each
day, busy or idle), whether it can finish before the level ends, how many
days of money are left, and what the standards say about the order here, as
advice codes (:data:`ADVICE`) the text layer words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.run.money import daily_burn
from game.sim import commands as c
from game.sim.grid import LandStatus, area_mask, box_near, perimeter_m

#: What the standards say about an order here (codes; game.text.estimate words them).
ADVICE = (
    "cancel_before_survey",  # cancelling land whose non-technical survey is not complete
    "cancel_against_evidence",  # cancelling land with evidence inside or near it
    "cancel_after_rushed_survey",  # cancelling land whose survey was rushed
    "cancel_before_area_surveyed",  # cancelling before the survey of the whole suspected area has ended
    "clear_before_survey",  # sending a clearance team onto land nobody has surveyed
    "clear_whole_suspected",  # full clearance of suspected land a technical survey could reduce
    "dogs_leave_indications",  # dog teams indicate; a manual team must check every indication
    "machine_needs_follow_up",  # machine ground counts only after a manual or dog follow-up
    "technical_survey_on_confirmed",  # (refused) a technical survey needs suspected land
    "does_not_finish",  # the work cannot finish before the level ends
    "money_runs_out",  # the programme's money runs out before the work is done
    "rushed_pace",  # the team works faster than the safe procedure
    "confirm_without_evidence",  # declaring land a confirmed hazardous area with no evidence known there
    "stand_down_rehire",  # a team stood down comes back only by hiring a new one (rehire_usd)
    "stand_down_final",  # a team stood down cannot come back: the level does not let you hire its kind
    "stand_down_busy",  # the team's task stops with it
    "stand_down_abandons",  # no team left can do its work, and the money would pay it (score: work_abandoned)
    "same_ground",  # another team already works this land: each team goes over all of its own area
)


@dataclass(frozen=True, slots=True)
class AreaKnowledge:
    """What the player knows about the land of an order's area."""

    cells: int
    suspected: int
    confirmed: int
    released: int
    surveyed_share: float  # share of the hazardous cells covered by a non-technical survey
    evidence: dict[str, int] = field(default_factory=dict)  # pieces by kind, inside or near the area
    finds: int = 0
    open_indications: int = 0
    prepared: int = 0  # machine ground waiting for follow-up


@dataclass(frozen=True, slots=True)
class Estimate:
    """The preview of one order (all money in US$, areas in m²)."""

    order: str  # the command's type name
    cells: int  # cells the order would work on or change
    area_m2: float
    known: AreaKnowledge
    work_days: float | None  # days of work for its team (None: takes effect at once)
    finishes_day: int | None  # the day it would finish (None: at once, or never)
    one_off_usd: float  # paid at once (marking, a hire)
    programme_per_day_usd: float  # what the whole programme costs a day, this order included
    cost_usd: float  # the programme's pay over the work's days, plus the one-off
    days_of_money: float  # days the programme can be paid after this order's one-off
    unworkable_cells: int = 0
    advice: tuple[str, ...] = ()
    rehire_usd: float | None = None  # stand down: what hiring such a team again would cost at once
    days_of_money_now: float = float("inf")  # days the programme can be paid as it stands, before this order
    per_day_now_usd: float = 0.0  # what the programme costs a day as it stands, before this order


def estimate(session, command: Any) -> Estimate | None:
    """The preview of ``command`` in ``session`` (None when its area is not one)."""
    view = session.view()
    scenario = session.scenario
    catalogue = scenario.level.catalogue
    area = getattr(command, "area", None)
    if isinstance(command, c.Educate):
        area = command.village
    mask = area_mask(scenario, area)[0] if area is not None else np.zeros((view.height, view.width), bool)
    if mask is None:
        return None
    status = view.status
    hazardous = (status == LandStatus.SUSPECTED) | (status == LandStatus.CONFIRMED)
    released = status >= LandStatus.CANCELLED
    known = _knowledge(view, mask, hazardous, released, catalogue)
    running = daily_burn(view, catalogue)
    days_left = max(0, view.last_day - view.day + 1)
    cell_m2 = view.cell_size_m ** 2
    advice: list[str] = []
    one_off, work_days, cells, unworkable, extra_per_day = 0.0, None, 0, 0, 0.0
    rehire: float | None = None
    team = view.team(getattr(command, "team", "") or "") if hasattr(command, "team") else None
    team_cat = catalogue["teams"].get(team.type, {}) if team is not None else {}

    if isinstance(command, c.Cancel):
        target = mask & (status == LandStatus.SUSPECTED)
        cells = int(target.sum())
        if (target & ~np.asarray(view.surveyed)).any():
            advice.append("cancel_before_survey")  # the order will be refused
        elif cells:  # the same judgement the release record will make
            advice += sorted(session.cancel_judgement(np.flatnonzero(target.ravel())))
    elif isinstance(command, c.Confirm):
        cells = int((mask & (status <= LandStatus.SUSPECTED)).sum())
        if cells and not (sum(known.evidence.values()) or known.finds):
            advice.append("confirm_without_evidence")
    elif isinstance(command, c.StandDown):
        if team is not None and team.deployed:
            extra_per_day = -float(team.cost_per_day_usd)
            if team.task_kind is not None:
                advice.append("stand_down_busy")
            if session.would_abandon_work(team.name):
                advice.append("stand_down_abandons")
            if team.type in view.hireable:
                rehire = float(team_cat.get("mobilisation_usd", 0))
                advice.append("stand_down_rehire")
            else:
                advice.append("stand_down_final")
    elif isinstance(command, c.Mark):
        todo = mask & hazardous & ~np.asarray(view.marked)
        cells = int(todo.sum())
        metres = perimeter_m(todo, view.cell_size_m)
        m = catalogue["tasks"]["marking"]
        one_off = metres / 100.0 * float(m["cost_per_100m_perimeter_usd"])
        work_days = metres / float(m["metres_per_team_day"]) if cells else 0.0
    elif isinstance(command, c.QualityAssurance):
        cells = int((mask & released).sum())
        qa = catalogue["tasks"]["quality_assurance"]
        work_days = cells * cell_m2 / float(qa["rate_m2_per_day"])
        extra_per_day = float(qa["cost_per_day_usd"])
    elif isinstance(command, c.Educate):
        work_days = float(team_cat.get("days_per_village", 1)) if team_cat else 1.0
    elif isinstance(command, c.Hire):
        cat = catalogue["teams"].get(command.team_type, {})
        one_off = float(cat.get("mobilisation_usd", 0))
        extra_per_day = float(cat.get("cost_per_day_usd", 0))
    elif isinstance(command, (c.Survey, c.TechnicalSurvey, c.Clear)):
        if isinstance(command, c.Survey):
            target = mask & ~released
        elif isinstance(command, c.TechnicalSurvey):
            target = mask & (status == LandStatus.SUSPECTED)
        else:
            target = mask & hazardous
            if team_cat.get("needs_follow_up"):
                target &= ~np.asarray(view.prepared)
                advice.append("machine_needs_follow_up")
            if team_cat.get("needs_check"):
                advice.append("dogs_leave_indications")
            if known.surveyed_share < 1.0 and known.suspected:
                advice.append("clear_before_survey")
            if known.suspected and not known.confirmed and "technical_survey" in _team_types(view, catalogue):
                advice.append("clear_whole_suspected")
        cells = int(target.sum())
        if team is not None and cells:
            work_days, unworkable = _work_days(view, scenario, team, target, catalogue)
            if team.pace == "rushed":
                advice.append("rushed_pace")
            if _others_on(view, scenario, team, target):
                advice.append("same_ground")
    area_m2 = cells * cell_m2
    per_day = running + extra_per_day
    budget_after = view.budget_usd - one_off
    days_of_money = budget_after / per_day if per_day > 0 else float("inf")
    finishes = None
    cost = one_off
    if work_days is not None:
        whole = int(np.ceil(work_days)) if work_days > 0 else 0
        finishes = view.day + max(0, whole - 1) if whole else view.day
        cost += per_day * max(1, whole) if whole else 0.0
        if finishes > view.last_day:
            advice.append("does_not_finish")
        if days_of_money < whole:
            advice.append("money_runs_out")
    elif days_of_money < days_left and isinstance(command, c.Hire):
        advice.append("money_runs_out")
    now = view.budget_usd / running if running > 0 else float("inf")
    return Estimate(order=type(command).__name__, cells=cells, area_m2=area_m2, known=known, work_days=work_days,
                    finishes_day=finishes, one_off_usd=round(one_off, 2), programme_per_day_usd=per_day,
                    cost_usd=round(cost, 2), days_of_money=days_of_money, unworkable_cells=unworkable,
                    advice=tuple(dict.fromkeys(advice)),
                    rehire_usd=rehire, days_of_money_now=now,
                    per_day_now_usd=running)


def area_knowledge(session, area: Any) -> AreaKnowledge | None:
    """What the player knows about an area (a zone or (x, y, w, h)): the first part of an estimate, alone."""
    view = session.view()
    mask = area_mask(session.scenario, area)[0]
    if mask is None:
        return None
    status = view.status
    hazardous = (status == LandStatus.SUSPECTED) | (status == LandStatus.CONFIRMED)
    return _knowledge(view, mask, hazardous, status >= LandStatus.CANCELLED, session.scenario.level.catalogue)


def _team_types(view, catalogue) -> set[str]:
    return {t.type for t in view.teams if t.deployed} | set(view.hireable)


def _knowledge(view, mask: np.ndarray, hazardous: np.ndarray, released: np.ndarray, catalogue) -> AreaKnowledge:
    haz = mask & hazardous
    n_haz = int(haz.sum())
    surveyed = float((np.asarray(view.surveyed) & haz).sum() / n_haz) if n_haz else 1.0
    buffer_cells = int(float(catalogue["survey"]["evidence_offset_m"]) // view.cell_size_m) + 1
    near = _grow(mask, buffer_cells)
    evidence: dict[str, int] = {}
    for e in view.evidence:
        if near[e.y, e.x]:
            evidence[e.kind] = evidence.get(e.kind, 0) + 1
    finds = sum(1 for f in view.finds if near[f.y, f.x])
    return AreaKnowledge(cells=int(mask.sum()), suspected=int((mask & (view.status == LandStatus.SUSPECTED)).sum()),
                         confirmed=int((mask & (view.status == LandStatus.CONFIRMED)).sum()),
                         released=int((mask & released).sum()), surveyed_share=surveyed, evidence=evidence,
                         finds=finds, open_indications=int((np.asarray(view.indication) & mask).sum()),
                         prepared=int((np.asarray(view.prepared) & mask).sum()))


def _near_evidence(view, target: np.ndarray, catalogue) -> np.ndarray:
    """Which target cells (in the order of ``target``'s cells) lie near known evidence, where a technical
    survey searches all the ground (as game.sim.orders' targeted investigation)."""
    r = int(float(catalogue["survey"]["evidence_offset_m"]) // view.cell_size_m)
    if not view.evidence:
        return np.zeros(int(target.sum()), bool)
    xs = np.array([e.x for e in view.evidence], dtype=np.intp)
    ys = np.array([e.y for e in view.evidence], dtype=np.intp)
    return box_near(target.shape[0], target.shape[1], xs, ys, r)[target]


def _grow(mask: np.ndarray, r: int) -> np.ndarray:
    """The mask grown by ``r`` cells in every direction (a square neighbourhood)."""
    ys, xs = np.nonzero(mask)
    return box_near(mask.shape[0], mask.shape[1], xs, ys, r)


_TASK_OF_WORK = {"survey": "survey", "technical_survey": "technical_survey", "clearance": "clearance"}


def _others_on(view, scenario, team, target: np.ndarray) -> bool:
    """Whether another team already does the same kind of work on some of the target cells. The simulation
    gives each team all the cells of its own order (as a machine, row by row): a second team on the same
    land goes over the same ground and the land is done no sooner, so the preview says so."""
    kind = _TASK_OF_WORK.get(scenario.level.catalogue["teams"].get(team.type, {}).get("works_on", ""))
    for other in view.teams:
        if other.name == team.name or not other.deployed or other.task_kind != kind or other.task_area is None:
            continue
        mask = area_mask(scenario, other.task_area)[0]
        if mask is not None and (mask & target).any():
            return True
    return False


def _work_days(view, scenario, team, target: np.ndarray, catalogue) -> tuple[float, int]:
    """Days of work for a team over the target cells from the catalogue (terrain, pace, the scrap the level
    says lies in its zones; ground a machine prepared); and how many cells it cannot work on. A technical
    survey searches only lanes (``sample_share`` of its area, and the ground around known evidence) at the
    full cost; the ground between its lanes costs ``lane_overhead_share`` of its area (as
    game.sim.orders does: the lanes themselves are drawn only when the order is given)."""
    cat = catalogue["teams"][team.type]
    column = cat.get("terrain_speed")
    mult_by_terrain = np.array([float(catalogue["terrain"].get(n, {}).get(column, 1.0)) if column else 1.0
                                for n in view.terrain_names] or [1.0])
    mult = mult_by_terrain[np.asarray(view.terrain)[target]]
    workable = mult > 0
    cell_m2 = view.cell_size_m ** 2
    cost = np.zeros(len(mult), np.float64)  # open-ground m² of work per target cell
    cost[workable] = cell_m2 / mult[workable]
    if "false_alarm_minutes" in cat and scenario.level.clutter:
        scrap = np.zeros(target.shape, np.float64)
        for spec in scenario.level.clutter:
            obj = scenario.map.object_named(spec.zone)
            if obj is not None:
                scrap[np.asarray(obj.mask, bool)] = spec.pieces_per_100m2 * cell_m2 / 100.0
        minutes_a_day = float(cat["deminers"]) * float(cat["field_hours_per_day"]) * 60.0
        per_signal = float(cat["false_alarm_minutes"]) * float(cat["rate_m2_per_day"]) / minutes_a_day
        cost[workable] += scrap[target][workable] * per_signal
    if cat.get("works_on") == "clearance" and not cat.get("needs_follow_up"):
        factor = next((float(t.get("follow_up_speed_factor", 1.0)) for t in catalogue["teams"].values()
                       if t.get("needs_follow_up")), 1.0)
        prepared = np.asarray(view.prepared)[target]
        cost = np.where(prepared, cost / factor, cost)
    if "sample_share" in cat:
        k = max(1, int(round(1.0 / max(float(cat["sample_share"]), 1e-6))))
        searched = np.full(len(cost), 1.0 / k)  # the expected share of each cell the lanes cover
        searched[_near_evidence(view, target, catalogue)] = 1.0  # known evidence: searched all around it
        overhead = float(cat.get("lane_overhead_share", 0.0)) * cell_m2
        cost = np.where(workable, searched * cost + (1.0 - searched) * overhead, 0.0)
    work = float(cost[workable].sum())
    rate = float(cat.get("rate_m2_per_day", 0.0) or 0.0)
    speed = float(catalogue["safety"]["rushed_speed_factor"]) if team.pace == "rushed" else 1.0
    days = work / (rate * speed) if rate > 0 else 0.0
    return days, int((~workable).sum())
