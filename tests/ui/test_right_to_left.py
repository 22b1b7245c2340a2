"""Right to left: in Arabic every screen mirrors (game/ui/layout.py) around a map that does not.

Real pixels and real events on SDL's dummy driver: the play screen's side
panel on the other side, the map and the overview map's pictures the same as
in English, a task's progress bar filling from the right, button rows read
from the right on every screen, and clicks landing where the mirrored
buttons are drawn, after a language switch without a restart.
"""

from __future__ import annotations

import numpy as np
import pygame
import pytest

import game.text as text
from game.ui import map_markers, theme as th
from game.ui.widgets import Scroller, draw_text, probing, progress_bar, tooltip
from screens import close_all, make_screens, show
from ui_events import button, click, frames, key


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    text.set_language("en")


def _same_row(a: pygame.Rect, b: pygame.Rect) -> bool:
    return min(a.bottom, b.bottom) - max(a.y, b.y) >= min(a.h, b.h) // 2


def test_every_screen_reads_its_rows_of_buttons_from_the_right(app):
    """Any two buttons side by side in English swap sides in Arabic (the row reads from the right)."""
    made = make_screens(app)
    compared, pairs = 0, 0
    try:
        for name, stack in made.items():
            controls = {}
            for code in ("en", "ar"):
                text.set_language(code)
                with probing() as probe:
                    show(app, stack, (1280, 720), 1.0)
                controls[code] = [rect for _label, rect, _hidden in probe.layers[-1]["controls"]]
            en, ar = controls["en"], controls["ar"]
            if len(en) != len(ar):  # (a list that scrolls differently in longer words: not compared)
                continue
            compared += 1
            for i in range(len(en)):
                for j in range(i + 1, len(en)):
                    if _same_row(en[i], en[j]) and _same_row(ar[i], ar[j]) and en[i].x != en[j].x:
                        pairs += 1
                        assert (en[i].x < en[j].x) != (ar[i].x < ar[j].x), (name, i, j, en[i], en[j], ar[i], ar[j])
    finally:
        close_all(made)
    assert compared >= len(made) - 2 and pairs > 150


def _play(app, level: str = "cancel_or_clear"):
    from game.run.levels import resolve_level

    play = app.go("play", path=resolve_level(level))
    app.settings.show_hints = False
    return play


def _panel_share(screen: pygame.Surface, x: int, rect: pygame.Rect) -> float:
    """The share of a column of pixels (inside ``rect``'s height) in the side panel's colour."""
    column = pygame.surfarray.array3d(screen)[x, rect.y:rect.bottom]
    return float(np.mean(np.all(column == th.PANEL, axis=1)))


def test_the_play_screen_mirrors_around_a_map_that_does_not(app, monkeypatch):
    play = _play(app)
    monkeypatch.setattr(map_markers, "draw_zone_labels", lambda *a, **k: None)  # words differ by language
    o = play.renderer.overlays
    o.teams = o.villages = o.evidence = o.minimap = False  # the map picture alone (with the land status)
    play.paused = False  # (no "Paused" note over the map; no frame is stepped)
    w = app.screen.get_width()
    shots = {}
    for code in ("en", "ar"):
        text.set_language(code)
        app.draw()
        vp = play.renderer.camera.viewport
        shots[code] = (pygame.Rect(play.panel_rect), pygame.Rect(vp), pygame.surfarray.array3d(app.screen))
    (en_panel, en_vp, en_px), (ar_panel, ar_vp, ar_px) = shots["en"], shots["ar"]
    assert en_panel.right == w and ar_panel.x == 0 and ar_panel.size == en_panel.size
    assert en_vp.x == 0 and ar_vp.right == w and ar_vp.size == en_vp.size
    assert _panel_share(app.screen, 3, ar_panel) > 0.5  # the panel's colour down the left edge
    text.set_language("en")
    app.draw()
    assert _panel_share(app.screen, 3, ar_panel) < 0.05 and _panel_share(app.screen, w - 4, en_panel) > 0.5
    # the map itself is not mirrored: the same picture, only moved
    same = en_px[en_vp.x:en_vp.right, en_vp.y:en_vp.bottom] == ar_px[ar_vp.x:ar_vp.right, ar_vp.y:ar_vp.bottom]
    assert same.all()
    # nor the overview map's picture: it moves to the bottom-left corner of the map
    o.minimap = True
    play.renderer.camera.zoom_at(3)
    pictures = {}
    for code in ("en", "ar"):
        text.set_language(code)
        app.draw()
        box = pygame.Rect(play.renderer.minimap.rect)
        pictures[code] = (box, pygame.surfarray.array3d(app.screen)[box.x:box.right, box.y:box.bottom])
    assert pictures["en"][0].right > en_vp.centerx and pictures["ar"][0].x < ar_vp.centerx
    assert pictures["en"][0].size == pictures["ar"][0].size
    assert (pictures["en"][1] == pictures["ar"][1]).all()


def test_a_team_is_picked_where_its_mirrored_row_is_and_its_progress_fills_from_the_right(app):
    play = _play(app)
    app.set_language("ar")
    frames(app)
    teams = play.link.teams()
    second = teams[1].name
    row = next(b for b in play.bar.buttons if b.hidden and b.key_name == "2")
    assert row.rect.right < app.screen.get_width() // 2  # the team list is on the left
    click(app, (row.rect.right - 10, row.rect.centery))  # where its name is drawn, at the row's right end
    assert play.selected == second
    # a survey under way: its team's row shows how far it is, filled from the right
    key(app, pygame.K_t)  # a technical survey by the team picked: some days of work
    play.set_draft_area(next(o.name for o in play.zone_objects if o.kind == "suspected_area"))
    frames(app, 2)  # (the panel brings the order's Send into view)
    click(app, next(b for b in play.bar.buttons if b.key == pygame.K_RETURN).rect.center)
    assert play.link.view.team(second).task_kind == "technical_survey"
    for _ in range(40):
        play.step_day()
        share = play.link.view.team(second).task_progress
        if 0.15 < share < 0.7:
            break
    assert 0.15 < share < 0.7, share
    fills = {}
    for code in ("ar", "en"):
        text.set_language(code)
        app.draw()
        row = next(b for b in play.bar.buttons if b.hidden and b.key_name == "2").rect
        band = pygame.surfarray.array3d(app.screen)[row.x:row.right, row.bottom - 6:row.bottom]
        filled = np.nonzero(np.all(band == th.INFO, axis=2).any(axis=1))[0]
        fills[code] = (filled.min() + row.x, filled.max() + row.x, row)
    ar_left, ar_right, ar_row = fills["ar"]
    en_left, en_right, en_row = fills["en"]
    assert ar_right > ar_row.right - 60 and ar_left > ar_row.centerx  # from the right, part of the way
    assert en_left < en_row.x + 60 and en_right < en_row.centerx  # from the left in English
    assert abs((ar_right - ar_left) - (en_right - en_left)) <= 2  # as far in both


def test_a_row_of_buttons_reads_from_the_right_and_is_clicked_where_drawn(app):
    chosen = []
    app.go("menu", how="reset")
    app.set_language("ar")
    app.go("message", title="?", sentences=["?"],
           choices=[("1", lambda: chosen.append("first"), None, "", ""),
                    ("2", lambda: chosen.append("second"), None, "", "")])
    frames(app)
    first, second = app.scene.bar.buttons
    assert first.rect.x > second.rect.x  # the first choice is read first: on the right
    click(app, first.rect.center)
    assert chosen == ["first"]


def test_a_language_switch_mirrors_the_menu_at_once(app):
    menu = app.go("menu", how="reset")
    frames(app)
    w = app.screen.get_width()
    assert button(menu, "Settings").rect.x > w // 2
    click(app, button(menu, "Settings").rect.center)
    settings = app.scene
    click(app, button(settings, "العربية").rect.center)  # the picker, where it is drawn
    assert text.language() == "ar"
    back = next(b for b in settings.bar.buttons if b.key_name == "Esc")
    assert back.rect.centerx < app.screen.get_width() // 2  # Back at the bottom-left of the settings now
    click(app, back.rect.center)
    assert app.scene is menu
    settings_button = next(b for b in menu.bar.buttons if b.key == pygame.K_o)
    assert settings_button.rect.right < w // 2  # the menu's buttons moved to the left at once
    click(app, settings_button.rect.center)
    assert app.scene is not menu and app.scene.__class__.__name__ == "SettingsScene"


def test_the_widgets_follow_the_reading_direction(app):
    t = app.theme
    surface = pygame.Surface((400, 200))
    box = pygame.Rect(100, 20, 200, 30)
    text.set_language("ar")
    assert draw_text(surface, t, "نص", box).right == box.right  # text starts at the right of its box
    assert draw_text(surface, t, "نص", (110, 60), within=box).right == 290  # a point mirrored in its box
    full = progress_bar(surface, t, pygame.Rect(100, 100, 200, 6), 0.25)
    assert full.right == 300 and full.w == 50
    surface.fill((0, 0, 0))
    tooltip(surface, t, ["نص"], (300, 150))
    lit = np.nonzero(pygame.surfarray.array3d(surface).any(axis=(1, 2)))[0]
    assert lit.max() < 300  # opens to the left of the pointer
    scroller = Scroller()
    scroller.begin(surface, pygame.Rect(0, 0, 100, 50))
    scroller.end(surface, t, 200)  # taller than its box: it scrolls, its bar on the left
    assert scroller.content(10) == pygame.Rect(10, 0, 90, 50)
    text.set_language("en")
    assert scroller.content(10) == pygame.Rect(0, 0, 90, 50)
    assert draw_text(surface, t, "text", box).x == box.x
    assert progress_bar(surface, t, pygame.Rect(100, 100, 200, 6), 0.25).x == 100


def test_the_typing_cursor_follows_what_was_typed(app):
    from game.ui import fonts
    from game.ui.scene_student import _caret

    for code in ("ar", "en"):
        text.set_language(code)
        latin = fonts.runs("Amina" + _caret("Amina"))
        arabic = fonts.runs("أمينة" + _caret("أمينة"))
        assert latin[-1].text.endswith("|")  # right of a Latin name, in an Arabic screen too
        assert arabic[0].text.startswith("|")  # left of an Arabic name, in a Latin screen too


def test_a_button_named_twice_is_mirrored_once(app):
    from game.ui.layout import mirror_all
    from game.ui.widgets import Button

    text.set_language("ar")
    close = Button("x", lambda: None)
    close.rect = pygame.Rect(900, 10, 100, 30)
    mirror_all((close, close), pygame.Rect(0, 0, 1000, 100))  # (a preview's one Close is both Start and Back)
    assert close.rect.x == 0


def test_an_arrow_points_the_reading_way(app):
    """The rushed team's "»" points forward: to the left in Arabic (HarfBuzz mirrors it in a right-to-left run)."""
    from game.ui import fonts

    text.set_language("ar")
    font = fonts.TextFont(40)
    arrow = next(r for r in fonts.runs("فريق المسح 1 »") if "»" in r.text)
    assert arrow.rtl
    drawn = pygame.surfarray.array_alpha(font._font(arrow).render("»", True, (255, 255, 255)))
    text.set_language("en")
    ahead = fonts.Run("«", arrow.family, "Latn", False)
    left = pygame.surfarray.array_alpha(font._font(ahead).render("«", True, (255, 255, 255)))
    assert drawn.shape == left.shape and (drawn == left).all()
