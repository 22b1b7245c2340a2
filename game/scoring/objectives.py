"""The level's objectives, judged on the truth and the release record (never on luck, never free).

- ``release_zone``: every suspected cell of the zone released *with justification* by the day, and no
  live item left in it ("make the path to the well safe" means safe);
- ``release_area``: justified releases reach the area by the day;
- ``no_casualties`` ("keep people safe"): the run's expected casualties, during the level and after it,
  are at most ``score_weights.safe_share_of_idle_harm`` of what doing nothing would cause, and nobody was
  hurt by a decision error (land released without justification, work at a rushed pace);
- ``within_budget``: the money lasted to the end of the level *and* the programme released at least
  ``grade_min_release_share`` of the suspected land (a programme that does nothing has not delivered);
- ``educate_village``: the village's first risk education finished by the day.
"""

from __future__ import annotations

from dataclasses import dataclass


from game.sim.grid import LandStatus, area_mask, is_hazardous, is_released


@dataclass(frozen=True, slots=True)
class ObjectiveResult:
    """Whether the level's objective number ``index`` (in ``level.objectives``) was met; the text layer
    words it (the level's own text, or a default for its kind)."""

    index: int
    kind: str
    met: bool


def judge(state, view, harm, decision_casualties: int, released_share: float) -> tuple[ObjectiveResult, ...]:
    out = []
    w = state.catalogue["score_weights"]
    for i, o in enumerate(state.scenario.level.objectives):
        out.append(ObjectiveResult(i, o.kind, bool(_met(state, view, o, harm, decision_casualties, released_share, w))))
    return tuple(out)


def _met(state, view, o, harm, decision_casualties: int, released_share: float, w) -> bool:
    g = state.grid
    justified = state.releases.why == 0
    if o.kind == "no_casualties":
        total = harm.judged(float(w["residual_risk_weight"])) + harm.deminer
        return decision_casualties == 0 and total <= float(w["safe_share_of_idle_harm"]) * harm.civilian_idle
    if o.kind == "within_budget":
        return state.end_reason != "budget" and state.money.budget >= 0 \
            and released_share >= float(w["grade_min_release_share"])
    if o.kind == "release_zone":
        mask = area_mask(state.scenario, o.zone)[0]
        if mask is None:
            return False
        cells = mask & is_hazardous(g.initial_status)
        if not cells.any() or g.live_items[mask].sum() > 0:
            return False
        if not (is_released(g.status[cells]).all() and justified[cells].all()):
            return False
        return o.by_day is None or int(g.release_day[cells].max()) <= o.by_day
    if o.kind == "release_area":
        series = state.series.get("justified_released_m2", [])
        if o.by_day is not None and o.by_day <= len(series):
            released = series[o.by_day - 1]
        else:
            released = float((is_released(g.status) & justified).sum() * g.cell_area_m2)
        return released >= float(o.area_m2 or 0)
    if o.kind == "educate_village":
        v = next((v for v in view.villages if v.name == o.village), None)
        return v is not None and v.educated_day > 0 and (o.by_day is None or v.educated_day <= o.by_day)
    return False


__all__ = ["ObjectiveResult", "judge", "LandStatus"]
