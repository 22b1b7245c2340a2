"""What playing through the window as a student found (session 4), driven by real events and read from the
texts the frame drew."""

from __future__ import annotations

import pygame

from game.ui import play_hud
from game.ui.scene_play import PlayScene, resolve_level

from ui_events import frames, key


def test_the_tooltip_of_a_village_label_names_it_without_a_dangling_dot_and_keeps_the_ground(app):
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    frames(app, 2)
    rect = next(r for r, name in scene.renderer.label_rects if name == "lindenholm")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    frames(app)
    lines = scene.map_tooltip(scene.mouse_pos)  # what the tooltip under the pointer says
    assert lines[0] == "Lindenholm", lines  # (it said "Lindenholm · ")
    assert any(w.startswith("Here: ") for w in lines), lines  # what the ground under the pointer is


def test_an_action_key_works_while_its_button_is_scrolled_out_of_the_side_panel(app):
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    app.screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    app.settings.ui_scale = 2.0
    app.fit_theme()
    frames(app, 2)
    scene.tutorial = None
    key(app, pygame.K_1)
    key(app, pygame.K_n)  # a survey: the panel scrolls down to bring its preview and Send into view
    key(app, pygame.K_z)
    frames(app, 2)
    assert scene.draft is not None and scene.panel_scroll.offset > 0
    assert not any(b.label == "Confirm CHA" and b.rect.w for b in scene.bar.buttons)  # out of view: no click
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_f)  # what the tutorial says: "press F (Confirm CHA)"
    assert scene.draft is not None and scene.draft.action == "confirm"


def test_on_a_short_window_the_debrief_puts_its_map_beside_the_report_with_the_whole_legend(app):
    from game.sim import EndLevel
    from game.ui.widgets import probing

    play = PlayScene.start(app, resolve_level("first_steps"))
    app.push(play)
    frames(app)
    play.tutorial = None
    play.submit(EndLevel(day=play.link.day))
    app.screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    app.settings.ui_scale = 2.0
    app.fit_theme()
    app.go("debrief", how="replace", play=play)
    frames(app, 2)
    debrief = app.scene
    vp = debrief.renderer.camera.viewport
    assert vp.h >= 720 // 2, vp  # (on top of the report it was a strip of 190 pixels)
    with probing() as probe:
        frames(app)
    words = [t for layer in probe.layers for t, _rect in layer["texts"]]
    assert {"live item", "live item in released land", "found or destroyed"} <= set(words), words
    key(app, pygame.K_t)  # the truth on the map, and back
    assert debrief.renderer.overlays.truth is False


def test_a_unit_never_starts_a_line_away_from_its_number(app):
    from game.ui import theme as th

    font = app.theme.font(14)
    line = "Released 10,100 m²: cancelled 6,000 m², reduced 0 m², cleared 4,100 m²"
    full = font.size(line)[0]
    for width in range(full // 4, full, 3):  # (the debrief at 1280x720 1.5x read "cleared 4,100" / "m²")
        lines = th.wrap(font, line, width)
        assert not [x for x in lines if x.startswith("m²")], (width, lines)
        assert " ".join(lines).split() == line.split()  # every word kept


def test_pieces_of_one_report_are_said_once_in_the_map_tooltip(app):
    """Day 2 of the tutorial: the farmer's report left pieces of evidence side by side on the orchard edge; the
    tooltip listed 'Evidence, day 2: a report from the community (Orchard edge)' once per piece."""
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    frames(app, 2)
    scene.tutorial = None
    scene.step_day()
    scene.step_day()
    seen = False
    near = {(e.x + dx, e.y + dy) for e in scene.link.view.evidence for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    for cell in sorted(near):
        if not (0 <= cell[0] < scene.link.view.status.shape[1] and 0 <= cell[1] < scene.link.view.status.shape[0]):
            continue
        lines = play_hud.cell_tooltip(scene, cell)
        evidence = [w for w in lines if w.startswith("Evidence, day")]
        assert len(evidence) == len(set(evidence)), lines
        seen = seen or bool(evidence)
    assert seen
