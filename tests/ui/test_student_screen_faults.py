"""Faults a student saw on the play screen and the debrief, driven by real events and read from real pixels:
the truth map's markers at its edge, zooming (the point under the pointer stays, no blank strip), the top bar
at 1024x600, stale alerts at 8x, and what an F's points say."""

from __future__ import annotations

import pygame

from game.run.levels import resolve_level
from game.sim import EndLevel
from game.ui import theme as th
from game.ui.map_markers import team_positions, team_radius

from ui_events import frames, key


def _window(app, size, scale=1.0) -> None:
    app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    app.settings.ui_scale = scale
    app.fit_theme()


def _play(app, level: str):
    scene = app.make("play", path=resolve_level(level))
    scene.tutorial = None
    app.scenes = [scene]
    frames(app, 2)
    return scene


def _debrief_of(app, level: str, days: int, player: str = "land_release"):
    play = app.make("play", path=resolve_level(level))
    policy = play.link.policy(player)
    for _ in range(days):
        for cmd in policy.decide(play.link.view):
            play.submit(cmd)
        play.step_day()
    play.submit(EndLevel(day=play.link.day))
    debrief = app.make("debrief", play=play)
    app.scenes = [debrief]
    frames(app, 2)
    return debrief


def _wheel(app, pos, steps: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=steps, flipped=False, precise_x=0.0,
                                         precise_y=float(steps)))
    frames(app)


def _blank_columns(app, vp: pygame.Rect) -> int:
    """How many pixels inside the map's view show the window's background (no map there)."""
    import numpy as np

    pixels = pygame.surfarray.array3d(app.screen.subsurface(vp))
    return int(np.count_nonzero((pixels == np.array(th.BG, dtype=pixels.dtype)).all(axis=2)))


# ------------------------------------------------------------------ 3. markers at the truth map's edge


def test_team_markers_at_the_truth_maps_edge_stay_whole_inside_its_frame(app):
    _window(app, (1024, 600), 1.5)  # the sector does not fit this frame: the student scrolls over it
    debrief = _debrief_of(app, "the_sector", 40)
    cam = debrief.renderer.camera
    r = team_radius(debrief.theme)
    seen, read = set(), 0
    for k in [pygame.K_LEFT] * 3 + [pygame.K_w] * 3 + [pygame.K_RIGHT] * 8 + [pygame.K_s] * 8 + [pygame.K_LEFT] * 8:
        key(app, k)
        vp = cam.viewport
        placed = team_positions(debrief.renderer, debrief.link, debrief.theme)
        for team, _n, (cx, cy) in placed:
            if not vp.collidepoint(debrief.renderer.centre(debrief.link.team_cell(team))):
                continue  # its place is scrolled out of view
            disc = pygame.Rect(cx - r, cy - r, 2 * r + 1, 2 * r + 1)
            assert vp.contains(disc), (team.name, disc, vp)
            seen.add(team.name)
            covers = [rect for rect, _name in debrief.renderer.label_rects] + [debrief.renderer.minimap.rect]
            covers += [pygame.Rect(x - r, y - r, 2 * r + 1, 2 * r + 1) for t, _m, (x, y) in placed if t is not team]
            if any(disc.colliderect(c) for c in covers):
                continue  # a name, the overview map or another team is drawn over it: no pixels to read
            # the disc's dark outline is on screen at its left and right edges: not cut by the frame
            for x in (cx - r + 1, cx + r - 1):
                assert max(app.screen.get_at((x, cy))[:3]) < 60, (team.name, x, app.screen.get_at((x, cy)))
            read += 1
    assert len(seen) >= 5 and read >= 3, (seen, read)


# ------------------------------------------------------------------ 4. zoom


def test_zooming_a_map_smaller_than_the_view_keeps_the_point_under_the_pointer(app):
    _window(app, (1280, 720))
    scene = _play(app, "first_steps")  # 40 x 30 cells: smaller than the view at the first zooms
    cam = scene.renderer.camera
    vp = cam.viewport
    while cam.zoom_index > 2:  # zoomed out: the map is small in the middle of the view
        _wheel(app, vp.center, -1)
    z = cam.zooms[cam.zoom_index + 1]
    assert cam.width * z < vp.w and cam.height * z < vp.h  # one step in, the map is still smaller than the view
    pos = (vp.centerx - cam.width * cam.cell_px // 3, vp.centery - cam.height * cam.cell_px // 4)
    cell = cam.screen_to_cellf(pos)
    assert 0 < cell[0] < cam.width and 0 < cell[1] < cam.height
    _wheel(app, pos, 1)
    after = cam.screen_to_cellf(pos)
    assert abs(after[0] - cell[0]) < 0.1 and abs(after[1] - cell[1]) < 0.1, (cell, after)  # no jump to the centre
    _wheel(app, pos, -1)
    back = cam.screen_to_cellf(pos)
    assert abs(back[0] - cell[0]) < 0.1 and abs(back[1] - cell[1]) < 0.1, (cell, back)


def test_zooming_a_large_map_never_shows_a_blank_strip_and_keeps_the_point_under_the_pointer(app):
    _window(app, (1024, 600))
    scene = _play(app, "the_sector")
    cam = scene.renderer.camera
    vp = cam.viewport
    corners = [(vp.x + 4, vp.y + 4), (vp.right - 5, vp.bottom - 5)]  # where a blank strip would show first
    for pos in corners:
        for steps in (1, 1, 1, -1, 1, -1, -1, -1):
            before = cam.screen_to_cellf(pos)
            _wheel(app, pos, steps)
            z = cam.cell_px
            if cam.width * z > vp.w and cam.height * z > vp.h:  # the map is larger than the view both ways
                assert _blank_columns(app, vp) == 0, (pos, z, cam.x, cam.y)
                assert -1e-6 <= cam.x <= cam.width * z - vp.w and -1e-6 <= cam.y <= cam.height * z - vp.h
                after = cam.screen_to_cellf(pos)
                if abs(after[0] - before[0]) > 0.1 or abs(after[1] - before[1]) > 0.1:  # moved: only at an edge
                    assert cam.x in (0, cam.width * z - vp.w) or cam.y in (0, cam.height * z - vp.h)


# ------------------------------------------------------------------ 1. an F's points


def test_an_f_below_zero_says_what_was_earned_what_was_lost_for_which_mistakes_never_a_bare_negative(app):
    import re

    from game.text.formats import number
    from game.ui.widgets import probing

    _window(app, (1280, 720))
    debrief = _debrief_of(app, "cancel_or_clear", 30, "reckless")
    card = debrief.card
    assert card.grade == "F" and card.total < 0  # the reckless player cancels everything at once
    with probing() as probe:
        frames(app)
    words = [t for layer in probe.layers for t, _rect in layer["texts"]]
    text = " ".join(words)
    assert not re.search(r"[-−]\s?\d", text), [w for w in words if re.search(r"[-−]\s?\d", w)]
    assert "below zero: the mistakes cost more points than the run earned" in text, words
    assert "Lost " in text and " points for mistakes: " in text and "land released without evidence" in text
    assert "Earned " in text and " of 10,000 possible points" in text
    lost = sum(-v for v in card.points.values() if v < 0)
    assert f"Lost {number(lost)} points" in text
    assert f"{number(-card.total)} points below zero" in text


def test_points_lost_beside_a_positive_total_are_explained_without_minus_signs(app):
    import re

    _window(app, (1280, 720))
    debrief = _debrief_of(app, "first_steps", 25)
    assert debrief.card.total > 0 and any(v < 0 for v in debrief.card.points.values())
    from game.ui.widgets import probing

    with probing() as probe:
        frames(app)
    words = [t for layer in probe.layers for t, _rect in layer["texts"]]
    assert not [w for w in words if re.search(r"[-−]\s?\d", w)], words
    earned = debrief.points_explained()[0][0]
    assert earned.startswith("Earned ") and "without evidence" not in earned  # a penalty of nothing is not earned
    assert any(w.startswith("Lost ") and "for mistakes" in w for w in words), words


# ------------------------------------------------------------------ 2. the top bar's rows


def _bar_rows(app, scene) -> list[list[str]]:
    """The top bar's items as drawn (texts left of the speed buttons, or under them), grouped by row."""
    from game.ui.widgets import probing

    with probing() as probe:
        frames(app)
    buttons = {b.label for b in scene.bar.buttons}
    rows: dict[int, list[str]] = {}
    for layer in probe.layers:
        for text, rect in layer["texts"]:
            if scene.top_rect.contains(rect) and text not in buttons:
                rows.setdefault(rect.centery // 4, []).append(text)
    return [rows[k] for k in sorted(rows)]


def test_the_top_bar_spreads_its_items_evenly_over_its_rows(app):
    for size, scale in (((1024, 600), 1.0), ((1280, 720), 1.5), ((1920, 1080), 2.0)):
        _window(app, size, scale)
        scene = _play(app, "cancel_or_clear")
        rows = _bar_rows(app, scene)
        assert sum(len(r) for r in rows) == 7, rows  # day, money, a day, how long it lasts, released, finds, hurt
        if len(rows) > 1:  # wrapped: no item alone on a row ("Casualties 0" under six others)
            counts = [len(r) for r in rows]
            assert max(counts) - min(counts) <= 1, (size, scale, rows)
        scene.link.close()


# ------------------------------------------------------------------ 5. alerts are about now


def _running_with_alerts(app):
    """cancel_or_clear with "Alerts stop time" off, its survey team sent to the first zone, time at 8x."""
    app.settings.auto_pause = False
    scene = _play(app, "cancel_or_clear")
    key(app, pygame.K_n)  # survey ...
    key(app, pygame.K_z)  # ... the first zone ...
    key(app, pygame.K_RETURN)  # ... sent
    assert scene.link.view.team("nts-1").task_kind == "survey"
    key(app, pygame.K_SPACE)
    for _ in range(3):
        key(app, pygame.K_PERIOD)
    assert scene.speed == 8 and not scene.paused
    return scene


def _banner_words(app) -> list[str]:
    from game.ui.widgets import probing

    with probing() as probe:
        frames(app)
    return [t for layer in probe.layers for t, _rect in layer["texts"]]


def test_an_alert_from_an_earlier_day_says_how_long_ago_it_was(app):
    scene = _running_with_alerts(app)
    checked = 0
    for _ in range(240):  # about 30 days at 8x
        words = _banner_words(app)
        today = scene.link.view.day
        for a in scene.alerts:
            lines = [w for w in words if w.startswith(f"Day {a.day}:") or w.startswith(f"Day {a.day},")]
            assert lines, (a, words)
            if a.day < today:  # read on day 60, a line about day 36 says it was 24 days ago
                ago = today - a.day
                assert any(w.startswith(f"Day {a.day}, {ago} day") and " ago:" in w for w in lines), (today, lines)
                checked += 1
    assert checked >= 10


def test_an_idle_team_alert_leaves_the_banner_once_the_team_has_work_again(app):
    scene = _running_with_alerts(app)
    for _ in range(600):
        frames(app)
        if any(a.code == "team_idle" and a.params.get("team") == "nts-1" for a in scene.alerts):
            break
    else:
        raise AssertionError("the survey team never fell idle")
    key(app, pygame.K_SPACE)  # time stands still while the student gives the team its next order
    key(app, pygame.K_1)
    key(app, pygame.K_n)
    key(app, pygame.K_z)
    key(app, pygame.K_z)  # the next zone
    key(app, pygame.K_RETURN)
    assert scene.link.view.team("nts-1").task_kind == "survey"
    assert not any(a.code == "team_idle" and a.params.get("team") == "nts-1" for a in scene.alerts)
    words = " ".join(_banner_words(app))
    assert "Survey team 1 has no task" not in words, words
