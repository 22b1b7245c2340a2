"""The score card: land released by evidence, safety as expected harm, procedures, objectives, grades."""

import json

import pytest

from game.level.model import ItemField, Objective
from game.policies import run_policy
from game.scoring import score_card
from game.sim import Cancel, Clear, EndLevel, Educate, Mark, QualityAssurance, Simulation, Survey
from game.sim.synthetic import synthetic_scenario
from game.text.score import format_card

OBJECTIVES = [Objective("no_casualties"), Objective("within_budget"), Objective("release_zone", zone="a", by_day=8),
              Objective("release_area", area_m2=5000), Objective("educate_village", village="V")]


def _scenario(items: bool, **kw):
    fields = [ItemField("a", {"ap_blast": 3}, "cluster")] if items else []
    kw.setdefault("start_teams", [("nts", 1), ("eore", 1)])
    kw.setdefault("days", 10)
    return synthetic_scenario(1, width=20, height=20, zones=[("a", (0, 0, 10, 10)), ("b", (10, 10, 10, 10))],
                              villages=[("V", (12, 0, 4, 4), 100)], item_fields=fields, objectives=OBJECTIVES,
                              **kw)


def _survey_then_cancel(items: bool):
    with Simulation(_scenario(items)) as sim:
        assert sim.apply(Survey(1, "nts-1", "a")).accepted
        assert sim.apply(Educate(1, "eore-1", "V")).accepted
        sim.step()
        sim.apply(Survey(2, "nts-1", "b"))
        sim.step()
        out = sim.apply(Cancel(3, (0, 0, 20, 20)))
        sim.apply(EndLevel(3))
        return score_card(sim), out


def test_a_justified_cancellation_of_empty_land_scores_well():
    card, out = _survey_then_cancel(items=False)
    assert out.accepted and card.released_m2["cancelled"] == 200 * 100
    assert card.justified_m2["cancelled"] == 200 * 100 and not card.decision_errors
    met = {o.kind: o.met for o in card.objectives}
    assert met["release_zone"] and met["release_area"] and met["within_budget"]
    assert card.grade in ("A", "B")
    assert f"grade {card.grade}" in format_card(card)


def test_cancelling_against_evidence_is_a_decision_error_that_caps_the_grade(monkeypatch):
    # every item leaves evidence: the survey sees the minefield, and cancelling it goes against the evidence
    sc = _scenario(True, catalogue_overrides={"survey": {"evidence_chance_per_item": 1.0},
                                              "teams": {"nts": {"evidence_reliability": 1.0}}})
    with Simulation(sc) as sim:
        sim.apply(Survey(1, "nts-1", "a"))
        sim.step()
        assert sim.state.evidence
        assert sim.apply(Cancel(2, "a")).accepted  # allowed: students learn from their mistakes
        sim.apply(EndLevel(2))
        card = score_card(sim)
    assert card.decision_errors and card.decision_errors[0]["why"] == "cancel_against_evidence"
    assert card.unjustified_m2["cancelled"] == 100 * 100 and card.points["unjustified_releases"] < 0
    assert card.points["released_land"] == 0  # unjustified land earns nothing
    assert "decision_error" in card.grade_caps and card.grade in ("C", "D", "F")
    assert card.items_left_in_released_land == 3


def test_safety_rests_on_expected_harm_not_on_luck():
    """Two runs that differ only in the luck of the civilians' draws get the same safety points."""
    def run(seed_offset):
        sc = _scenario(True)
        with Simulation(sc) as sim:
            sim.state.rng["civilians"] = __import__("numpy").random.default_rng(seed_offset)
            while not sim.ended:
                sim.step()
            return score_card(sim)
    a, b = run(1), run(2)
    assert a.points["safety"] == b.points["safety"] and a.expected_harm == b.expected_harm


def test_marking_and_risk_education_lower_expected_harm():
    def harm(orders):
        with Simulation(_scenario(True)) as sim:
            for cmd in orders:
                assert sim.apply(cmd).accepted
            while not sim.ended:
                sim.step()
            return score_card(sim).expected_harm["civilian_level"]
    nothing = harm([])
    marked = harm([Mark(1, "a")])
    educated = harm([Educate(1, "eore-1", "V")])
    assert marked < nothing and educated < nothing


def test_quality_assurance_hands_land_over():
    sc = _scenario(False, start_teams=[("manual", 1)], days=40)
    def play(qa: bool):
        with Simulation(sc) as sim:
            sim.apply(Clear(1, "manual-1", (0, 0, 4, 4)))
            while not sim.ended and sim.day < 20:
                sim.step()
            if qa:
                assert sim.apply(QualityAssurance(sim.day, (0, 0, 4, 4))).accepted
            while not sim.ended:
                sim.step()
            return score_card(sim)
    without, with_qa = play(False), play(True)
    assert with_qa.verified_m2 == 16 * 100 and without.verified_m2 == 0
    share = float(sc.level.catalogue["score_weights"]["unverified_release_share"])  # land counts this until handed over
    assert without.points["released_land"] == pytest.approx(share * with_qa.points["released_land"], abs=0.2)
    assert "released_without_qa" in without.grade_caps and "released_without_qa" not in with_qa.grade_caps


def test_score_needs_an_ended_level_and_json_form_has_no_arrays():
    with Simulation(_scenario(False)) as sim:
        with pytest.raises(RuntimeError):
            score_card(sim)
    card = run_policy(_scenario(True), "idle").card
    text = json.dumps(card.to_dict())
    assert "truth_map" not in text and card.series["day"][-1] == 10
    assert card.cost_per_m2_released_usd is None
    summary = card.release_summary()
    assert set(summary) >= {"justified_m2", "unjustified_m2", "expected_harm", "items_live"}


def test_signs_and_risk_education_each_show_what_they_prevented():
    """The debrief names what marking and what risk education prevented, each against the same run without it;
    a run that skipped both prevented nothing by them."""
    from game.level import load_scenario
    from game.run.levels import levels_dir
    from game.run.learning import Lesson
    from game.text.learning import lesson_text

    path = levels_dir() / "06_returnees.yaml"
    careful = run_policy(load_scenario(path, seed=3), "land_release").card.expected_harm
    lean = run_policy(load_scenario(path, seed=3), "lean_land_release").card.expected_harm
    assert careful["marking_averted"] > 0.05 and careful["education_averted"] > 0.005
    assert lean["marking_averted"] == 0 and lean["education_averted"] == 0
    assert careful["marking_averted"] < careful["civilian_idle"]
    text, _ = lesson_text(Lesson("harm_averted", {"averted": 9.1, "idle": 11.0, "marked_m2": 4000.0,
                                                  "marking_averted": 0.31, "educated": 2,
                                                  "education_averted": 0.03}, good=True), names=None)
    assert "Signs around 4,000 m²: 0.3 expected casualties prevented." in text
    assert "Risk education in 2 villages: 0.03 expected casualties prevented." in text
