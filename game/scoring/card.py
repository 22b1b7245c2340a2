"""The score card of an ended run: land released by evidence, safety, decisions, objectives, grade.

The total is ``score_weights.points`` times a weighted sum of shares (weights in the catalogue):

- ``land``: land released *with justification*, by land-use value, as a share of the suspected land's;
  land reduced or cleared counts fully once quality assurance has passed over it (handed over), else
  ``unverified_release_share`` of it; cancelled land needs no QA. Unjustified releases earn nothing and
  cost ``unjustified_release`` times their value;
- ``safety``: 1 - the run's expected casualties / those of doing nothing: civilians during the level and
  for ``horizon_days`` after it from every item that may still be live (the residual risk of justified
  releases weighs ``residual_risk_weight``), plus deminers (game.scoring.harm);
- ``objectives``: the share of the level's objectives met (game.scoring.objectives).

The grade is the total's share of the best possible, capped: a decision error (an unjustified release), a
death caused by rushing, or a skipped procedure (land reduced or cleared but never handed over by quality
assurance; confirmed hazards near villages left unmarked; villages beside known hazards without risk
education: the catalogue's ``max_*_share``) caps it at ``grade_cap_if_unsafe``; releasing almost nothing
caps it at D. Each skipped procedure also costs ``skipped_procedure`` of the points, so the money a skipped
procedure saves never buys a higher total than doing the work properly.
Realised casualties are told and counted, but luck never sets the grade.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from game.sim.grid import LandStatus, is_hazardous, is_released
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
    grade_caps: tuple[str, ...] = ()  # why the grade was capped: decision_error, rushed_death, released_without_qa,
    # hazards_left_unmarked, villages_without_risk_education, too_little
    items_left_in_unjustified_land: int = 0  # live items in land once released without justification
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
    released = is_released(status)
    justified = rec.why == 0
    suspected_at_start = is_hazardous(g.initial_status)
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

    # land: justified releases of suspected land by land use; reduced/cleared count fully once verified
    counted = released & justified & suspected_at_start
    handover = np.where(status == LandStatus.CANCELLED, 1.0,
                        np.where(rec.verified, 1.0, float(w["unverified_release_share"])))
    kind_weight = np.zeros(status.shape)
    for name, code in KINDS:
        kind_weight[status == code] = float(w[name])
    suspected_value = float(g.land_use[suspected_at_start].sum())
    land_share = float((g.land_use * handover * kind_weight)[counted].sum()) / suspected_value if suspected_value else 0.0
    unjust_share = float(g.land_use[rec.ever_unjustified & suspected_at_start].sum()) / suspected_value \
        if suspected_value else 0.0
    # safety: expected casualties (civilians, judged; deminers) against what doing nothing would cause
    judged = harm.judged(float(w["residual_risk_weight"])) + harm.deminer
    safety_share = max(-1.0, 1.0 - judged / harm.civilian_idle) if harm.civilian_idle > 0 else 1.0

    c = state.counters
    decision_casualties = _decision_casualties(state)
    weighted = float(g.land_use[released & justified & suspected_at_start].sum() * area)
    released_share = weighted / (suspected_value * area) if suspected_value else 0.0
    objectives = judge(state, view, harm, decision_casualties, released_share)
    objective_share = sum(o.met for o in objectives) / len(objectives) if objectives else 1.0
    scale = float(w["points"])
    points = {
        "released_land": round(scale * float(w["land"]) * land_share, 1),
        "unjustified_releases": round(-scale * float(w["land"]) * float(w["unjustified_release"]) * unjust_share, 1),
        "safety": round(scale * float(w["safety"]) * safety_share, 1),
        "objectives": round(scale * float(w["objectives"]) * objective_share, 1),
    }
    skipped = procedure_errors(state, w, verified, released, suspected_at_start)
    # a skipped procedure costs points too, so that the money it saves never buys a higher total
    points["skipped_procedures"] = round(-scale * float(w["skipped_procedure"]) * len(skipped), 1)
    total = round(sum(points.values()), 1)
    best = scale * (float(w["land"]) + float(w["safety"]) + float(w["objectives"]))

    caps = []
    if rec.unjustified_entries():
        caps.append("decision_error")
    if _rushed_deaths(state):
        caps.append("rushed_death")
    caps += skipped
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
        items_left_in_unjustified_land=int(live[rec.ever_unjustified].sum()),
        series={k: tuple(v) for k, v in state.series.items()}, truth_map=truth.live_items)


def procedure_errors(state, w: dict, verified: np.ndarray, released: np.ndarray,
                     suspected_at_start: np.ndarray) -> list[str]:
    """Skipped procedures (GAME_MODEL: no grade can be high with a skipped procedure), each a grade cap:
    land reduced or cleared but never handed over by quality assurance; confirmed hazards near villages
    left unmarked; villages living beside known hazards without risk education; suspected areas never
    surveyed; teams sent home (or the level ended early) while they had work and the money to do it."""
    out = []
    g, tally = state.grid, state.compliance
    # land released in the last days could not be handed over yet: the check leaves it out
    settled = g.release_day <= state.day - int(w["qa_grace_days"])
    searched = released & (g.status != LandStatus.CANCELLED) & suspected_at_start & (state.releases.why == 0) & settled
    value = float(g.land_use[searched].sum())
    if value > 0 and float(g.land_use[searched & ~verified].sum()) / value > float(w["max_unverified_share"]):
        out.append("released_without_qa")
    if tally.hazard_days and tally.unmarked_hazard_days / tally.hazard_days > float(w["max_unmarked_hazard_share"]):
        out.append("hazards_left_unmarked")
    educable = "eore" in state.scenario.level.hireable or any(s.type == "eore" for s in state.scenario.level.start_teams)
    if educable and tally.village_days and \
            tally.uneducated_village_days / tally.village_days > float(w["max_uneducated_village_share"]):
        out.append("villages_without_risk_education")
    # every suspected area gets its non-technical survey first (IMAS 08.10), where the level has a survey team
    surveyable = "nts" in state.scenario.level.hireable or any(s.type == "nts" for s in state.scenario.level.start_teams)
    never_looked_at = (g.status == LandStatus.SUSPECTED) & ~g.surveyed & suspected_at_start
    if surveyable and suspected_at_start.any() and \
            never_looked_at.sum() / suspected_at_start.sum() > float(w["max_unsurveyed_share"]):
        out.append("areas_never_surveyed")
    # teams sent home (or the level ended) with work they could do and the money to pay them (IMAS 07.11)
    paid_for = tally.team_days + tally.abandoned_team_days
    if paid_for and tally.abandoned_team_days / paid_for > float(w["max_abandoned_share"]):
        out.append("work_abandoned")
    return out


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
    unsafe = str(w["grade_cap_if_unsafe"])
    limits = {"decision_error": unsafe, "rushed_death": unsafe, "released_without_qa": unsafe,
              "hazards_left_unmarked": unsafe, "villages_without_risk_education": unsafe,
              "areas_never_surveyed": unsafe, "work_abandoned": unsafe, "too_little": "D"}
    for cap in caps:
        limit = limits[cap]
        if GRADES.index(grade) < GRADES.index(limit):
            grade = limit
    return grade


__all__ = ["GRADES", "KINDS", "ObjectiveResult", "ScoreCard", "score_card", "ExpectedHarm", "WHY"]
