"""Playing a level with a scripted player, and many players over many seeds in parallel.

- :func:`run_policy` plays one scenario to its end and returns the score card
  and every order with its outcome.
- :func:`run_tournament` plays a set of policies x seeds on one level in a
  process pool and returns, per policy, a :class:`RunSummary` per seed and the
  aggregate statistics (:class:`PolicyStats`). Results do not depend on
  ``jobs``: every run is ``scenario(seed) + policy`` and nothing else.
  ``tools/redteam.py``, the content tests and ``minerisk calibrate`` use it::

      stats = run_tournament("levels/02_cancel_or_clear.yaml", ["land_release", "dogs_only"],
                             range(1, 11), jobs=2, progress=lambda done, total, policy, seed: ...)
      stats["dogs_only"].mean_total, stats["dogs_only"].grades, stats["dogs_only"].runs[0].items_left

- :func:`compare_policies` is the short summary of a serial tournament
  (content tests of the teaching players).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean, pstdev
from typing import Callable, Iterable, Union

import numpy as np

from game.level.model import LAND_STATUSES, Scenario
from game.sim import Simulation
from game.sim.briefing import Briefing
from game.sim.orders import Outcome

from .base import Policy

#: A level for a tournament: a level file (loaded once per worker), or a picklable ``seed -> Scenario``
#: function (a module-level function or a functools.partial of one when ``jobs > 1``).
LevelSource = Union[str, os.PathLike, Callable[[int], Scenario]]
#: A player: a registered name, or a Policy subclass defined at module level.
PolicyRef = Union[str, type[Policy]]
#: ``progress(done, total, policy, seed)``, called in the calling process after each run.
Progress = Callable[[int, int, str, int], None]

GRADES = ("A", "B", "C", "D", "F")
GOOD_GRADES = ("A", "B")


@dataclass
class RunResult:
    """A finished run: its score card (game.scoring.ScoreCard), every command given and its outcome."""

    card: object
    commands: list = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    event_digest: str = ""


def make_policy(name: str, briefing: Briefing) -> Policy:
    """The scripted player called ``name``, told only the level's briefing."""
    from . import POLICIES

    if name not in POLICIES:
        raise KeyError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})")
    return POLICIES[name](briefing)


def run_policy(scenario: Scenario, policy: str | Policy,
               sim_hook: Callable[[Simulation], None] | None = None) -> RunResult:
    """Play the level to its end with the scenario's seed; ``sim_hook`` sees the ended simulation
    before it closes."""
    from game.scoring import score_card

    player = make_policy(policy, Briefing.of(scenario)) if isinstance(policy, str) else policy
    result = RunResult(card=None)
    with Simulation(scenario) as sim:
        while not sim.ended:
            for cmd in player.decide(sim.view()):
                result.commands.append(cmd)
                result.outcomes.append(sim.apply(cmd))
            sim.step()
        result.card = score_card(sim)
        result.event_digest = sim.state.log.digest()
        if sim_hook is not None:
            sim_hook(sim)
    return result


# ----------------------------------------------------------------- tournament


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one run of one policy on one seed came to (plain, picklable data)."""

    policy: str
    seed: int
    total: float
    best_possible: float
    grade: str
    released_m2: dict[str, float]  # cancelled, reduced, cleared, total
    items_left: dict[str, int]  # live items at the end by the land status of their cell, and "total"
    items_left_in_released_land: int
    items_found: int
    civilians: dict[str, int]  # injured, killed
    deminers: dict[str, int]
    spent_usd: float
    days_played: int
    end_reason: str  # a code (last_day, budget, player; game/text/events.py words it)
    objectives: tuple[tuple[str, bool], ...]  # (kind, met), in the order of the level's objectives
    orders: int
    rejected_orders: int
    expected_harm: dict[str, float] = field(default_factory=dict)  # the score card's (game.scoring.harm)
    unjustified_m2: float = 0.0  # land released without justification (the release record), all kinds

    @property
    def objectives_met(self) -> int:
        return sum(met for _, met in self.objectives)

    @property
    def casualties(self) -> int:
        return sum(self.civilians.values()) + sum(self.deminers.values())

    def same_outcome(self, other: "RunSummary") -> bool:
        """Whether two runs came to the same result on every count (whatever orders led there)."""
        return all(getattr(self, f) == getattr(other, f) for f in OUTCOME_FIELDS)


#: What a run came to, as opposed to who played it and how many orders it took.
OUTCOME_FIELDS = ("total", "grade", "released_m2", "items_left", "items_found", "civilians", "deminers",
                  "spent_usd", "days_played", "end_reason", "objectives")


@dataclass(frozen=True, slots=True)
class PolicyStats:
    """A policy's runs over the seeds (in the order the seeds were given) and their aggregates."""

    policy: str
    runs: tuple[RunSummary, ...]

    def mean(self, value: Callable[[RunSummary], float]) -> float:
        return float(mean(value(r) for r in self.runs))

    @property
    def totals(self) -> list[float]:
        return [r.total for r in self.runs]

    @property
    def mean_total(self) -> float:
        return float(mean(self.totals))

    @property
    def stdev_total(self) -> float:
        return float(pstdev(self.totals))

    @property
    def grades(self) -> dict[str, int]:
        """How many runs earned each grade, best grade first (grades never earned left out)."""
        counts = {g: sum(r.grade == g for r in self.runs) for g in GRADES}
        return {g: n for g, n in counts.items() if n}

    @property
    def good_grades(self) -> int:
        return sum(r.grade in GOOD_GRADES for r in self.runs)


def run_tournament(level: LevelSource, policies: Iterable[PolicyRef], seeds: Iterable[int], jobs: int = 1,
                   progress: Progress | None = None) -> dict[str, PolicyStats]:
    """Play every policy on every seed of a level; ``jobs`` runs at once in worker processes.

    Returns ``{policy name: PolicyStats}`` in the order the policies were given.
    With ``jobs <= 1`` everything runs in this process (any callable works as
    ``level``); with more, ``level`` and the policies are sent to the workers
    by pickling. Raises KeyError for an unknown policy name before any run.
    """
    from . import POLICIES

    refs: dict[str, PolicyRef] = {}
    for ref in policies:
        name = ref if isinstance(ref, str) else ref.name
        if isinstance(ref, str) and ref not in POLICIES:
            raise KeyError(f"unknown policy '{ref}' (known: {', '.join(POLICIES)})")
        refs[name] = ref
    seeds = [int(s) for s in seeds]
    if isinstance(level, os.PathLike):
        level = os.fspath(level)
    runs = [(name, seed) for name in refs for seed in seeds]
    results: dict[tuple[str, int], RunSummary] = {}
    if jobs <= 1 or len(runs) <= 1:
        for done, (name, seed) in enumerate(runs, 1):
            results[(name, seed)] = play_one(level, refs[name], seed)
            if progress is not None:
                progress(done, len(runs), name, seed)
    else:
        # "spawn": fresh workers, whatever the calling process has imported or started (pygame, threads)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(runs)), mp_context=context) as pool:
            futures = {pool.submit(play_one, level, refs[name], seed): (name, seed) for name, seed in runs}
            for done, future in enumerate(as_completed(futures), 1):
                key = futures[future]
                results[key] = future.result()
                if progress is not None:
                    progress(done, len(runs), *key)
    return {name: PolicyStats(name, tuple(results[(name, seed)] for seed in seeds)) for name in refs}


_LOADED: dict[str, tuple] = {}  # level file -> (LevelSpec, MapData), once per process


def scenario_for(level: LevelSource, seed: int) -> Scenario:
    """The scenario of ``level`` with the hidden truth placed by ``seed``."""
    if callable(level):
        return level(seed)
    from game.level import build_scenario, load_level

    key = str(Path(level).resolve())
    if key not in _LOADED:
        _LOADED[key] = load_level(key)
    spec, level_map = _LOADED[key]
    return build_scenario(spec, level_map, seed)


def play_one(level: LevelSource, policy: PolicyRef, seed: int) -> RunSummary:
    """One run of a tournament (runs in a worker process when ``jobs > 1``)."""
    scenario = scenario_for(level, seed)
    name = policy if isinstance(policy, str) else policy.name
    briefing = Briefing.of(scenario)
    player = make_policy(policy, briefing) if isinstance(policy, str) else policy(briefing)
    left: dict[str, int] = {}

    def count_left(sim: Simulation) -> None:
        live, status = sim.truth().live_items, sim.view().status
        per_status = np.bincount(status.ravel(), weights=live.ravel(), minlength=len(LAND_STATUSES))
        left.update({s: int(per_status[i]) for i, s in enumerate(LAND_STATUSES)})
        left["total"] = int(live.sum())

    result = run_policy(scenario, player, sim_hook=count_left)
    card = result.card
    return RunSummary(
        policy=name, seed=int(seed), total=float(card.total), best_possible=float(card.best_possible),
        grade=card.grade, released_m2={k: float(v) for k, v in card.released_m2.items()}, items_left=left,
        items_left_in_released_land=int(card.items_left_in_released_land),
        items_found=int(sum(card.items_found.values())), civilians=dict(card.civilians),
        deminers=dict(card.deminers), spent_usd=float(card.spent_usd), days_played=int(card.days_played),
        end_reason=card.end_reason, objectives=tuple((o.kind, bool(o.met)) for o in card.objectives),
        orders=len(result.outcomes), rejected_orders=sum(not o.accepted for o in result.outcomes),
        expected_harm=dict(card.expected_harm), unjustified_m2=float(sum(card.unjustified_m2.values())))


def compare_policies(scenario_factory: Callable[[int], Scenario], seeds: Iterable[int],
                     policies: Iterable[str] = ("idle", "clear_all", "reckless", "land_release")) -> dict[str, dict]:
    """Mean total, grade counts and casualties of each policy over the seeds (one scenario per seed)."""
    out: dict[str, dict] = {}
    for name, stats in run_tournament(scenario_factory, policies, seeds).items():
        out[name] = {
            "mean_total": stats.mean_total,
            "grades": stats.grades,
            "mean_released_m2": stats.mean(lambda r: r.released_m2["total"]),
            "mean_items_left_in_released_land": stats.mean(lambda r: r.items_left_in_released_land),
            "mean_civilian_casualties": stats.mean(lambda r: sum(r.civilians.values())),
            "mean_deminer_casualties": stats.mean(lambda r: sum(r.deminers.values())),
            "mean_spent_usd": stats.mean(lambda r: r.spent_usd),
        }
    return out
