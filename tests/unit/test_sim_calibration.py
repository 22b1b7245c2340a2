"""With the default catalogue, teams work at their documented rates on open grass."""

import pytest

from game.sim import Clear, LandStatus, Simulation
from tests.unit.sim_fixtures import open_grass


def _work(team_type, days):
    """m2 a team finishes a day on open grass (cleared, dog-indicated or machine-prepared), and the spend."""
    with Simulation(open_grass(team_type, days=days)) as sim:
        assert sim.apply(Clear(1, f"{team_type}-1", "field")).accepted
        while not sim.ended:
            sim.step()
        v = sim.view()
        cell = v.cell_size_m ** 2
        worked = ((v.status == LandStatus.CLEARED) | v.indication | v.prepared).sum() * cell
        cleared = (v.status == LandStatus.CLEARED).sum() * cell
        return worked / days, cleared, v.spent_usd


def test_manual_team_releases_about_240_m2_a_day():
    per_day, cleared, spent = _work("manual", 30)
    assert per_day == pytest.approx(240, rel=0.1)
    assert 2 <= spent / cleared <= 8  # US$ per m2 cleared, World Bank Ukraine 2024


def test_dog_team_works_about_800_m2_a_day():
    """Dogs search 800 m2 a day; the ground they searched is released only once every indication on it is
    checked (here none is, so none is released yet)."""
    with Simulation(open_grass("dog", days=10)) as sim:
        assert sim.apply(Clear(1, "dog-1", "field")).accepted
        while not sim.ended:
            sim.step()
        searched = (sim.state.grid.dog_searched | sim.state.grid.indication).sum() * 100
    assert searched / 10 == pytest.approx(800, rel=0.1)


def test_machine_prepares_about_5000_m2_a_day_without_counting_follow_up():
    per_day, cleared, _ = _work("machine", 3)
    assert per_day == pytest.approx(5000, rel=0.1)
    assert cleared == 0  # machine ground needs a follow-up before it counts


def test_rushed_pace_is_faster():
    from game.sim import SetPace

    with Simulation(open_grass("manual", days=20)) as sim:
        sim.apply(SetPace(1, "manual-1", "rushed"))
        sim.apply(Clear(1, "manual-1", "field"))
        while not sim.ended:
            sim.step()
        rushed = (sim.view().status == LandStatus.CLEARED).sum()
    assert rushed * 100 / 20 == pytest.approx(240 * 1.5, rel=0.1)
