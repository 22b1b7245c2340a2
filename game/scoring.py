"""The score card and debrief data: released land weighed against safety.

:func:`score_card` reads an ended :class:`~game.sim.Simulation` (its final
state, counters, daily series and the truth) and returns a :class:`ScoreCard`.
Points, thresholds and caps come from the catalogue's ``score_weights``.
Safety comes first: with a death, or an item left in land released without
clearance (cancelled or reduced) -- counting the items civilians set off there
during the level -- no grade is above ``grade_cap_if_unsafe``;
items a clearance team missed cost ``item_missed_in_cleared_land`` each; releasing almost nothing
(``grade_min_release_share``) gets no grade above D.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from game.sim.grid import HAZARDOUS, RELEASED, LandStatus, area_mask
from game.sim.simulation import Simulation

GRADES = ("A", "B", "C", "D", "F")


@dataclass(frozen=True, slots=True)
class ObjectiveResult:
    """Whether the level's objective number ``index`` (in ``level.objectives``) was met; the text layer
    words it (the level's own text, or a default for its kind)."""

    index: int
    kind: str
    met: bool


@dataclass(frozen=True, slots=True)
class ScoreCard:
    """What a run achieved and what it cost. ``to_dict`` gives the JSON form (no arrays)."""

    level_id: str
    seed: int
    days_played: int
    end_reason: str
    released_m2: dict[str, float]  # cancelled, reduced, cleared, total
    weighted_released_m2: float
    items_found: dict[str, int]  # by kind
    items_left_in_released_land: int
    items_left_in_released_land_by_kind: dict[str, int]
    items_left_by_release: dict[str, int]  # live items in cancelled, reduced and cleared land
    items_left_total: int
    deminers: dict[str, int]  # injured, killed
    civilians: dict[str, int]
    spent_usd: float
    budget_left_usd: float
    cost_per_m2_released_usd: float | None
    cost_per_m2_cleared_usd: float | None
    objectives: tuple[ObjectiveResult, ...]
    points: dict[str, float]
    total: float
    best_possible: float
    grade: str
    incidents_on_released_land: dict[str, int] = field(default_factory=dict)  # by release kind
    series: dict[str, tuple] = field(default_factory=dict, repr=False)  # daily, truth included
    truth_map: np.ndarray | None = field(default=None, repr=False)  # live items per cell at the end

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("truth_map")
        out.pop("series")
        out["objectives"] = [asdict(o) for o in self.objectives]
        return out


def score_card(sim: Simulation) -> ScoreCard:
    """Score an ended run (RuntimeError if it has not ended)."""
    truth = sim.truth()
    view = sim.view()
    state = sim.state
    g, cat = state.grid, state.catalogue
    w = cat["score_weights"]
    area = g.cell_area_m2
    status = g.status
    released = np.isin(status, RELEASED)
    by_status = {name: float((status == code).sum() * area)
                 for name, code in (("cancelled", LandStatus.CANCELLED), ("reduced", LandStatus.REDUCED),
                                    ("cleared", LandStatus.CLEARED))}
    by_status["total"] = sum(by_status.values())
    # Points are for land released from the hazard record the level started with; clearing
    # land nobody suspected (confirmed without evidence) earns nothing.
    initially_hazardous = np.isin(g.initial_status, HAZARDOUS)
    weighted = float(g.land_use[released & initially_hazardous].sum() * area)
    per_point = float(w["released_m2_per_point"])
    area_points = 0.0
    for name, code in (("cancelled", LandStatus.CANCELLED), ("reduced", LandStatus.REDUCED),
                       ("cleared", LandStatus.CLEARED)):
        area_points += float(g.land_use[(status == code) & initially_hazardous].sum() * area) * float(w[name])
    area_points *= float(w["released_m2"]) / per_point

    kinds = truth.item_kinds
    live_released = g.live_items * released
    left_by_kind: dict[str, int] = {}
    for row, st in zip(truth.items, truth.item_states):
        if st == "live" and released[int(row["y"]), int(row["x"])]:
            k = kinds[int(row["kind"])]
            left_by_kind[k] = left_by_kind.get(k, 0) + 1
    left_released = int(live_released.sum())
    left_by_release = {name: int(g.live_items[status == code].sum())
                       for name, code in (("cancelled", LandStatus.CANCELLED), ("reduced", LandStatus.REDUCED),
                                          ("cleared", LandStatus.CLEARED))}
    c = state.counters
    # an item a civilian set off on released land was left there too: the incident confirms the land
    # around it again, but the release decision was wrong all the same
    on_released = {name: int(c.incidents_on_released.get(name, 0)) for name in ("cancelled", "reduced", "cleared")}
    left_by_decision = left_by_release["cancelled"] + left_by_release["reduced"] \
        + on_released["cancelled"] + on_released["reduced"]
    finds = dict(sorted(c.finds.items()))
    objectives = tuple(_objective(sim, i, o, view) for i, o in enumerate(state.scenario.level.objectives))
    points = {
        "released_land": round(area_points, 1),
        "items_found": float(w["item_found"]) * sum(finds.values()),
        "objectives": float(w["objective_met"]) * sum(o.met for o in objectives),
        "deminer_casualties": float(w["deminer_injury"]) * c.deminer_injured + float(w["deminer_death"]) * c.deminer_killed,
        "civilian_casualties": float(w["civilian_injury"]) * c.civilian_injured
        + float(w["civilian_death"]) * c.civilian_killed,
        "items_left_in_released_land": float(w["item_left_in_released_land"]) * left_by_decision
        + float(w["item_missed_in_cleared_land"]) * (left_by_release["cleared"] + on_released["cleared"]),
    }
    total = round(sum(points.values()), 1)
    best = float(g.land_use[initially_hazardous].sum() * area) * float(w["released_m2"]) / per_point \
        + float(w["objective_met"]) * len(objectives)
    # Land released without clearance while it still held items is the mistake
    # the game teaches against: it caps the grade. Items a clearance team missed
    # (detection is never perfect) cost points but are residual risk, not a decision.
    unsafe = c.deminer_killed + c.civilian_killed > 0 or left_by_decision > 0
    area_best = float(g.land_use[initially_hazardous].sum() * area)
    too_little = area_best > 0 and weighted < float(w["grade_min_release_share"]) * area_best
    grade = _grade(total, best, w, unsafe, too_little)
    spent = float(state.money.spent)
    cleared = by_status["cleared"]
    return ScoreCard(
        level_id=state.scenario.level.id, seed=sim.seed, days_played=int(view.day), end_reason=view.end_reason,
        released_m2=by_status, weighted_released_m2=weighted, items_found=finds,
        items_left_in_released_land=left_released, items_left_in_released_land_by_kind=left_by_kind,
        items_left_by_release=left_by_release,
        items_left_total=int(g.live_items.sum()),
        deminers={"injured": c.deminer_injured, "killed": c.deminer_killed},
        civilians={"injured": c.civilian_injured, "killed": c.civilian_killed},
        spent_usd=spent, budget_left_usd=float(state.money.budget),
        cost_per_m2_released_usd=round(spent / by_status["total"], 2) if by_status["total"] else None,
        cost_per_m2_cleared_usd=round(spent / cleared, 2) if cleared else None,
        objectives=objectives, points=points, total=total, best_possible=round(best, 1), grade=grade,
        incidents_on_released_land=on_released, series={k: tuple(v) for k, v in state.series.items()}, truth_map=truth.live_items)


def _grade(total: float, best: float, w: dict, unsafe: bool, too_little: bool) -> str:
    thresholds = w["grade_thresholds"]
    ratio = total / best if best > 0 else 0.0
    grade = "F"
    for letter in GRADES[:-1]:
        if ratio >= float(thresholds[letter]):
            grade = letter
            break
    cap = str(w["grade_cap_if_unsafe"])
    if unsafe and GRADES.index(grade) < GRADES.index(cap):
        grade = cap
    if too_little and GRADES.index(grade) < GRADES.index("D"):
        grade = "D"  # keeping everyone off the land is not a safe programme, it is no programme
    return grade


def _objective(sim: Simulation, index: int, o, view) -> ObjectiveResult:
    state = sim.state
    g, c = state.grid, state.counters
    if o.kind == "no_casualties":
        met = c.deminer_injured + c.deminer_killed + c.civilian_injured + c.civilian_killed == 0
    elif o.kind == "within_budget":
        met = state.money.budget >= 0  # running out at the end is not overspending
    elif o.kind == "release_zone":
        mask = area_mask(state.scenario, o.zone)[0]
        met = False
        if mask is not None:
            cells = mask & (g.initial_status != LandStatus.UNKNOWN)
            if cells.any() and np.isin(g.status[cells], RELEASED).all():
                met = o.by_day is None or int(g.release_day[cells].max()) <= o.by_day
    elif o.kind == "release_area":
        series = state.series.get("released_m2", [])
        if o.by_day is not None and o.by_day <= len(series):
            released_then = series[o.by_day - 1]
        else:  # the level ended before the deadline (or has none): what is released at the end
            released_then = float(np.isin(g.status, RELEASED).sum() * g.cell_area_m2)
        met = released_then >= float(o.area_m2 or 0)
    elif o.kind == "educate_village":
        v = next((v for v in view.villages if v.name == o.village), None)
        met = v is not None and v.educated_day > 0 and (o.by_day is None or v.educated_day <= o.by_day)
    else:
        met = False
    return ObjectiveResult(index, o.kind, bool(met))
