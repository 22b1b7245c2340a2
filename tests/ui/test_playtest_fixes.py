"""What a student playtest of the play screen, the menu and the debrief found, driven by real events and
read from what the frame drew (the layout probe) or its pixels."""

from __future__ import annotations

import pygame

from game import text
from game.sim import Survey
from game.ui import theme as th
from game.ui.scene_play import PlayScene, resolve_level
from game.ui.widgets import probing

from ui_events import button, click, frames, key


def start(app, level="first_steps", **kw) -> PlayScene:
    scene = PlayScene.start(app, resolve_level(level), **kw)
    app.push(scene)
    frames(app, 2)
    return scene


def drawn(app) -> list[str]:
    """Every text the next frame draws."""
    with probing() as probe:
        frames(app)
    return [t for layer in probe.layers for t, _rect in layer["texts"]]


def test_the_order_box_drops_an_order_with_a_word_no_order_uses(app):
    """"Cancel" is an order (cancel land): the button that drops an order must not say it, in any language."""
    scene = start(app)
    key(app, pygame.K_x)  # cancel land: the order box opens
    labels = [b.label for b in scene.bar.buttons]
    assert "Don't send" in labels and "Cancel" not in labels
    from game.ui.actions import ACTION_INFO

    for lang in ("en", "fr", "es", "uk", "az", "ar", "km"):
        text.set_language(lang)
        try:
            drop = text._("Don't send")
            orders = {text._(label) for label, _key, _tip in ACTION_INFO.values()}
            assert drop not in orders and drop != text._("Send order"), lang
        finally:
            text.set_language("en")
    key(app, pygame.K_ESCAPE)
    assert scene.draft is None


def test_an_order_no_team_can_do_says_which_key_hires_one(app):
    scene = start(app, "cancel_or_clear")  # no risk education team at the start; the level lets you hire one
    key(app, pygame.K_e)
    words = drawn(app)
    assert any("Press H to hire a risk education team" in w for w in words), words
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_h)  # the hire list names each kind of team as the briefing and the team rows do
    words = " ".join(drawn(app))
    assert "Risk education team" in words and "Dog team" in words and "Clearance team" in words
    for long in ("Explosive ordnance risk education team", "Mine detection dog team", "Manual clearance team"):
        assert long not in words


def test_an_order_no_team_can_do_on_a_level_that_hires_none_says_so(app):
    scene = start(app)  # the tutorial has no technical survey team, and none can be hired
    assert "technical_survey" not in scene.link.view.hireable
    key(app, pygame.K_t)  # no technical survey team in the tutorial
    words = drawn(app)
    assert any("none can be hired" in w for w in words), words


def test_the_top_bar_counts_a_cancellation_at_once(app):
    scene = start(app)
    assert scene.submit(Survey(day=scene.link.day, team="nts-1", area="north_pasture")).accepted
    scene.step_day()  # cancelling needs the survey first
    frames(app)
    assert any(w == "Released 0 m²" for w in drawn(app))
    day = scene.link.day
    key(app, pygame.K_x)
    scene.set_draft_area("north_pasture")
    key(app, pygame.K_RETURN)
    assert scene.link.accepted[-1]["type"] == "Cancel" and scene.link.day == day
    released = [w for w in drawn(app) if w.startswith("Released ")]
    assert released and released[0] != "Released 0 m²", released


def test_a_grade_d_is_red_as_every_failing_grade():
    assert th.GRADE_COLOURS["D"] == th.BAD == th.GRADE_COLOURS["F"]
    assert th.GRADE_COLOURS["C"] == th.ACCENT


def test_the_money_chart_ends_on_the_last_day_and_its_top_value_is_above_the_lines(app):
    from game.ui.charts import line_chart

    theme = th.Theme(1.0)  # (the app fixture keeps the fonts open)
    written: list[tuple[str, int]] = []
    plain = theme.text

    def text_of(words, size=15, colour=th.TEXT, bold=False):
        written.append(words)
        return plain(words, size, colour, bold)

    theme.text = text_of
    surface = pygame.Surface((400, 200))
    surface.fill((0, 0, 0))
    # a level that ended on day 12 has values for days 2 to 12 (the series starts at the first day's end)
    line_chart(surface, theme, pygame.Rect(0, 0, 400, 200), "Money per day",
               [("budget left", [100.0, 80.0, 60.0], th.GOOD)], unit=lambda v: f"top {v:.0f}", last_day=12)
    assert "12" in written and "3" not in written and "top 100" in written
    # the line's highest point (the peak) is drawn below the band of the top value, never across its text
    green = [y for y in range(200) for x in range(0, 400) if tuple(surface.get_at((x, y)))[:3] == th.GOOD]
    assert min(green) >= theme.px(24) + theme.font(11).get_linesize() - 1


def test_after_save_and_quit_the_menu_names_the_level_in_progress(app):
    from game.ui.scene_menu import MenuScene

    app.reset_to(MenuScene(app))
    play = PlayScene.start(app, resolve_level("first_steps"))
    app.push(play)
    frames(app)
    for _ in range(3):
        play.step_day()
    day = play.link.day
    key(app, pygame.K_ESCAPE)  # pause menu
    key(app, pygame.K_s)  # save and quit
    assert isinstance(app.scene, MenuScene)
    words = drawn(app)
    i = words.index("1. First steps at Lindenholm")
    assert any(w.endswith(f"in progress, day {day}") for w in words[i + 1:i + 3]), words[i:i + 3]
    cont = button(app.scene, f"Continue level 1 (day {day})")
    assert cont.enabled and "First steps at Lindenholm" in cont.tooltip


def _window(app, size, scale):
    app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    app.settings.ui_scale = scale
    app.fit_theme()
    frames(app, 2)


def _target_pixels(app, scene) -> int:
    from game.ui.play_tutorial import TARGET_COLOUR

    vp = scene.renderer.camera.viewport
    return sum(1 for x in range(vp.x, vp.right, 2) for y in range(vp.y, vp.bottom, 2)
               if tuple(app.screen.get_at((x, y)))[:3] == TARGET_COLOUR)


def _survey_until_done(scene, app, zone: str) -> None:
    assert scene.submit(Survey(day=scene.link.day, team="nts-1", area=zone)).accepted
    for _ in range(30):
        scene.step_day()
        if scene.link.view.team("nts-1").task_kind is None:
            break
    frames(app)


def test_the_alert_banner_keeps_off_the_tutorial_zone_and_never_repeats_what_was_read(app):
    scene = start(app)
    _window(app, (1024, 600), 1.0)
    scene.tutorial.index = 7  # "... then press X (Cancel land), click the north pasture": it is outlined
    _survey_until_done(scene, app, "well_path")
    scene.dismiss_alerts()
    scene.paused = False  # (time runs: the next alerts stop it)
    _survey_until_done(scene, app, "north_pasture")
    assert scene.alerts and scene.paused_by_alert
    vp = scene.renderer.camera.viewport
    over = scene._map_overlays(vp)
    assert over["alerts"] is not None and not over["alerts"].colliderect(scene._target_rect())
    assert over["alerts"].h <= vp.h // 4 + scene.theme.font(13).get_linesize(), (over["alerts"].h, vp.h)
    frames(app)
    shown = _target_pixels(app, scene)  # every pixel of the zone's outline shows with the banner up
    read = [str(line) for line, _colour in over["alert_lines"]]
    click(app, button(scene, "1x").rect.center)  # time runs on: the banner has been read
    scene.paused = True
    frames(app)
    assert _target_pixels(app, scene) == shown > 0
    _survey_until_done(scene, app, "orchard_edge")  # new alerts: only they show
    words = drawn(app)
    again = [w for w in read if w.startswith("Day ") and w in words]
    assert not again, again
    assert scene.alerts and all(a.day > 2 for a in scene.alerts if a.code != "report")


def _labels_clear(scene) -> None:
    vp = scene.renderer.camera.viewport
    over = scene._map_overlays(vp)
    covered = [r for r in (over["alerts"], over["badge"], over["hint"]) if r]
    if scene.renderer.minimap.rect.w:
        covered.append(scene.renderer.minimap.rect)
    assert scene.renderer.label_rects
    for rect, name in scene.renderer.label_rects:
        assert vp.contains(rect), (name, rect, vp)  # never cut by the side panel or the strip under the map
        assert rect.collidelist(covered) < 0, (name, rect, covered)


def test_zone_labels_stay_whole_inside_the_map_and_clear_of_what_covers_it(app):
    scene = start(app, "cancel_or_clear")
    scene.paused = True
    for size, scale, lang in (((1280, 720), 2.0, "en"), ((1280, 720), 1.5, "en"), ((1024, 600), 1.0, "fr"),
                              ((1024, 600), 1.0, "ar"), ((1920, 1080), 1.0, "en")):
        text.set_language(lang)
        try:
            scene.zones_stale = True
            _window(app, size, scale)
            for zoom in (0, 1):
                if zoom:
                    scene.renderer.camera.zoom_at(1)
                    frames(app, 2)
                _labels_clear(scene)
        finally:
            text.set_language("en")


def test_the_tutorial_outline_is_drawn_under_the_zone_names(app):
    from game.ui.play_tutorial import TARGET_COLOUR

    scene = start(app)
    _window(app, (1024, 600), 1.0)
    scene.tutorial.index = 2  # "click the well path (outlined in blue)"
    frames(app, 2)
    assert _target_pixels(app, scene) > 0
    for rect, name in scene.renderer.label_rects:
        inside = [(x, y) for x in range(rect.x, rect.right) for y in range(rect.y, rect.bottom)
                  if tuple(app.screen.get_at((x, y)))[:3] == TARGET_COLOUR]
        assert not inside, (name, len(inside))
