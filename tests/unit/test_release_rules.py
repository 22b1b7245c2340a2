"""Rules closed after the session-3 red team (issue 9): each shortcut the audit found, as a small run.

- cancelling part of a suspected area before the survey of the whole area has ended is a decision error;
- a technical survey pass searches at least its sample share, however thin the area;
- teams sent home with work nobody else can take over and the money to pay them cap the grade;
- suspected areas never surveyed cap the grade.
"""

from __future__ import annotations

import math

import numpy as np

from game.scoring import score_card
from game.sim import Cancel, EndLevel, Simulation, StandDown, Survey
from game.sim.synthetic import synthetic_scenario


def _two_zones(**kw):
    kw.setdefault("start_teams", [("nts", 1), ("manual", 1)])
    kw.setdefault("days", 60)
    return synthetic_scenario(1, width=20, height=20, zones=[("a", (0, 0, 10, 10)), ("b", (10, 10, 10, 10))],
                              budget_usd=5_000_000, **kw)


def _until_idle(sim, team: str) -> None:
    while not sim.ended and sim.view().team(team).task_kind is not None:
        sim.step()


def test_cancelling_before_the_whole_area_is_surveyed_is_a_decision_error():
    with Simulation(_two_zones()) as sim:
        assert sim.apply(Survey(1, "nts-1", (0, 0, 10, 5))).accepted  # half of area a
        _until_idle(sim, "nts-1")
        assert sim.apply(Cancel(sim.view().day, (0, 0, 10, 5))).accepted  # allowed, and judged
        assert sim.apply(Survey(sim.view().day, "nts-1", "a")).accepted
        _until_idle(sim, "nts-1")
        assert sim.apply(Cancel(sim.view().day, (0, 5, 10, 5))).accepted  # the whole area surveyed: justified
        sim.apply(EndLevel(sim.view().day))
        card = score_card(sim)
    whys = [e["why"] for e in card.decision_errors]
    assert whys == ["cancel_before_area_surveyed"], whys
    assert card.unjustified_m2["cancelled"] == 50 * 100 and card.justified_m2["cancelled"] == 50 * 100


def test_a_technical_survey_pass_searches_its_share_of_any_area():
    from game.sim.orders import _lanes

    with Simulation(_two_zones()) as sim, sim.world():
        w = sim.state.grid.width
        for share in (0.1, 0.2, 0.25, 0.5):
            for cells in (np.arange(8), np.arange(8) * w, np.array([0]), np.arange(3) * (w + 1)):
                for _ in range(30):  # fresh lanes each pass: every draw holds the share
                    lanes = _lanes(sim.state, cells, share)
                    assert lanes.sum() >= math.ceil(share * len(cells) - 1e-9), (share, cells)


def _stand_down_run(keep_second: bool):
    teams = [("nts", 1), ("manual", 2 if keep_second else 1)]
    with Simulation(_two_zones(start_teams=teams)) as sim:
        sim.apply(Survey(1, "nts-1", "a"))
        sim.step()
        assert sim.apply(StandDown(2, "manual-1")).accepted  # suspected land left, money for 60 days
        while not sim.ended:
            sim.step()
        return score_card(sim), sim.state.compliance


def test_sending_home_the_only_team_that_could_do_the_work_is_abandoning_it():
    card, tally = _stand_down_run(keep_second=False)
    assert tally.abandoned_team_days > 50
    assert "work_abandoned" in card.grade_caps and card.grade in ("C", "D", "F")


def test_a_team_stood_down_while_another_of_its_kind_carries_on_abandons_nothing():
    card, tally = _stand_down_run(keep_second=True)
    assert tally.abandoned_team_days == 0 and "work_abandoned" not in card.grade_caps


def test_ending_the_level_early_with_work_and_money_left_abandons_it():
    with Simulation(_two_zones()) as sim:
        sim.apply(Survey(1, "nts-1", "a"))
        sim.step()
        sim.apply(EndLevel(2))
        card = score_card(sim)
    assert "work_abandoned" in card.grade_caps


def test_suspected_areas_never_surveyed_cap_the_grade():
    with Simulation(_two_zones()) as sim:
        sim.apply(Survey(1, "nts-1", "a"))
        _until_idle(sim, "nts-1")
        sim.apply(Cancel(sim.view().day, "a"))
        while not sim.ended:
            sim.step()
        card = score_card(sim)
    assert "areas_never_surveyed" in card.grade_caps and card.grade in ("C", "D", "F")
