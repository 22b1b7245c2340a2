"""The run's diary: what the debrief needs to know about how the run went, noted while it goes.

The simulation's log says what happened; it does not say what the player
knew when an order was given, nor how long teams stood idle. The session
tells the diary, before each order, what the player knew of its area (the
same knowledge as the order preview: game.run.estimate), and at the start of
each simulated day which teams were idle. Resuming a saved game replays its
orders and days, so the diary comes back the same. Pure logic; no pygame;
never the truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.sim import commands as c
from game.sim.grid import LandStatus, area_mask


@dataclass(frozen=True, slots=True)
class OrderNote:
    """What the player knew of an order's area when it was given (accepted orders only)."""

    day: int
    order: str  # the command's type name: Cancel, Clear, TechnicalSurvey...
    area: Any  # zone name or (x, y, w, h)
    team: str | None
    cells: int  # hazardous cells of the area then
    suspected: int  # of them, suspected (not confirmed)
    surveyed_share: float  # share of them a non-technical survey had covered
    survey_running: bool  # a survey was going on in the area
    evidence: int  # evidence and finds known in or near the area
    x: int  # a cell of the area, to show on the map
    y: int


@dataclass
class Diary:
    """Idle team-days, the notes of the orders that release or clear land, and the cancellations the
    simulation refused because the land's survey was not complete."""

    idle_days: dict[str, int] = field(default_factory=dict)  # team -> days it was deployed, fit and idle
    idle_cost_usd: float = 0.0  # what those days cost
    team_days: int = 0  # deployed team-days in all
    orders: list[OrderNote] = field(default_factory=list)
    refused_early: list[OrderNote] = field(default_factory=list)  # cancels refused: the survey was not complete
    _pending: OrderNote | None = None

    def day_starts(self, view) -> None:
        """A simulated day is about to run: count the teams that will spend it idle."""
        for t in view.teams:
            if not t.deployed:
                continue
            self.team_days += 1
            if t.task_kind is None and t.available:
                self.idle_days[t.name] = self.idle_days.get(t.name, 0) + 1
                self.idle_cost_usd += float(t.cost_per_day_usd)

    def before_order(self, session, command: Any) -> None:
        """Note what the player knows of the area of an order that cancels, confirms, surveys or clears land.
        Never raises: a command a client got wrong is the simulation's to refuse, not the diary's."""
        self._pending = None
        if not isinstance(command, (c.Cancel, c.Clear, c.TechnicalSurvey, c.Confirm)):
            return
        try:
            self._note(session, command)
        except Exception:  # noqa: BLE001 - an order the simulation will refuse (bad area, bad team)
            self._pending = None

    def _note(self, session, command: Any) -> None:
        from game.run.estimate import area_knowledge

        known = area_knowledge(session, command.area)
        mask = area_mask(session.scenario, command.area)[0]
        if known is None or mask is None or not mask.any():
            return
        view = session.view()
        status = np.asarray(view.status)
        hazardous = mask & ((status == LandStatus.SUSPECTED) | (status == LandStatus.CONFIRMED))
        ys, xs = np.nonzero(hazardous if hazardous.any() else mask)
        i = len(xs) // 2
        running = False
        for t in view.tasks:
            if t.kind == "survey":
                other = area_mask(session.scenario, t.area)[0]
                running = running or (other is not None and bool((other & mask).any()))
        self._pending = OrderNote(
            day=view.day, order=type(command).__name__, area=command.area, team=getattr(command, "team", None),
            cells=int(hazardous.sum()), suspected=int(known.suspected), surveyed_share=float(known.surveyed_share),
            survey_running=running, evidence=int(sum(known.evidence.values()) + known.finds),
            x=int(xs[i]), y=int(ys[i]))

    def after_order(self, outcome) -> None:
        if self._pending is not None and outcome.accepted:
            self.orders.append(self._pending)
        elif self._pending is not None and outcome.code == "cancel_before_survey":
            self.refused_early.append(self._pending)
        self._pending = None

    @property
    def idle_team_days(self) -> int:
        return sum(self.idle_days.values())
