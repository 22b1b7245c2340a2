"""``obvious_order``: the plan a first-time programme manager makes on day 1, and keeps.

It follows the standards (non-technical survey first, cancel only land with no
evidence, technical survey near evidence, clearance of confirmed land, quality
assurance), so nothing it releases is a decision error. What it gets wrong is
the *order*, and that it never changes it:

- the suspected areas are worked in the order that looks obvious on the map:
  the objectives' areas first, then the areas nearest the teams' base ("start
  where the teams are and work outwards"); the survey, the technical survey
  and the clearance teams all follow that one list;
- risk education goes to the biggest village first, then the next biggest;
- news does not change the plan: a community report, families coming home
  earlier than announced, rain or a funding cut leave the list as it was.
  Land near a report is neither marked nor searched before the list reaches
  it; only land the teams themselves confirm is marked; the programme is
  kept within the money of the plan, so after a funding cut no team is sent
  home and the money runs out before the end.

It is the player that shows what adapting is worth: on a level whose events
move the danger (tests/content/test_obvious_order.py), the IMAS way played
with an eye on the news (``land_release``) must beat it clearly. It is
neither a shortcut nor a teaching player: on most levels the obvious order is
a fair way to play.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from game.sim.grid import LandStatus
from game.sim.view import PlayerView

from .base import Blocks
from .land_release import LandReleasePolicy

NO_POINTS = (np.zeros(0, np.intp), np.zeros(0, np.intp))


class ObviousOrderPolicy(LandReleasePolicy):
    """The obvious order, kept whatever the news: objectives' areas first, then the areas nearest the teams'
    base, risk education to the biggest village first; land is marked only once the teams confirm it, and the
    programme stays the size the money of day 1 paid for."""

    name = "obvious_order"

    def __init__(self, briefing):
        super().__init__(briefing)
        # what a student sees of the villages on day 1: their size, not when (or whether) families come back
        self.villages = tuple(dataclasses.replace(v, returnees=()) for v in self.villages)
        base = self._base_cell()
        priority = self._distance_to(base)
        for by_day, name in self.objective_zones:
            counts = self.blocks.count(np.asarray(self.map.object_named(name).mask, dtype=bool))
            priority = np.where(counts > 0, np.minimum(priority, -1e6 + by_day), priority)
        self.priority = priority
        self.order = self.blocks.order(priority)
        self._oy = np.array([b[1] for b in self.order], dtype=np.intp)
        self._ox = np.array([b[0] for b in self.order], dtype=np.intp)

        def from_base(zone) -> float:
            x, y = zone.centre_cell
            return float(np.hypot(x - base[0], y - base[1]))

        self.zones = sorted(self.zones, key=lambda z: (0 if self._serves_objective(z) else 1, from_base(z)))
        self._funding_news = 0.0  # the money funding news added (a cut: less than 0), which the plan ignores
        self._events_read = 0

    def _base_cell(self) -> tuple[int, int]:
        """The teams' base (the first one the level starts a team at, else the map's first), else the map's centre."""
        bases = {b.name: b for b in self.map.objects_of("team_base")}
        named = [s.base for s in self.level.start_teams if getattr(s, "base", None) in bases]
        base = bases.get(named[0]) if named else next(iter(bases.values()), None)
        return base.centre_cell if base is not None else (self.map.width // 2, self.map.height // 2)

    def _distance_to(self, cell: tuple[int, int]) -> np.ndarray:
        b: Blocks = self.blocks
        ys = (np.arange(b.by) + 0.5) * b.size
        xs = (np.arange(b.bx) + 0.5) * b.size
        return np.hypot(xs[None, :] - cell[0], ys[:, None] - cell[1]) * float(self.level.cell_size_m)

    def _cancel_and_ts(self, view: PlayerView, suspected: np.ndarray, near: np.ndarray) -> list:
        # technical survey follows the list, not the evidence (the evidence still forbids cancelling)
        points, self._points = self._points, NO_POINTS
        try:
            return super()._cancel_and_ts(view, suspected, near)
        finally:
            self._points = points

    def _mark(self, view: PlayerView, hazard: np.ndarray) -> list:
        # only land the teams confirmed: a report alone does not put signs up
        return super()._mark(view, hazard & ((view.status == LandStatus.CONFIRMED) | self._confirmed_today))

    def _keep_within_budget(self, view: PlayerView, leaving: set[str]) -> list:
        # the programme is sized on the money of the plan: funding news (a cut, or a gift) does not change it
        for event in view.events[self._events_read:]:
            if event.code == "funding":
                self._funding_news += float(event.get("amount_usd", 0.0))
        self._events_read = len(view.events)
        if self._funding_news:
            view = dataclasses.replace(view, budget_usd=view.budget_usd - self._funding_news)
        return super()._keep_within_budget(view, leaving)
