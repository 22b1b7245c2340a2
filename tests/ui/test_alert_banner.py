"""The alert banner with "Alerts stop time" off: each new fact shows once, long enough to read, then goes.

Played with real events (keys, frames of the real loop); what the banner
shows is read from the scene each frame and from the texts the frame drew.
"""

from __future__ import annotations

import re

import pygame

from game.ui.alert_banner import READ_MAX_S, READ_MIN_S, alert_key
from game.ui.scene_play import PlayScene, resolve_level
from game.ui.widgets import probing

from ui_events import button, click, frames, key

FRAME_S = 1.0 / 60  # the test loop's fixed step


def _start(app) -> PlayScene:
    """A free level with "Alerts stop time" off, its survey team sent to the first zone, time running."""
    app.settings.auto_pause = False  # the student turned it off in Settings
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"))
    app.push(scene)
    frames(app, 2)
    key(app, pygame.K_n)  # survey ...
    key(app, pygame.K_z)  # ... the first zone ...
    key(app, pygame.K_RETURN)  # ... sent
    assert scene.link.view.team("nts-1").task_kind == "survey"
    key(app, pygame.K_SPACE)  # time runs at 1x: the survey ends, the team falls idle, reports come in
    return scene


def _record(app, scene, n: int, shown: dict, clock: list) -> None:
    """Run ``n`` frames; ``shown[key]`` collects the frame numbers on which each alert was in the banner."""
    for _ in range(n):
        frames(app)
        clock[0] += 1
        assert not scene.paused, "with auto-pause off time never stops by itself"
        for a in scene.alerts:
            shown.setdefault(alert_key(a), []).append(clock[0])


def test_with_auto_pause_off_each_alert_shows_once_long_enough_to_read_and_then_goes(app):
    scene = _start(app)
    shown: dict = {}
    clock = [0]
    _record(app, scene, int(12 / FRAME_S), shown, clock)  # 12 days at 1x: a few alerts, then a quiet spell
    for _ in range(3):
        key(app, pygame.K_PERIOD)  # 8x: days fly by, the alerts must stay as long as at 1x
        clock[0] += 1
    assert scene.speed == 8 and not scene.paused
    _record(app, scene, int(12 / FRAME_S), shown, clock)
    end = clock[0]
    assert len(shown) >= 5 and len({k[1] for k in shown}) >= 4, shown.keys()  # facts of many days
    for k, seen in shown.items():
        assert seen == list(range(seen[0], seen[-1] + 1)), f"{k} left the banner and came back"
        seconds = len(seen) * FRAME_S
        assert seconds <= READ_MAX_S + FRAME_S, f"{k} stayed {seconds:.1f} s: it nags"
        if seen[-1] < end:  # it left the banner on its own: after it could be read, whatever the speed
            assert seconds >= READ_MIN_S - FRAME_S, f"{k} left after {seconds:.2f} s: too quick to read"


def test_a_new_alert_shows_in_words_above_the_ones_not_read_yet_and_a_closed_one_never_comes_back(app):
    scene = _start(app)
    for _ in range(300):
        frames(app)
        if len(scene.alerts) >= 2:
            break
    assert len(scene.alerts) >= 2
    with probing() as probe:
        frames(app)
    words = [t for layer in probe.layers for t, _rect in layer["texts"]]
    days = [int(m.group(1)) for m in (re.match(r"Day (\d+)[,:]", w) for w in words if " of " not in w) if m]
    # ("Day 5: ...", or "Day 5, 1 day ago: ..." for an alert of an earlier day)
    assert len(days) >= 2 and days == sorted(days, reverse=True), words  # newest on top
    closed = {alert_key(a) for a in scene.alerts}
    click(app, button(scene, "Close").rect.center)
    assert not scene.alerts and not scene.paused
    shown: dict = {}
    _record(app, scene, int(READ_MAX_S / FRAME_S), shown, [0])  # new facts may come; the closed ones never
    assert not closed & set(shown), closed & set(shown)
