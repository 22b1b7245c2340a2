"""The map keeps its room on small windows at a large UI scale, and every control of the play screen stays
reachable (real events: keys, clicks, the wheel; what the frame drew read through the layout probe)."""

from __future__ import annotations

import pygame
import pytest

from game.ui.scene_play import PlayScene, resolve_level
from game.ui.widgets import probing

from ui_events import button, click, frames, key

LEGEND = ("Suspected", "Confirmed", "Cancelled", "Reduced", "Cleared")


def _window(app, size, scale) -> None:
    app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    app.settings.ui_scale = scale
    app.fit_theme()
    frames(app, 2)


def _drawn(app) -> list[str]:
    with probing() as probe:
        frames(app)
    return [t for layer in probe.layers for t, _rect in layer["texts"]]


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_at_2x_on_a_small_window_the_map_gets_most_of_the_height_and_the_legend_opens_with_f7(app, size):
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"))
    app.push(scene)
    _window(app, size, 2.0)
    vp = scene.renderer.camera.viewport
    assert vp.h >= 0.7 * size[1], (vp, size)  # (it had 0.6 of 720 and 0.64 of 600: three rows under the map)
    assert scene.strip_rect.h <= scene.theme.px(30)  # one row, across the window under the map and the panel
    assert scene.panel_rect.bottom <= scene.strip_rect.top and scene.strip_rect.w == size[0]
    words = _drawn(app)
    assert "Legend" in words and not set(LEGEND) & set(words)  # folded behind its switch
    key(app, pygame.K_F7)
    words = _drawn(app)
    assert set(LEGEND) <= set(words)  # open: the whole legend, on more rows; the map gives them back
    assert scene.renderer.camera.viewport.h < vp.h
    click(app, button(scene, "Legend").rect.center)
    assert not set(LEGEND) & set(_drawn(app)) and scene.renderer.camera.viewport.h == vp.h
    key(app, pygame.K_F1)  # the overlay switches stay where they were
    assert not scene.renderer.overlays.status
    click(app, button(scene, "Status").rect.center)
    assert scene.renderer.overlays.status


def test_on_a_tall_window_the_legend_stays_under_the_map(app):
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"))
    app.push(scene)
    _window(app, (1920, 1080), 1.5)
    words = _drawn(app)
    assert set(LEGEND) <= set(words) and "Legend" not in words
    assert scene.strip_rect.right <= scene.panel_rect.left or scene.strip_rect.left >= scene.panel_rect.right


def test_the_hint_over_the_map_goes_once_the_first_order_is_sent(app):
    app.settings.show_hints = True
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"))
    app.push(scene)
    frames(app, 2)
    hint = scene._hint_text()
    assert hint in _drawn(app)
    key(app, pygame.K_n)
    key(app, pygame.K_z)
    key(app, pygame.K_RETURN)
    assert scene.link.view.team("nts-1").task_kind == "survey"
    assert hint not in _drawn(app)


def test_the_tutorial_band_leaves_the_first_level_a_readable_zoom_at_2x_on_1280x720(app):
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    _window(app, (1280, 720), 2.0)
    cam = scene.renderer.camera
    assert scene.prompt_rect.h > 0 and cam.shows_all()
    assert cam.cell_px >= 12, (cam.cell_px, cam.viewport)  # (it was 6 px a cell: the well path hid under labels)
    words = _drawn(app)
    assert "Tutorial · step 1 of 21" in words and "Press Enter or click Next to go on." in words
    click(app, button(scene, "Next").rect.center)
    assert scene.tutorial.index == 1


def test_the_stand_down_preview_says_nothing_about_evidence(app):
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"))
    app.push(scene)
    frames(app, 2)
    key(app, pygame.K_3)  # a clearance team
    key(app, pygame.K_DELETE)  # stand it down: first the preview
    words = _drawn(app)
    assert any(w.startswith("Saves US$") for w in words), words
    assert not [w for w in words if "in or near it" in w], words  # (it said "No evidence known in or near it")
