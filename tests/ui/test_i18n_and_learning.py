"""Every interface text is in the English catalogue; learning points follow what happened."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from game.text import LOCALE_DIR, _
from game.text.extract import messages
from game.level.model import ITEM_DTYPE
from game.run.learning import learning_points


def test_english_catalogue_lists_every_message():
    po = (LOCALE_DIR / "en" / "LC_MESSAGES" / "minerisk.po").read_text(encoding="utf-8")
    missing = [m for m in messages() if f'msgid "{m}"'.replace("\n", "\\n") not in po
               and '"' not in m and "\\" not in m]
    assert not missing, f"run `python -m game.text.extract`; missing: {missing[:5]}"
    assert _("Mine Risk") == "Mine Risk"


def _view(status):
    h, w = status.shape
    return SimpleNamespace(status=status, surveyed=np.zeros((h, w), bool), cell_size_m=10.0)


def _card(**kw):
    base = dict(released_m2={"total": 0.0}, deminers={"injured": 0, "killed": 0},
                civilians={"injured": 0, "killed": 0}, items_found={}, items_left_in_released_land=0, objectives=[])
    base.update(kw)
    return SimpleNamespace(**base)


def test_cancelling_land_that_held_items_is_pointed_out():
    status = np.zeros((4, 4), np.int8)
    status[0:2, 0:2] = 3  # cancelled, never surveyed
    items = np.array([(0, 0, 0), (1, 1, 0), (3, 3, 0)], dtype=ITEM_DTYPE)
    truth = SimpleNamespace(items=items, item_states=("live", "live", "live"))
    points = learning_points(_view(status), truth, _card(released_m2={"total": 400.0}, items_left_in_released_land=2), [])
    assert "400 m² without a survey" in points[0].text and "2 items" in points[0].text
    assert "IMAS 08.10" in points[0].principle


def test_a_clean_run_gets_a_good_point():
    status = np.full((4, 4), 5, np.int8)
    truth = SimpleNamespace(items=np.zeros(0, dtype=ITEM_DTYPE), item_states=())
    orders = [{"type": "Survey"}]
    points = learning_points(_view(status), truth, _card(released_m2={"total": 1600.0}, items_found={"uxo": 1}), orders)
    assert points[-1].good
