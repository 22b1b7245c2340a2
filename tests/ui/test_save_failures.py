"""A failed save is never silent: the debrief and the window's close button say why and
offer to retry; the player's files that cannot be used are told about once; finishing a
level never removes another level's saved game. Real pygame events on the dummy driver."""

from __future__ import annotations

import errno
import json
import os

import pygame
import pytest

from game.store.progress import Progress
from game.run.record import RunRecord
from game.store.saves import read_save, save_path, write_save
from game.ui.app import App
from game.ui.scene_debrief import DebriefScene
from game.ui.scene_menu import MenuScene
from game.ui.scene_message import MessageScene
from game.ui.scene_play import PlayScene, resolve_level

from ui_events import button, frames, key


@pytest.fixture
def full_disk():
    """Every write fails as on a full disk, until ``full_disk.undo()``.

    Its own MonkeyPatch: undoing it must not undo the test's data folder.
    """

    def no_space(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", no_space)
        yield patch


def play(app, level="cancel_or_clear") -> PlayScene:
    scene = PlayScene.start(app, resolve_level(level))
    app.reset_to(MenuScene(app))
    app.push(scene)
    frames(app, 2)
    return scene


def give_an_order(app, scene) -> None:
    key(app, pygame.K_n)
    zone = next(o.name for o in scene.zone_objects)
    scene.set_draft_area(zone)
    key(app, pygame.K_RETURN)
    assert scene.link.accepted


def end_level(app, scene) -> DebriefScene:
    key(app, pygame.K_END)
    key(app, pygame.K_END)
    frames(app, 2)
    assert isinstance(app.scene, DebriefScene), getattr(app.scene, "sentences", app.scene)
    return app.scene


def test_the_debrief_says_the_result_was_not_saved_and_retry_saves_it(app, data_dir, full_disk):
    other = RunRecord(level_id="first_steps", level_sha256="ab" * 32, seed=7, day=5)
    full_disk.undo()
    assert write_save(other)
    full_disk.setattr(os, "fsync", lambda *_: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    debrief = end_level(app, play(app))
    assert debrief.save_problem == "the disk is full"
    frames(app)
    retry = button(debrief, "Save again")
    assert not (data_dir / "progress.json").exists()
    key(app, pygame.K_s)  # still full: still said
    assert debrief.save_problem == "the disk is full"
    full_disk.undo()
    key(app, retry.key)
    assert debrief.save_problem == ""
    grade = debrief.card.grade
    assert Progress.load().best_grades == {"cancel_or_clear": grade}
    frames(app)
    assert all(b.label != "Save again" for b in debrief.bar.buttons)
    assert read_save("first_steps") == other  # finishing another level never removes this save


def test_closing_the_window_on_a_failed_save_keeps_the_game_open(app, data_dir, full_disk):
    scene = play(app)
    give_an_order(app, scene)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    assert app.running and isinstance(app.scene, MessageScene)
    assert "could not write it: the disk is full" in " ".join(app.scene.sentences)
    key(app, pygame.K_r)  # retry: still full
    assert app.running and isinstance(app.scene, MessageScene) and len(app.scenes) == 3
    key(app, pygame.K_ESCAPE)  # back to the game: nothing lost
    assert app.running and app.scene is scene
    full_disk.undo()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    assert not app.running
    saved = [c.to_json() for c in read_save("cancel_or_clear").commands]
    assert saved == [c.to_json() for c in scene.link.session.record().commands] and saved


def test_quit_without_saving_is_the_players_choice(app, data_dir, full_disk):
    scene = play(app)
    give_an_order(app, scene)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    key(app, pygame.K_q)
    assert not app.running and not save_path("cancel_or_clear").exists()


def test_an_unsaved_grade_is_saved_when_the_game_closes_or_the_close_says_why(app, data_dir, full_disk):
    debrief = end_level(app, play(app))
    assert debrief.save_problem and app.progress.unsaved
    key(app, pygame.K_m)  # to the menu with the grade unsaved
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    assert app.running and isinstance(app.scene, MessageScene)
    full_disk.undo()
    key(app, pygame.K_r)
    assert not app.running
    assert Progress.load().best_grades == {"cancel_or_clear": debrief.card.grade}


def test_files_set_aside_are_told_once_in_words(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "progress.json").write_text('{"version": 1, "best_grades": {"first_steps": "B"}, "x": ' + "[" * 500)
    (data_dir / "settings.json").write_text(json.dumps({"version": 5, "ui_scale": 1.5}))
    app = App(size=(1280, 720), max_frames=None, fixed_step=True)
    try:
        app.push(MenuScene(app))
        frames(app, 2)
        assert isinstance(app.scene, MessageScene)
        told = " ".join(app.scene.sentences)
        assert "Your progress could not be read (it is damaged)" in told and "progress.json.corrupt" in told
        assert "Your settings were saved by a newer version" in told
        assert "settings.json.newer" in told and app.settings.ui_scale == 1.5
        key(app, pygame.K_RETURN)
        assert isinstance(app.scene, MenuScene)
        frames(app, 3)
        assert isinstance(app.scene, MenuScene)  # once
    finally:
        pygame.quit()


def test_continue_with_a_level_that_cannot_be_found_says_so(app, data_dir):
    stray = RunRecord(level_id="gone_level", level_sha256="ab" * 32, seed=1, day=2)  # no such level
    assert write_save(stray)
    app.push(MenuScene(app))
    frames(app)
    key(app, pygame.K_c)
    assert isinstance(app.scene, MenuScene) and "could not be resumed" in app.scene.note
    assert read_save("gone_level") == stray  # kept: the level may come back
