"""Scripted players see only what a student sees: no policy can reach the hidden truth before the level ends.

Every registered policy is told the level's Briefing, made here from a scenario whose hidden parts are
sealed (any use raises): the items and scrap of the run, the seed that placed them, the level's item cells
and fields, and its scripted events (the future). The simulation's own reference to the scenario is sealed
the same way while the level runs, so ``Simulation.view()`` cannot read them either. Then the policy is
built again and fed copies of the recorded views with no simulation alive: it must give the same orders,
so nothing but the views (no esper world, no simulation object found some other way) steered it.
"""

from __future__ import annotations

import dataclasses

import esper
import numpy as np
import pytest

from game.level import load_level
from game.level.build import build_scenario
from game.paths import levels_dir
from game.policies import POLICIES, Policy
from game.sim import Simulation
from game.sim import commands as c
from game.sim.briefing import Briefing
from game.sim.components import Ordnance
from game.sim.view import PlayerView

#: Levels that between them deploy or hire every kind of team (road_to_school: survey, technical survey,
#: manual, dogs, a machine, risk education to hire; first_steps: a tutorial with scripted reports).
LEVELS = ("01_first_steps.yaml", "04_road_to_school.yaml")
SEED = 3


class TruthLeak(AssertionError):
    pass


class Sealed:
    """Stands in for a hidden part of the scenario: reading it in any way raises TruthLeak."""

    def __init__(self, what: str):
        object.__setattr__(self, "_what", what)

    def _leak(self, *args, **kwargs):
        raise TruthLeak(f"{object.__getattribute__(self, '_what')} was read before the level ended")

    def __getattr__(self, name):
        self._leak()

    def __repr__(self) -> str:
        return f"<sealed {object.__getattribute__(self, '_what')}>"

    __getitem__ = __len__ = __iter__ = __contains__ = __bool__ = __int__ = __index__ = __float__ = _leak
    __array__ = __eq__ = __ne__ = __lt__ = __gt__ = __add__ = __mul__ = __setattr__ = _leak
    __hash__ = None


def sealed(scenario):
    """The scenario as a student sees it before the debrief: the truth and the future sealed."""
    level = dataclasses.replace(scenario.level, placed_items=Sealed("level.placed_items"),
                                item_fields=Sealed("level.item_fields"), seed=Sealed("level.seed"),
                                events=Sealed("level.events (what will happen)"))
    return dataclasses.replace(scenario, level=level, items=Sealed("scenario.items"),
                               clutter=Sealed("scenario.clutter"), seed=Sealed("scenario.seed"))


_SCENARIOS: dict[str, object] = {}


def scenario(name: str):
    if name not in _SCENARIOS:
        spec, level_map = load_level(levels_dir() / name)
        _SCENARIOS[name] = build_scenario(spec, level_map, SEED)
    return _SCENARIOS[name]


def briefing(sc) -> Briefing:
    return Briefing.of(sealed(sc))


def kept(view: PlayerView) -> PlayerView:
    """A view that stays as it was today (a view's arrays are windows on the simulation's layers)."""
    arrays = {f.name: np.array(getattr(view, f.name)) for f in dataclasses.fields(view)
              if isinstance(getattr(view, f.name), np.ndarray)}
    return dataclasses.replace(view, **arrays)


def play_sealed(policy_class, sc) -> list[tuple[PlayerView, list]]:
    """Play the level with the policy told the sealed scenario's briefing; every day's view and orders."""
    policy = policy_class(briefing(sc))
    days = []
    with Simulation(sc) as sim:
        real, sim.scenario = sim.scenario, sealed(sc)  # view() must not read the truth either
        while not sim.ended:
            view = sim.view()
            assert isinstance(view, PlayerView)
            orders = list(policy.decide(view))
            days.append((kept(view), orders))
            for order in orders:
                sim.apply(order)
            sim.step()
        sim.scenario = real
    return days


def test_sealed_parts_really_raise():
    s = Sealed("x")
    for use in (lambda: s.shape, lambda: s[0], lambda: len(s), lambda: list(s), lambda: bool(s),
                lambda: s == 1):
        with pytest.raises(TruthLeak):
            use()
    with pytest.raises(TruthLeak):
        np.asarray(s) + 1


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", sorted(POLICIES))
def test_a_policy_decides_from_the_views_alone(name, level):
    sc = scenario(level)
    days = play_sealed(POLICIES[name], sc)
    assert days, "the level has at least one day"
    assert same_orders_from_views(POLICIES[name], sc, days), f"{name} on {level}"


def same_orders_from_views(policy_class, sc, days) -> bool:
    again = policy_class(briefing(sc))  # no simulation alive: only the recorded views
    return all(list(again.decide(view)) == orders for view, orders in days)


# ------------------------------------------------------ the checks can fail


class PeekAtTheWorld(Policy):
    """A cheat: reads the live items from the simulation's esper world while it runs."""

    name = "peek_at_the_world"

    def decide(self, view):
        worlds = [w for w in esper.list_worlds() if w.startswith("minerisk-sim")]
        seen = 0
        for w in worlds:
            previous = esper.current_world
            esper.switch_world(w)
            seen += sum(o.state == "live" for _, o in esper.get_component(Ordnance))
            esper.switch_world(previous)
        return [c.Mark(view.day, (0, 0, 1 + seen % 5, 1))]


def test_a_policy_reading_the_simulation_world_is_caught():
    sc = scenario(LEVELS[1])
    days = play_sealed(PeekAtTheWorld, sc)
    assert not same_orders_from_views(PeekAtTheWorld, sc, days)


def test_the_briefing_does_not_tell_when_families_really_come_home():
    """Returnees may arrive earlier than the briefing's words say (news on the day): the schedule in the level
    file is truth, and no scripted player gets it."""
    spec, level_map = load_level(levels_dir() / "06_returnees.yaml")
    scenario = build_scenario(spec, level_map, 1)
    assert any(v.returnees for v in scenario.villages)  # the level does schedule returns
    briefing = Briefing.of(scenario)
    assert not any(v.returnees for v in briefing.villages)
    assert not any(v.returnees for v in briefing.level.villages)
    assert [v.population for v in briefing.villages] == [v.population for v in scenario.villages]
