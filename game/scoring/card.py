"""The score card of an ended run: land released by evidence, harm averted, decisions, objectives, grade.

Points (weights in the catalogue's ``score_weights``):

- ``released_land``: justified releases of land the level suspected, weighted by land use; land reduced
  or cleared counts fully once quality assurance has passed over it (handed over), else
  ``unverified_release_share`` of it; cancelled land needs no QA. Unjustified releases earn nothing;
- ``unjustified_releases``: minus ``unjustified_release`` times their weighted area;
- ``harm_averted``: civilians' expected casualties averted compared with doing nothing (during the level
  and over ``horizon_days`` after it, from every item that may still be live), at the cost of a casualty;
  the residual risk of land released *with* justification weighs ``residual_risk_weight`` (the standards
  accept it after all reasonable effort; it is shown in full in the debrief), the rest fully;
- ``deminer_harm``: deminers' expected casualties (per item excavated or passed, at the pace worked);
- ``objectives``: each objective met.

The grade is the share of the best possible total (all suspected land released and handed over, all harm
averted, every objective met), capped: a decision error (an unjustified release) or a death caused by
rushing caps it at ``grade_cap_if_unsafe``; releasing almost nothing caps it at D. Realised casualties are told and counted, but luck never sets the grade.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from game.sim.grid import HAZARDOUS, RELEASED, LandStatus
from game.sim.release import WHY

from .harm import ExpectedHarm, expected_harm
from .objectives import ObjectiveResult, judge

GRADES = ("A", "B", "C", "D", "F")
KINDS = (("cancelled", LandStatus.CANCELLED), ("reduced", LandStatus.REDUCED), ("cleared", LandStatus.CLEARED))


@dataclass(frozen=True, slots=True)
class ScoreCard:
    """What a run achieved and what it cost. ``to_dict`` gives the JSON form (no arrays)."""

    level_id: str
    seed: int
    days_played: int
    end_reason: str  # last_day, budget, player
    released_m2: dict[str, float]  # cancelled, reduced, cleared, total (land released now)
    justified_m2: dict[str, float]  # the same, released with justification
    unjustified_m2: dict[str, float]  # by kind of release, land released without justification during the run
    unjustified_by_reason: dict[str, float]  # m2 by the release record's reason code
    verified_m2: float  # reduced or cleared land quality assurance passed over
    weighted_released_m2: float
    items_found: dict[str, int]  # by kind
    items_live: dict[str, int]  # live items at the end by the land they lie in (suspected, confirmed, ...)
    items_left_in_released_land: int  # live items in land released at some time of the run
    items_left_in_released_land_by_kind: dict[str, int]
    items_left_by_release: dict[str, int]  # live items in cancelled, reduced and cleared land now
    items_left_total: int
    expected_harm: dict[str, float]
    deminers: dict[str, int]  # injured, killed (what happened)
    civilians: dict[str, int]
    casualties_from_decisions: int  # people hurt on land released without justification, or by rushed work
    spent_usd: float
    budget_left_usd: float
    cost_per_m2_released_usd: float | None
    cost_per_m2_cleared_usd: float | None
    objectives: tuple[ObjectiveResult, ...]
    decision_errors: tuple[dict, ...]  # the unjustified releases: order, day, kind, why, m2, x, y
    qa_failures: int
    points: dict[str, float]
    total: float
    best_possible: float
    grade: str
    grade_caps: tuple[str, ...] = ()  # why the grade was capped: decision_error, rushed_death, too_little
    series: dict[str, tuple] = field(default_factory=dict, repr=False)  # daily, truth included
    truth_map: np.ndarray | None = field(default=None, repr=False)  # live items per cell at the end

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("truth_map")
        out.pop("series")
        out["objectives"] = [asdict(o) for o in self.objectives]
        out["decision_errors"] = [dict(e) for e in self.decision_errors]
        out["grade_caps"] = list(self.grade_caps)
        return out

    def release_summary(self) -> dict[str, Any]:
        """What `minerisk simulate --json` reports of the release record."""
        return {"justified_m2": self.justified_m2, "unjustified_m2": self.unjustified_m2,
                "unjustified_by_reason": self.unjustified_by_reason, "verified_m2": self.verified_m2,
                "expected_harm": self.expected_harm, "items_live": self.items_live,
                "decision_errors": len(self.decision_errors), "qa_failures": self.qa_failures}


def score_card(sim) -> ScoreCard:
    """Score an ended run (RuntimeError if it has not ended)."""
    truth = sim.truth()
    view = sim.view()
    state = sim.state
    with sim.world():
        harm = expected_harm(state)
    g, w = state.grid, state.catalogue["score_weights"]
    area = g.cell_area_m2
    rec = state.releases
    status = g.status
    released = np.isin(status, RELEASED)
    justified = rec.why == 0
    suspected_at_start = np.isin(g.initial_status, HAZARDOUS)
    by_status = {name: float((status == code).sum() * area) for name, code in KINDS}
    by_status["total"] = sum(by_status.values())
    just = {name: float(((status == code) & justified).sum() * area) for name, code in KINDS}
    just["total"] = sum(just.values())
    unjust_kind: dict[str, float] = {name: 0.0 for name, _ in KINDS}
    unjust_why: dict[str, float] = {}
    for e in rec.unjustified_entries():
        unjust_kind[e.kind] = unjust_kind.get(e.kind, 0.0) + e.m2
        unjust_why[e.why] = unjust_why.get(e.why, 0.0) + e.m2
    verified = released & rec.verified & (status != LandStatus.CANCELLED)

    # area points: justified releases of suspected land, by land use; reduced/cleared count fully once verified
    per_point = float(w["released_m2_per_point"])
    counted = released & justified & suspected_at_start
    share = np.where(status == LandStatus.CANCELLED, 1.0,
                     np.where(rec.verified, 1.0, float(w["unverified_release_share"])))
    kind_weight = np.zeros(status.shape)
    for name, code in KINDS:
        kind_weight[status == code] = float(w[name])
    area_points = float((g.land_use * share * kind_weight)[counted].sum() * area) * float(w["released_m2"]) / per_point
    unjust_cells = rec.ever_unjustified & suspected_at_start
    unjust_points = -float(w["unjustified_release"]) * float(g.land_use[unjust_cells].sum() * area) / per_point
    civ = state.catalogue["civilians"]
    d_civ = float(civ["casualty_death_share"])
    per_civilian = (1 - d_civ) * abs(float(w["civilian_injury"])) + d_civ * abs(float(w["civilian_death"]))
    safety = state.catalogue["safety"]
    d_dem = float(safety["death_share_with_medic"])
    per_deminer = (1 - d_dem) * abs(float(w["deminer_injury"])) + d_dem * abs(float(w["deminer_death"]))

    c = state.counters
    decision_casualties = _decision_casualties(state)
    best_area = float(g.land_use[suspected_at_start].sum() * area) * float(w["released_m2"]) / per_point
    weighted = float(g.land_use[released & justified & suspected_at_start].sum() * area)
    released_share = weighted / float(g.land_use[suspected_at_start].sum() * area) if suspected_at_start.any() else 0.0
    objectives = judge(state, view, harm, decision_casualties, released_share)
    points = {
        "released_land": round(area_points, 1),
        "unjustified_releases": round(unjust_points, 1),
        "harm_averted": round((harm.civilian_idle - harm.judged(float(w["residual_risk_weight"]))) * per_civilian, 1),
        "deminer_harm": round(-harm.deminer * per_deminer, 1),
        "objectives": float(w["objective_met"]) * sum(o.met for o in objectives),
    }
    total = round(sum(points.values()), 1)
    best = best_area + harm.civilian_idle * per_civilian + float(w["objective_met"]) * len(objectives)

    caps = []
    if rec.unjustified_entries():
        caps.append("decision_error")
    if _rushed_deaths(state):
        caps.append("rushed_death")
    if suspected_at_start.any() and released_share < float(w["grade_min_release_share"]):
        caps.append("too_little")
    grade = _grade(total, best, w, caps)

    kinds = truth.item_kinds
    ever = rec.ever_released
    left_by_kind: dict[str, int] = {}
    for row, st in zip(truth.items, truth.item_states):
        if st == "live" and ever[int(row["y"]), int(row["x"])]:
            k = kinds[int(row["kind"])]
            left_by_kind[k] = left_by_kind.get(k, 0) + 1
    live = g.live_items
    items_live = {name: int(live[status == code].sum()) for name, code in
                  (("unknown", LandStatus.UNKNOWN), ("suspected", LandStatus.SUSPECTED),
                   ("confirmed", LandStatus.CONFIRMED), *KINDS)}
    items_live["marked"] = int(live[g.marked].sum())
    errors = tuple({"order": e.order, "day": e.day, "kind": e.kind, "why": e.why, "m2": e.m2, "x": e.x, "y": e.y}
                   for e in rec.unjustified_entries())
    spent = float(state.money.spent)
    return ScoreCard(
        level_id=state.scenario.level.id, seed=sim.seed, days_played=int(view.day), end_reason=view.end_reason,
        released_m2=by_status, justified_m2=just, unjustified_m2=unjust_kind, unjustified_by_reason=unjust_why,
        verified_m2=float(verified.sum() * area), weighted_released_m2=weighted, items_found=dict(sorted(c.finds.items())),
        items_live=items_live, items_left_in_released_land=int(live[ever].sum()),
        items_left_in_released_land_by_kind=left_by_kind,
        items_left_by_release={name: int(live[status == code].sum()) for name, code in KINDS},
        items_left_total=int(live.sum()), expected_harm=harm.to_dict(),
        deminers={"injured": c.deminer_injured, "killed": c.deminer_killed},
        civilians={"injured": c.civilian_injured, "killed": c.civilian_killed},
        casualties_from_decisions=decision_casualties, spent_usd=spent, budget_left_usd=float(state.money.budget),
        cost_per_m2_released_usd=round(spent / by_status["total"], 2) if by_status["total"] else None,
        cost_per_m2_cleared_usd=round(spent / by_status["cleared"], 2) if by_status["cleared"] else None,
        objectives=objectives, decision_errors=errors, qa_failures=len(rec.qa_failures), points=points,
        total=total, best_possible=round(best, 1), grade=grade, grade_caps=tuple(caps),
        series={k: tuple(v) for k, v in state.series.items()}, truth_map=truth.live_items)


def _decision_casualties(state) -> int:
    """People hurt because of a decision: on land once released without justification, or by rushed work."""
    n = 0
    unjust = state.releases.ever_unjustified
    for e in state.log.all():
        if e.code == "incident" and unjust[int(e.params["y"]), int(e.params["x"])]:
            n += 1
        elif e.code == "accident" and e.params.get("rushed"):
            n += 1
    return n


def _rushed_deaths(state) -> int:
    return sum(1 for e in state.log.all() if e.code == "accident" and e.params.get("rushed") and e.params.get("killed"))


def _grade(total: float, best: float, w: dict, caps: list[str]) -> str:
    thresholds = w["grade_thresholds"]
    ratio = total / best if best > 0 else 0.0
    grade = "F"
    for letter in GRADES[:-1]:
        if ratio >= float(thresholds[letter]):
            grade = letter
            break
    limits = {"decision_error": str(w["grade_cap_if_unsafe"]), "rushed_death": str(w["grade_cap_if_unsafe"]),
              "too_little": "D"}
    for cap in caps:
        limit = limits[cap]
        if GRADES.index(grade) < GRADES.index(limit):
            grade = limit
    return grade


__all__ = ["GRADES", "KINDS", "ObjectiveResult", "ScoreCard", "score_card", "ExpectedHarm", "WHY"]
