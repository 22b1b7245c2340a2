"""Playing a level with a scripted player, and comparing players over seeds."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean
from typing import Callable, Iterable

from game.level.model import Scenario
from game.sim import Simulation
from game.sim.briefing import Briefing
from game.sim.orders import Outcome

from .base import Policy


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


def compare_policies(scenario_factory: Callable[[int], Scenario], seeds: Iterable[int],
                     policies: Iterable[str] = ("idle", "clear_all", "reckless", "land_release")) -> dict[str, dict]:
    """Mean total, grade counts and casualties of each policy over the seeds (one scenario per seed)."""
    seeds = list(seeds)
    out: dict[str, dict] = {}
    for name in policies:
        cards = [run_policy(scenario_factory(seed), name).card for seed in seeds]
        grades: dict[str, int] = {}
        for card in cards:
            grades[card.grade] = grades.get(card.grade, 0) + 1
        out[name] = {
            "mean_total": mean(card.total for card in cards),
            "grades": grades,
            "mean_released_m2": mean(card.released_m2["total"] for card in cards),
            "mean_items_left_in_released_land": mean(card.items_left_in_released_land for card in cards),
            "mean_civilian_casualties": mean(sum(card.civilians.values()) for card in cards),
            "mean_deminer_casualties": mean(sum(card.deminers.values()) for card in cards),
            "mean_spent_usd": mean(card.spent_usd for card in cards),
        }
    return out
