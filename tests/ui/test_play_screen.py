"""The play screen driven by real pygame events: what reaches the simulation and what the pixels show."""

from __future__ import annotations

import pygame

from game.ui.map_renderer import TEAM_COLOURS
from game.ui.scene_play import PlayScene, resolve_level

from ui_events import button, click, drag, frames, key


def start(app, level="first_steps", **kw) -> PlayScene:
    scene = PlayScene.start(app, resolve_level(level), **kw)
    app.push(scene)
    frames(app, 2)
    return scene


def centre_of_cell(scene, cell):
    r = scene.renderer.camera.cell_rect(*cell)
    return r.center


def test_select_team_drag_area_confirm_reaches_the_simulation(app):
    scene = start(app)
    link = scene.link
    # select the manual team by clicking its row, then the nts team with its number key
    manual = next(b for b in scene.bar.buttons if b.hidden and b.key_name == "2")
    click(app, manual.rect.center)
    assert scene.selected == "manual-1"
    key(app, pygame.K_1)
    assert scene.selected == "nts-1"
    # survey: pick the action with its key, drag a rectangle over the north pasture
    key(app, pygame.K_n)
    assert scene.draft is not None and scene.draft.action == "survey" and scene.draft.team == "nts-1"
    zone = link.scenario.map.object_named("north_pasture")
    x, y = zone.centre_cell
    drag(app, centre_of_cell(scene, (x - 3, y - 2)), centre_of_cell(scene, (x + 3, y + 2)))
    assert scene.draft.area == (x - 3, y - 2, 7, 5)
    assert scene.draft.estimate is not None and scene.draft.estimate.cells > 0
    # the order box shows the estimate before confirming
    from game.ui.play_panel import draft_lines

    assert any("US$" in line for line, _colour in draft_lines(scene))
    click(app, button(scene, "Send order").rect.center)
    assert scene.draft is None
    assert link.accepted[-1] == {"type": "Survey", "day": 1, "team": "nts-1", "area": [x - 3, y - 2, 7, 5]}
    assert link.view.team("nts-1").task_kind == "survey"
    frames(app, 1)
    # pixels: the task area is outlined in the survey team's colour
    r = scene.renderer.camera.cell_rect(x - 3, y - 2, 7, 5)
    assert tuple(app.screen.get_at((r.centerx, r.y + 1)))[:3] == TEAM_COLOURS["nts"]


def test_click_zone_and_refused_order_shows_the_reason(app):
    scene = start(app)
    link = scene.link
    key(app, pygame.K_c)  # clear: the manual team is picked for it
    assert scene.draft.action == "clear" and scene.draft.team == "manual-1"
    orchard = link.scenario.map.object_named("orchard_edge")
    cell = tuple(int(v) for v in reversed([a[0] for a in orchard.mask.nonzero()]))
    click(app, centre_of_cell(scene, cell))
    assert scene.draft.area == "orchard_edge"
    key(app, pygame.K_ESCAPE)
    assert scene.draft is None
    # cancel land on a corner with no suspected land: the simulation refuses and says why
    key(app, pygame.K_x)
    assert scene.draft.action == "cancel" and scene.draft.team is None
    drag(app, centre_of_cell(scene, (0, 0)), centre_of_cell(scene, (2, 2)))
    assert scene.draft.area == (0, 0, 3, 3)
    key(app, pygame.K_RETURN)
    assert scene.message is not None and str(scene.message[0]).startswith("Refused:")
    assert "no suspected land" in str(scene.message[0])
    assert not link.accepted
    assert scene.news[-1][1] == "refused"
    # the answer and the news follow a language switch made while they are on screen
    import game.text as text
    english_name = link.area_name("orchard_edge")
    text.set_language("fr")
    try:
        assert str(scene.message[0]).startswith("Refusé") and "Refused" not in str(scene.news[-1][2])
        assert link.area_name("orchard_edge") not in ("", english_name)
    finally:
        text.set_language("en")
    assert str(scene.message[0]).startswith("Refused:")


def test_cancel_changes_the_status_pixels(app):
    scene = start(app)
    zone = scene.link.scenario.map.object_named("north_pasture")
    cell = zone.centre_cell
    scene.renderer.overlays.teams = False  # keep markers out of the sampled pixel
    from game.sim import Survey

    assert scene.submit(Survey(day=scene.link.day, team="nts-1", area="north_pasture")).accepted
    scene.step_day()  # cancelling needs the survey first (unsurveyed land is refused)
    frames(app)
    pos = centre_of_cell(scene, cell)
    before = tuple(app.screen.get_at(pos))
    key(app, pygame.K_x)
    key(app, pygame.K_z)  # the first zone of the cycle is a suspected area
    assert scene.draft.area == scene.link.zones()[0].name
    scene.set_draft_area("north_pasture")
    key(app, pygame.K_RETURN)
    assert scene.link.accepted[-1]["type"] == "Cancel"
    frames(app)
    assert int(scene.link.view.status[cell[1], cell[0]]) == 3  # cancelled
    assert tuple(app.screen.get_at(pos)) != before


def test_time_controls_and_days_pass(app):
    app.settings.auto_pause = False  # alerts (the orchard report of day 2) would stop time: not this test's subject
    scene = start(app)
    assert scene.paused
    key(app, pygame.K_SPACE)
    assert not scene.paused
    click(app, button(scene, "4x").rect.center)
    assert scene.speed == 4 and not scene.paused
    frames(app, 1)
    b = button(scene, "4x")
    assert tuple(app.screen.get_at((b.rect.x + 3, b.rect.centery)))[:3] == (80, 70, 30)  # highlighted
    day = scene.link.day
    frames(app, 40)  # 4 days a second at 60 frames a second
    assert scene.link.day >= day + 2
    key(app, pygame.K_PERIOD)
    assert scene.speed == 8
    key(app, pygame.K_COMMA)
    key(app, pygame.K_COMMA)
    assert scene.speed == 2
    key(app, pygame.K_SPACE)
    assert scene.paused


def test_scroll_and_zoom(app):
    scene = start(app, "the_sector")
    cam = scene.renderer.camera
    z = cam.cell_px
    pos = cam.viewport.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0))
    frames(app)
    assert cam.cell_px > z
    assert cam.width * z <= cam.viewport.w and cam.height * z <= cam.viewport.h  # it started fitted to view
    while cam.width * cam.cell_px < cam.viewport.w + 200 or cam.height * cam.cell_px < cam.viewport.h + 100:
        key(app, pygame.K_EQUALS)
    x0, y0 = cam.x, cam.y
    drag(app, pos, (pos[0] - 100, pos[1] - 50), button=3)
    assert (cam.x, cam.y) == (x0 + 100, y0 + 50)
    while cam.cell_px != z:
        key(app, pygame.K_MINUS)
    for _ in range(len(cam.zooms)):
        key(app, pygame.K_EQUALS)
    assert cam.cell_px == cam.zooms[-1] and len(cam.zooms) >= 3


def test_end_level_opens_the_debrief_and_records_progress(app):
    scene = start(app)
    key(app, pygame.K_END)
    assert str(scene.message[0]).startswith("Press End again")
    key(app, pygame.K_END)
    frames(app, 2)
    from game.ui.scene_debrief import DebriefScene
    from game.ui.scene_quiz import QuizScene

    assert isinstance(app.scene, QuizScene)  # the tutorial level ends with the quiz
    key(app, pygame.K_ESCAPE)  # skip it
    debrief = app.scene
    assert isinstance(debrief, DebriefScene)
    assert debrief.card.grade in "ABCDEF"
    assert app.progress.best_grades["first_steps"] == debrief.card.grade
    assert debrief.points  # at least one learning point
    # the truth is drawn: a live item marker (red) somewhere in the map viewport
    vp = debrief.renderer.camera.viewport
    reds = sum(1 for x in range(vp.x, vp.right, 2) for y in range(vp.y, vp.bottom, 2)
               if tuple(app.screen.get_at((x, y)))[:3] in ((220, 30, 30), (255, 0, 255)))
    assert reds > 0
    key(app, pygame.K_t)
    assert not debrief.renderer.overlays.truth


def test_autoplay_gives_orders_through_the_play_scene(app):
    scene = start(app, autoplay="land_release")
    assert scene.autoplay is not None and scene.speed == 8 and not scene.paused
    frames(app, 60)
    assert scene.link.accepted
    assert scene.days_stepped >= 5


def test_hiring_a_team_reaches_the_simulation():
    from pathlib import Path

    from game.paths import levels_dir
    from game.ui.sim_link import GameLink

    link = GameLink.open(Path(levels_dir() / "02_cancel_or_clear.yaml"))
    try:
        before = len(link.view.teams)
        answer = link.hire("manual")
        assert answer.accepted, answer.reason
        assert len(link.view.teams) == before + 1
    finally:
        link.close()
