"""Learning points follow what happened (the catalogues are tested in tests/unit/test_languages.py)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from game.level.model import ITEM_DTYPE
from game.run.learning import lessons
from game.text.learning import lesson_text


def _view(status, **kw):
    h, w = status.shape
    base = dict(status=status, surveyed=np.zeros((h, w), bool), marked=np.zeros((h, w), bool),
                indication=np.zeros((h, w), bool), cell_size_m=10.0, day=30, villages=())
    base.update(kw)
    return SimpleNamespace(**base)


def _card(**kw):
    base = dict(released_m2={"total": 0.0}, deminers={"injured": 0, "killed": 0},
                civilians={"injured": 0, "killed": 0}, items_found={}, items_left_in_released_land=0, objectives=[],
                decision_errors=(), end_reason="last_day", expected_harm={})
    base.update(kw)
    return SimpleNamespace(**base)


def _names():
    from game.text.names import Names

    return Names([], {"teams": {"manual": {"short_name": "Clearance team"}}})


def test_items_left_in_cancelled_land_are_pointed_out_with_their_place():
    status = np.zeros((4, 4), np.int8)
    status[0:2, 0:2] = 3  # cancelled
    items = np.array([(0, 1, 0), (1, 1, 0), (3, 3, 0)], dtype=ITEM_DTYPE)
    unjustified = status == 3  # cancelled against the evidence (the release record)
    truth = SimpleNamespace(items=items, item_states=("live", "live", "live"), unjustified_land=unjustified)
    found = lessons(_view(status), truth, _card(released_m2={"total": 400.0}))
    point = next(x for x in found if x.code == "items_left_released")
    assert point.params == {"n": 2, "kind": "cancelled"} and point.place == (0, 1)
    assert "residual_risk" not in [x.code for x in found]
    text, principle = lesson_text(point, _names())
    assert "2 items were still in land you cancelled" in text and "IMAS 08.10" in principle


def test_items_left_in_justified_releases_are_residual_risk_not_a_mistake():
    status = np.zeros((4, 4), np.int8)
    status[0:2, 0:2] = 3  # cancelled after a complete survey found no evidence
    items = np.array([(0, 1, 0), (1, 1, 0), (3, 3, 0)], dtype=ITEM_DTYPE)
    truth = SimpleNamespace(items=items, item_states=("live", "live", "live"),
                            unjustified_land=np.zeros((4, 4), bool))
    found = lessons(_view(status), truth, _card(released_m2={"total": 400.0}))
    codes = [x.code for x in found]
    assert "items_left_released" not in codes and "clean_release" not in codes
    point = next(x for x in found if x.code == "residual_risk")
    assert point.params == {"n": 2} and point.place == (0, 1)
    text, principle = lesson_text(point, _names())
    assert text == "2 items were still in land you released on the evidence you had."
    assert "IMAS 07.11" in principle and "residual risk" in principle


def test_decision_errors_money_idle_teams_and_unchecked_indications():
    from game.run.diary import Diary, OrderNote

    status = np.full((4, 4), 1, np.int8)
    indication = np.zeros((4, 4), bool)
    indication[2, 3] = True
    diary = Diary(idle_days={"manual-1": 40}, idle_cost_usd=120000.0, team_days=90)
    diary.refused_early.append(OrderNote(day=4, order="Cancel", area="north", team=None, cells=10, suspected=10,
                                  surveyed_share=0.5, survey_running=True, evidence=0, x=1, y=2))
    error = {"order": 3, "day": 7, "kind": "cancelled", "why": "cancel_against_evidence", "m2": 2500.0, "x": 2, "y": 1}
    card = _card(decision_errors=(error,), end_reason="budget")
    found = lessons(_view(status, indication=indication), None, card, diary)
    codes = [x.code for x in found]
    assert codes[:2] == ["decision_error", "money_ran_out"]
    assert {"cancel_before_survey", "unchecked_indications", "idle_team_days"} <= set(codes)
    assert found[0].place == (2, 1)
    names = _names()
    words = {x.code: lesson_text(x, names)[0] for x in found}
    assert words["decision_error"].startswith("On day 7 you cancelled 2,500 m² although there was evidence")
    assert "while its survey was still going on (refused)" in words["cancel_before_survey"]
    assert "US$120,000" in words["idle_team_days"] and "40 days" in words["idle_team_days"]
    assert "1 dog indication was never checked" in words["unchecked_indications"]
    assert all(not x.good for x in found)


def test_a_clean_run_gets_a_good_point():
    status = np.full((4, 4), 5, np.int8)
    truth = SimpleNamespace(items=np.zeros(0, dtype=ITEM_DTYPE), item_states=())
    found = lessons(_view(status), truth, _card(released_m2={"total": 1600.0}, items_found={"uxo": 1}))
    assert found[-1].code == "clean_release" and found[-1].good
    assert "1,600 m²" in lesson_text(found[-1], _names())[0]
