"""The saved game keeps up with play, so a student cannot go back to an old save after seeing where items
were found or went off (the hidden ordnance of an attempt is fixed by its seed): it is written after every
accepted order, whenever time stops, and every AUTOSAVE_DAYS days; leaving the level mid-way is giving up the
attempt, which deletes its save."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.store.saves import read_save
from game.ui.scene_menu import MenuScene
from game.ui.scene_pause import PauseScene
from game.ui.scene_play import AUTOSAVE_DAYS, PlayScene

from ui_events import frames, key

ROOT = Path(__file__).resolve().parents[2]


def _playing(app) -> PlayScene:
    play = PlayScene.start(app, ROOT / "levels" / "03_technical_survey.yaml")
    app.reset_to(MenuScene(app))
    app.push(play)
    frames(app)
    return play


def _survey_order(app, play: PlayScene) -> None:
    key(app, pygame.K_n)  # non-technical survey
    play.set_draft_area(play.zone_objects[0].name if play.zone_objects[0].kind == "suspected_area" else
                        next(o.name for o in play.zone_objects if o.kind == "suspected_area"))
    key(app, pygame.K_RETURN)


def test_an_order_saves_at_once_and_running_time_saves_every_few_weeks(app):
    play = _playing(app)
    assert read_save(play.link.level.id) is None  # nothing to keep before the first order
    _survey_order(app, play)
    saved = read_save(play.link.level.id)
    assert saved is not None and saved.day == 1 and len(saved.commands) == 1
    app.settings.auto_pause = False  # time runs on through every alert
    play.set_speed(8)
    for _ in range(4000):
        frames(app)
        if play.link.day >= 2 * AUTOSAVE_DAYS + 3 or play.link.ended:
            break
    saved = read_save(play.link.level.id)
    assert saved is not None and play.link.day - saved.day <= AUTOSAVE_DAYS, (play.link.day, saved.day)
    assert saved.day >= AUTOSAVE_DAYS  # it followed play, not stuck on day 1


def test_when_an_alert_stops_time_the_game_is_saved_as_it_stands(app):
    play = _playing(app)
    _survey_order(app, play)
    app.settings.auto_pause = True
    play.set_speed(8)
    for _ in range(3000):
        frames(app)
        if play.paused_by_alert:
            break
    assert play.paused_by_alert, "no alert stopped time"
    frames(app)  # the save waits for a frame without a simulated day
    saved = read_save(play.link.level.id)
    assert saved.day == play.link.day  # what the alert told is in the save: going back cannot undo it


def test_leaving_mid_level_gives_up_the_attempt_and_its_save(app):
    play = _playing(app)
    _survey_order(app, play)
    assert read_save(play.link.level.id) is not None
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, PauseScene)
    frames(app)
    labels = [b.label for b in app.scene.bar.buttons]
    assert "Give up this attempt" in labels and not any("without saving" in b.tooltip for b in app.scene.bar.buttons)
    key(app, pygame.K_q)  # the first press only warns
    assert isinstance(app.scene, PauseScene) and "new places" in app.scene.note
    assert read_save(play.link.level.id) is not None
    key(app, pygame.K_q)
    assert isinstance(app.scene, MenuScene)
    assert read_save(play.link.level.id) is None
