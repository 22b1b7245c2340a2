"""The layout test (tests/ui/test_layouts.py) in two more languages, at every window size and UI scale:

- the test language ``qps``: every text accented and 40% longer than English, so a screen that only fits
  English words shows here (clipped text, overlapping controls, anything off screen);
- Arabic, where every screen is mirrored (game/ui/layout.py): a mirrored rect that lands off screen or on
  another control shows here.
"""

from __future__ import annotations

import pygame
import pytest

import game.text as text
from game.ui.widgets import probing
from screens import SCALES, SIZES, close_all, make_screens, show
from test_layouts import problems_of


@pytest.fixture(scope="module", params=[text.PSEUDO, "ar"])
def screens_in_a_language(request):
    from game.ui.app import App

    app = App(size=SIZES[0], max_frames=None, fixed_step=True, language=request.param)
    made = make_screens(app)
    yield request.param, app, made
    close_all(made)
    text.set_language("en")
    pygame.quit()


@pytest.fixture(autouse=True)
def data_dir():  # the module's app outlives one test's data folder (as in test_layouts)
    yield


def test_every_screen_holds_in_long_words_and_right_to_left(screens_in_a_language):
    code, app, made = screens_in_a_language
    assert text.language() == code
    found: list[str] = []
    for size in SIZES:
        for scale in SCALES:
            for name, stack in made.items():
                with probing() as probe:
                    show(app, stack, size, scale)
                for problem in problems_of(probe.layers[-1], app.screen.get_rect()):
                    found.append(f"{name} {size[0]}x{size[1]} at {scale:g}x: {problem}")
    assert not found, f"{len(found)} layout problems in {code}:\n" + "\n".join(found[:60])
