"""Every screen at every window size and UI scale: no text clipped by its box, no controls overlapping,
no text running under a button, no control or text off screen.

Each screen is built once (tests/ui/screens.py) and drawn once per size and
scale under the layout probe (game.ui.widgets.probing), which records where
text and controls went and what did not fit. Set MINERISK_SCREENS_DIR to a
folder to get the pictures too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.ui.widgets import probing
from screens import SCALES, SIZES, close_all, make_screens, png_name, show


def problems_of(layer: dict, screen: pygame.Rect) -> list[str]:
    out = [f"clipped ({why}): {text!r} in {tuple(box)}" for text, box, why in layer["clipped"]]
    controls = layer["controls"]
    for label, rect, _hidden in controls:
        if not screen.contains(rect):
            out.append(f"control off screen: {label!r} at {tuple(rect)}")
    for i, (a, ra, _ha) in enumerate(controls):
        for b, rb, _hb in controls[i + 1:]:
            if ra.colliderect(rb):
                out.append(f"controls overlap: {a!r} {tuple(ra)} and {b!r} {tuple(rb)}")
    for text, rect in layer["texts"]:
        if not screen.contains(rect):
            out.append(f"text off screen: {text!r} at {tuple(rect)}")
        for label, box, hidden in controls:  # text running under a button (not the button's own label)
            if not hidden and text != label and box.colliderect(rect) and not box.contains(rect):
                out.append(f"text under a control: {text!r} at {tuple(rect)} and {label!r} {tuple(box)}")
    return out


@pytest.fixture(scope="module")
def screens(tmp_path_factory):
    from game.ui.app import App

    patch = pytest.MonkeyPatch()  # the player's files in a folder of this module (never the real one)
    patch.setenv("MINERISK_DATA_DIR", str(tmp_path_factory.mktemp("layout-data")))
    app = App(size=SIZES[0], max_frames=None, fixed_step=True)
    made = make_screens(app)
    yield app, made
    close_all(made)
    pygame.quit()
    patch.undo()


def test_every_screen_holds_at_every_size_and_scale(screens, tmp_path_factory):
    app, made = screens
    folder = os.environ.get("MINERISK_SCREENS_DIR")
    found: list[str] = []
    for size in SIZES:
        for scale in SCALES:
            for name, stack in made.items():
                with probing() as probe:
                    show(app, stack, size, scale)
                if folder:
                    Path(folder).mkdir(parents=True, exist_ok=True)
                    pygame.image.save(app.screen, str(Path(folder) / png_name(name, size, scale)))
                for problem in problems_of(probe.layers[-1], app.screen.get_rect()):
                    found.append(f"{name} {size[0]}x{size[1]} at {scale:g}x: {problem}")
    assert not found, f"{len(found)} layout problems:\n" + "\n".join(found[:60])


def test_a_small_window_lowers_the_scale_it_cannot_hold(screens):
    from game.ui.app import fit_scale

    assert fit_scale(2.0, (1280, 720)) == 2.0
    assert fit_scale(2.0, (1024, 600)) == 1.5
    assert fit_scale(1.5, (1024, 600)) == 1.5
    assert fit_scale(1.0, (800, 480)) == 1.0
