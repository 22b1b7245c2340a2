"""The simulation of one run: ``scenario + seed + [commands]``, a day at a time.

>>> with Simulation(scenario) as sim:          # doctest: +SKIP
...     sim.apply(Clear(day=sim.day, team="manual-1", area="north-field"))
...     sim.step()
...     view = sim.view()

Orders come through :meth:`Simulation.apply` (never raises); :meth:`step`
runs one day; :meth:`view` is the player's knowledge; :meth:`truth` the
hidden world, once the level has ended.
"""

from __future__ import annotations

from typing import Iterable

import esper
import numpy as np

from game.level.model import Scenario

from .components import Evidence, EvidenceTruth, Ordnance, Task, Team, VillageState
from .events import EventLog
from .grid import build_grid, is_released
from .orders import Outcome, apply_order, new_team
from .processors import RUN_ORDER
from .processors.costs import daily_cost
from .processors.series import SECRET_SERIES
from .release import ReleaseRecord
from .rules import Rules
from .state import Counters, Money, SimState, Weather, make_streams
from .view import PlayerView, TaskView, TeamView, Truth, VillageView, frozen
from .world import WorldOwner


class Simulation:
    """A headless, deterministic mine-action programme on one scenario."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        # One seed for truth and chance alike: the scenario's (game.run.seed resolves it before building).
        self.seed = int(scenario.seed)
        self._owner = WorldOwner()
        # The day runs in phases (dawn before the player's orders; work and dusk when the day is stepped),
        # so the processors are called by phase from the one table, game/sim/processors RUN_ORDER.
        self._phases: dict[str, list[esper.Processor]] = {"dawn": [], "work": [], "dusk": []}
        try:
            with self._owner.active():
                self.state = self._build()
                for phase, cls in RUN_ORDER:
                    self._phases[phase].append(cls())
                self._run_phase("dawn")
        except BaseException:
            self._owner.close()  # never leave a half-built world behind
            raise

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Delete this simulation's esper world."""
        self._owner.close()

    def world(self):
        """A ``with`` block in which this simulation's esper world is the active one (for readers such as
        the score that look at its components)."""
        return self._owner.active()

    def __enter__(self) -> "Simulation":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- time

    @property
    def day(self) -> int:
        return self.state.day

    @property
    def ended(self) -> bool:
        return self.state.ended

    @property
    def end_reason(self) -> str:
        return self.state.end_reason

    def apply(self, cmd: object) -> Outcome:
        """Carry out an order for today, or say why not. Never raises."""
        try:
            with self._owner.active():
                return apply_order(self.state, cmd)
        except Exception as exc:  # the contract: a bad order is rejected, never a crash
            return Outcome(False, "invalid_order", {"error": type(exc).__name__})

    def step(self) -> None:
        """Run today (teams work, civilians, costs), then begin the next day."""
        s = self.state
        if s.ended:
            return
        with self._owner.active():
            self._run_phase("work")
            self._run_phase("dusk")
            s.day += 1
            if s.day > s.last_day:
                self._end("last_day")
                return
            self._run_phase("dawn")  # the day's events first: funding may arrive or be cut
            if daily_cost(s) > s.money.budget:
                s.day -= 1  # the new day is not played
                self._end("budget")

    def run(self, commands: Iterable[object] = ()) -> list[Outcome]:
        """Apply dated commands on their days and step until the level ends."""
        pending = sorted(enumerate(commands), key=lambda p: (getattr(p[1], "day", 0), p[0]))
        outcomes: list[Outcome] = []
        i = 0
        while not self.ended:
            while i < len(pending) and getattr(pending[i][1], "day", 0) <= self.day:
                outcomes.append(self.apply(pending[i][1]))
                i += 1
            self.step()
        return outcomes

    def _run_phase(self, phase: str) -> None:
        for processor in self._phases[phase]:
            processor.process(self.state)

    def _end(self, reason: str) -> None:
        """End the level; ``reason`` is a code of ``events.END_REASONS``."""
        s = self.state
        s.day = min(s.day, s.last_day)
        if not s.ended:
            s.ended, s.end_reason = True, reason
            s.log.add(s.day, "level_end", reason=reason)

    # ----------------------------------------------------------- building

    def _build(self) -> SimState:
        sc = self.scenario
        rules = Rules(sc)
        grid = build_grid(sc, rules.catalogue)
        state = SimState(scenario=sc, rules=rules, grid=grid, log=EventLog(), rng=make_streams(self.seed),
                         money=Money(float(sc.level.budget_usd)),
                         weather=Weather("clear", float(rules.catalogue["weather"]["default_temperature_c"])),
                         counters=Counters(), cell_items={},
                         releases=ReleaseRecord.empty(grid.height, grid.width))
        state.p_live = np.ones(len(sc.items))
        state.p_live_idle = np.ones(len(sc.items))
        for i, row in enumerate(sc.items):
            x, y, kind = int(row["x"]), int(row["y"]), sc.item_kinds[int(row["kind"])]
            ent = esper.create_entity(Ordnance(i, kind, x, y))
            state.cell_items.setdefault(y * grid.width + x, []).append(ent)
        radius = float(rules.catalogue["civilians"]["land_use_radius_m"]) / grid.cell_size_m
        yy, xx = np.mgrid[0:grid.height, 0:grid.width]
        for v in sc.villages:
            catchment = ((xx - v.cell[0]) ** 2 + (yy - v.cell[1]) ** 2 <= radius * radius) | v.mask
            esper.create_entity(VillageState(v.name, v.cell, int(v.population), tuple(v.returnees), catchment,
                                             int(catchment.sum())))
        for start in sc.level.start_teams:
            for _ in range(int(start.count)):
                new_team(state, start.type, start.base or "")
        state.log.add(1, "level_start", days=int(sc.level.days), budget_usd=float(sc.level.budget_usd))
        return state

    # -------------------------------------------------------------- reading

    def view(self) -> PlayerView:
        """What the player knows today (copies; arrays read-only)."""
        s, g = self.state, self.state.grid
        with self._owner.active():
            tasks = {ent: t for ent, t in esper.get_component(Task)}
            teams = []
            for _, team in sorted(esper.get_component(Team), key=lambda p: p[0]):
                task = tasks.get(team.task) if team.task is not None else None
                teams.append(TeamView(
                    team.name, team.type, team.number, team.pace, team.has_medic, team.deployed,
                    task.kind if task else None, task.area if task else None,
                    _share(task), team.out_until_day <= s.day, team.out_until_day,
                    float(s.rules.team(team.type)["cost_per_day_usd"]), team.base))
            team_names = {ent: t.name for ent, t in esper.get_component(Team)}
            task_views = tuple(TaskView(t.kind, t.area, team_names.get(t.team), t.done, len(t.cells),
                                        t.started_day) for ent, t in sorted(tasks.items()))
            villages = tuple(VillageView(v.name, v.cell, v.population, v.educated_until_day > s.day,
                                         v.educated_until_day, v.educated_day)
                             for _, v in sorted(esper.get_component(VillageState), key=lambda p: p[0]))
        series = {k: tuple(v) for k, v in s.series.items() if k not in SECRET_SERIES}
        return PlayerView(
            day=s.day, last_day=s.last_day, ended=s.ended, end_reason=s.end_reason,
            budget_usd=s.money.budget, spent_usd=s.money.spent, weather=s.weather.kind,
            temperature_c=s.weather.temperature_c, width=g.width, height=g.height, cell_size_m=g.cell_size_m,
            terrain=frozen(g.terrain), terrain_names=self.scenario.map.terrain_names, status=frozen(g.status),
            marked=frozen(g.marked), surveyed=frozen(g.surveyed), prepared=frozen(g.prepared),
            indication=frozen(g.indication), verified=frozen(s.releases.verified), land_use=frozen(g.land_use), teams=tuple(teams), tasks=task_views,
            evidence=tuple(s.evidence), finds=tuple(s.finds), villages=villages, hireable=tuple(self.scenario.level.hireable),
            events=s.log.public(), series=series)

    def truth(self) -> Truth:
        """The hidden world; only once the level has ended (RuntimeError before)."""
        if not self.ended:
            raise RuntimeError("the truth is shown only at the debrief, once the level has ended")
        s, g = self.state, self.state.grid
        with self._owner.active():
            states = [o.state for _, o in sorted(esper.get_component(Ordnance), key=lambda p: p[1].index)]
            real = tuple(t.real for _, (e, t) in sorted(esper.get_components(Evidence, EvidenceTruth),
                                                        key=lambda p: p[0]))
        released = is_released(g.status)
        return Truth(items=frozen(self.scenario.items), item_kinds=self.scenario.item_kinds,
                     item_states=tuple(states), live_items=frozen(g.live_items),
                     items_in_released_land=int(g.live_items[released].sum()), evidence_real=real,
                     events=s.log.all(), unjustified_land=frozen(s.releases.ever_unjustified))


def _share(task: Task | None) -> float:
    if task is None:
        return 0.0
    if len(task.cells) == 0:
        return 0.0
    return task.done / len(task.cells)
