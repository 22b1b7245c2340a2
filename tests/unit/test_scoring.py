"""The score card: released area, safety first, objectives, grades."""

import pytest

from game.level.model import ItemField, Objective
from game.policies import run_policy
from game.scoring import score_card
from game.text.score import format_card
from game.sim import Cancel, EndLevel, Simulation
from game.sim.synthetic import synthetic_scenario

OBJECTIVES = [Objective("no_casualties"), Objective("within_budget"), Objective("release_zone", zone="a", by_day=5),
              Objective("release_area", area_m2=5000), Objective("educate_village", village="V")]


def _scenario(items: bool):
    fields = [ItemField("a", {"ap_blast": 3})] if items else []
    return synthetic_scenario(1, width=20, height=20, zones=[("a", (0, 0, 10, 10)), ("b", (10, 10, 10, 10))],
                              villages=[("V", (12, 0, 4, 4), 100)], item_fields=fields, days=10,
                              objectives=OBJECTIVES, start_teams=[])


def _cancel_all(items: bool):
    with Simulation(_scenario(items)) as sim:
        assert sim.apply(Cancel(1, (0, 0, 20, 20))).accepted
        sim.apply(EndLevel(1))
        return score_card(sim)


def test_released_land_without_items_scores_well():
    card = _cancel_all(items=False)
    assert card.released_m2["cancelled"] == 200 * 100
    assert card.items_left_in_released_land == 0
    met = {o.kind: o.met for o in card.objectives}
    assert met == {"no_casualties": True, "within_budget": True, "release_zone": True, "release_area": True,
                   "educate_village": False}
    assert card.grade == "A"
    assert "grade A" in format_card(card)


def test_an_item_left_in_released_land_caps_the_grade_at_c():
    card = _cancel_all(items=True)
    assert card.items_left_in_released_land == 3
    assert card.points["items_left_in_released_land"] < 0
    assert card.grade in ("C", "D", "F")


def test_score_needs_an_ended_level_and_json_form_has_no_arrays():
    with Simulation(_scenario(False)) as sim:
        with pytest.raises(RuntimeError):
            score_card(sim)
    import json

    card = run_policy(_scenario(True), "idle").card
    text = json.dumps(card.to_dict())
    assert "truth_map" not in text and card.series["day"][-1] == 10
    assert card.cost_per_m2_released_usd is None
