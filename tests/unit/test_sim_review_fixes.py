"""Regressions found in review: money, marking twice, scoring land nobody suspected, objectives."""

from __future__ import annotations

import copy
from dataclasses import replace

from game.level import load_scenario
from game.paths import levels_dir
from game.scoring import score_card
from game.sim import Simulation
from game.sim import commands as c

LEVEL = levels_dir() / "02_cancel_or_clear.yaml"


def scenario_with(budget=None, events=None):
    sc = load_scenario(LEVEL)
    level = sc.level
    if budget is not None:
        level = replace(level, budget_usd=budget)
    if events is not None:
        level = replace(level, events=tuple(events))
    return replace(sc, level=level)


def test_the_same_land_cannot_be_marked_and_paid_for_twice():
    with Simulation(load_scenario(LEVEL)) as sim:
        first = sim.apply(c.Mark(1, "hill_positions"))
        second = sim.apply(c.Mark(1, "hill_positions"))
        assert first.accepted and not second.accepted
        assert second.code == "nothing_to_mark"


def test_a_funding_boost_arrives_before_the_budget_check():
    from game.level.model import EventSpec

    sc = scenario_with(events=[EventSpec(day=3, kind="funding", amount_usd=1_000_000, message="A donor helps.")])
    daily = sum(sc.level.catalogue["teams"][t.type]["cost_per_day_usd"] * t.count for t in sc.level.start_teams)
    sc = replace(sc, level=replace(sc.level, budget_usd=int(daily * 2.5)))
    with Simulation(sc) as sim:
        while not sim.ended and sim.day < 10:
            sim.step()
        assert sim.day >= 10 and not sim.ended  # the day-3 boost kept the programme going


def test_when_money_runs_out_the_unplayed_day_is_not_counted_and_budget_never_negative():
    sc = load_scenario(LEVEL)
    daily = sum(sc.level.catalogue["teams"][t.type]["cost_per_day_usd"] * t.count for t in sc.level.start_teams)
    sc = replace(sc, level=replace(sc.level, budget_usd=int(daily * 4.5)))
    with Simulation(sc) as sim:
        while not sim.ended:
            sim.step()
        card = score_card(sim)
        assert sim.end_reason == "budget"
        assert card.days_played == 4
        assert len(card.series["released_m2"]) == 4
        assert sim.view().budget_usd >= 0


def test_clearing_land_nobody_suspected_earns_no_points():
    sc = load_scenario(LEVEL)
    with Simulation(sc) as sim:
        empty = (0, 0, 4, 4)  # a corner of the map outside every suspected area
        assert (sc.suspected[0:4, 0:4] == 0).all()
        assert sim.apply(c.Confirm(1, empty)).accepted
        assert sim.apply(c.Clear(1, "manual-1", empty)).accepted
        for _ in range(20):
            sim.step()
        sim.apply(c.EndLevel(sim.day))
        sim.step()
        card = score_card(sim)
        assert card.points["released_land"] == 0
        assert card.total <= card.best_possible


def test_risk_education_objective_counts_the_first_sessions():
    sc = load_scenario(LEVEL)
    cat = copy.deepcopy(sc.level.catalogue)
    from game.level.model import Objective, TeamStart

    level = replace(sc.level, catalogue=cat, start_teams=sc.level.start_teams + (TeamStart("eore", 1),),
                    objectives=(Objective("educate_village", "", None, 10, None, "ashgrove"),))
    with Simulation(replace(sc, level=level)) as sim:
        team = next(t.name for t in sim.view().teams if t.type == "eore")
        assert sim.apply(c.Educate(1, team, "ashgrove")).accepted
        for _ in range(15):
            sim.step()
        assert sim.apply(c.Educate(sim.day, team, "ashgrove")).accepted  # a second round, after the deadline
        for _ in range(10):
            sim.step()
        sim.apply(c.EndLevel(sim.day))
        sim.step()
        card = score_card(sim)
        assert card.objectives[0].met
