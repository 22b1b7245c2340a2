"""The layout test (tests/ui/test_layouts.py) in the test language ``qps``: every text accented and 40%
longer than English, so a screen that only fits English words shows here (clipped text, overlapping
controls, anything off screen), at every window size and UI scale."""

from __future__ import annotations

import pygame
import pytest

import game.text as text
from game.ui.widgets import probing
from screens import SCALES, SIZES, close_all, make_screens, show
from test_layouts import problems_of


@pytest.fixture(scope="module")
def screens_in_the_test_language():
    from game.ui.app import App

    app = App(size=SIZES[0], max_frames=None, fixed_step=True, language=text.PSEUDO)
    made = make_screens(app)
    yield app, made
    close_all(made)
    text.set_language("en")
    pygame.quit()


@pytest.fixture(autouse=True)
def data_dir():  # the module's app outlives one test's data folder (as in test_layouts)
    yield


def test_every_screen_holds_40_percent_longer_words(screens_in_the_test_language):
    app, made = screens_in_the_test_language
    assert text.language() == text.PSEUDO
    found: list[str] = []
    for size in SIZES:
        for scale in SCALES:
            for name, stack in made.items():
                with probing() as probe:
                    show(app, stack, size, scale)
                for problem in problems_of(probe.layers[-1], app.screen.get_rect()):
                    found.append(f"{name} {size[0]}x{size[1]} at {scale:g}x: {problem}")
    assert not found, f"{len(found)} layout problems in the test language:\n" + "\n".join(found[:60])
