"""Expected harm: how many casualties a run is expected to cause, and how many doing nothing would have.

During the level the simulation adds each day's expected incidents
(``SimState.harm``): every item of the truth, weighted by the chance it is
still live after every search that met it (``SimState.p_live``), on its cell
as the land is. After the run, every item keeps its danger, with that same
weight, for the rest of the level's days and ``score_weights.horizon_days``
more: people use the land as its status says (land that was ever released
is used as released land, whatever happened after: an incident or a quality
assurance find never erases a release), with the villages' risk education
as long as its effect lasts; after the level people need their land, so they
enter suspected land more and signs wear away (the catalogue's
``after_level_*`` factors): marking is an interim measure, clearance lasts. The yardstick is the same for the
programme that did nothing. Deminers' expected casualties are added for
every item excavated or passed, at the pace worked (game.sim.effects).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.grid import LandStatus, is_released
from game.sim.processors.civilians import educated_now, incident_rates, item_cells, residual_cells


@dataclass(frozen=True, slots=True)
class ExpectedHarm:
    """Expected casualties (civilians: incidents, one person each; deminers: accidents)."""

    civilian_level: float  # during the level
    civilian_after: float  # over the horizon after it, from the items that may still be live
    civilian_residual: float  # the part of the two that releases made with justification added (residual risk)
    civilian_idle: float  # the same two, had nobody done anything
    deminer: float
    deminer_rushed: float  # the part of ``deminer`` from work at a rushed pace
    marking_averted: float = 0.0  # civilian harm the signs prevented, during the level and after it
    education_averted: float = 0.0  # civilian harm risk education prevented, during the level and after it

    @property
    def civilian(self) -> float:
        return self.civilian_level + self.civilian_after

    def judged(self, residual_weight: float) -> float:
        """Civilian harm as the score judges it: what justified releases added (their residual risk) weighs
        ``residual_weight`` (the standards accept it after all reasonable effort); the rest fully, so a
        release never makes the harm of the land it released look smaller than leaving it."""
        return self.civilian - (1.0 - residual_weight) * self.civilian_residual

    @property
    def averted(self) -> float:
        """Civilian harm averted compared with doing nothing (negative when the run made things worse)."""
        return self.civilian_idle - self.civilian

    def to_dict(self) -> dict:
        return {"civilian_level": round(self.civilian_level, 4), "civilian_after": round(self.civilian_after, 4),
                "civilian_residual": round(self.civilian_residual, 4), "civilian_idle": round(self.civilian_idle, 4), "civilian_averted": round(self.averted, 4),
                "deminer": round(self.deminer, 4), "deminer_rushed": round(self.deminer_rushed, 4),
                "marking_averted": round(self.marking_averted, 4),
                "education_averted": round(self.education_averted, 4)}


def expected_harm(state) -> ExpectedHarm:
    """The expected harm of an ended run (the simulation's world must be active)."""
    g = state.grid
    horizon = float(state.catalogue["score_weights"]["horizon_days"]) + max(0, state.last_day - state.day)
    cells, inverse, weight = item_cells(state)
    after = idle_after = after_residual = marking_after = education_after = 0.0
    if len(cells):
        status = g.status.flat[cells].copy()
        once = state.releases.ever_released.flat[cells] & ~is_released(status)
        status[once] = LandStatus.CLEARED  # used as released land: for the people a release is never undone
        one, none = np.ones(len(cells)), np.zeros(len(cells))
        lam = incident_rates(state, cells, status, g.marked.flat[cells], one, none,
                             horizon_days=horizon, after_level=True)[inverse] * weight
        later = state.p_live * -np.expm1(-lam)
        after = float(later.sum())
        marked = g.marked.flat[cells]
        if marked.any():  # the signs still help for a while (their after-level factor): the same without them
            bare = incident_rates(state, cells, status, np.zeros(len(cells), bool), one, none,
                                  horizon_days=horizon, after_level=True)[inverse] * weight
            marking_after = float((state.p_live * (np.expm1(-lam) - np.expm1(-bare))).sum())
        if educated_now(state):  # risk education lasts as long as its effect: the same without it
            careless = incident_rates(state, cells, status, marked, one, none, educated=False,
                                      horizon_days=horizon, after_level=True)[inverse] * weight
            education_after = float((state.p_live * (np.expm1(-lam) - np.expm1(-careless))).sum())
        residual = residual_cells(state, cells)[inverse]
        if residual.any():  # what justified releases add to the harm of the land left as it was at the start
            kept = incident_rates(state, cells, g.initial_status.flat[cells], np.zeros(len(cells), bool), one,
                                  none, horizon_days=horizon, after_level=True)[inverse] * weight
            extra = later - state.p_live * -np.expm1(-kept)
            after_residual = float(np.clip(extra[residual], 0.0, None).sum())
        lam_idle = incident_rates(state, cells, g.initial_status.flat[cells], np.zeros(len(cells), bool), one, none,
                                  educated=False, horizon_days=horizon, after_level=True)[inverse] * weight
        idle_after = float((state.p_live_idle * -np.expm1(-lam_idle)).sum())
    h = state.harm
    return ExpectedHarm(civilian_level=h.civilian, civilian_after=after,
                        civilian_residual=h.civilian_residual + after_residual, civilian_idle=h.civilian_idle + idle_after,
                        deminer=h.deminer, deminer_rushed=h.deminer_rushed,
                        marking_averted=h.marking_averted + marking_after,
                        education_averted=h.education_averted + education_after)
