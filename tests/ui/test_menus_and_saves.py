"""Menu, briefing, pause, settings, saved games and the player's files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.atomic import write_atomic
from game.store.progress import Progress
from game.store.saves import latest_save, read_save, save_path
from game.store.settings import Settings
from game.ui.scene_briefing import BriefingScene
from game.ui.scene_menu import MenuScene
from game.ui.scene_play import PlayScene

from ui_events import button, frames, key

ROOT = Path(__file__).resolve().parents[2]


def test_menu_lists_the_campaign_with_locks_and_opens_the_briefing(app):
    app.push(MenuScene(app))
    frames(app, 2)
    menu = app.scene
    ids = [lv.id for lv in menu.levels]
    assert ids[:2] == ["first_steps", "cancel_or_clear"] and "the_sector" in ids
    assert menu.unlocked(0) and not menu.unlocked(1)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert app.scene is menu and "Finish" in menu.note  # locked
    key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, BriefingScene)
    frames(app, 1)
    # the briefing shows the level's risk-education tip box (orange border) and the map preview
    assert app.scene.play.link.level.tips
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, PlayScene)


def test_progress_unlocks_the_next_level(app):
    app.progress.record("first_steps", "C")
    app.progress.save()
    again = Progress.load()
    assert again.best_grades == {"first_steps": "C"}
    assert again.unlocked(["first_steps", "cancel_or_clear"], 1)
    assert not again.record("first_steps", "D") and again.record("first_steps", "A")


def test_save_and_quit_then_continue_resumes_exactly(app):
    play = PlayScene.start(app, ROOT / "levels" / "01_first_steps.yaml")
    app.reset_to(MenuScene(app))
    app.push(play)
    frames(app)
    key(app, pygame.K_n)
    play.set_draft_area("north_pasture")
    key(app, pygame.K_RETURN)
    play.set_speed(8)
    frames(app, 50)
    day, status = play.link.day, play.link.view.status.copy()
    play.paused = True
    key(app, pygame.K_ESCAPE)  # pause menu
    key(app, pygame.K_s)  # save and quit
    assert isinstance(app.scene, MenuScene)
    saved = read_save("first_steps")
    assert saved is not None and saved.day == day and type(saved.commands[0].command).__name__ == "Survey"
    assert latest_save() == saved
    data = json.loads(save_path("first_steps").read_text())
    assert data["level"]["id"] == "first_steps" and data["seed"] == play.link.seed and "end" not in data
    app.scene.saved = saved
    key(app, pygame.K_c)  # continue
    resumed = app.scene
    assert isinstance(resumed, PlayScene) and resumed is not play
    assert resumed.link.day == day
    assert (resumed.link.view.status == status).all()
    assert [c.to_json() for c in resumed.link.session.record().commands] == [c.to_json() for c in saved.commands]


def test_broken_files_fall_back_to_defaults_and_are_kept_aside(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text("{not json")
    (data_dir / "progress.json").write_bytes(b"\xff\xfe\x00garbage")
    (data_dir / "saved_game.json").write_text(json.dumps({"format": 1, "level": 3}))
    assert Settings.load().ui_scale == 1.0
    assert Progress.load().best_grades == {}
    assert latest_save() is None
    assert (data_dir / "progress.json.corrupt").read_bytes() == b"\xff\xfe\x00garbage"
    assert sorted(p.name for p in data_dir.iterdir()) == [".lock",
        "progress.json.corrupt", "saved_game.json.corrupt", "settings.json.corrupt"]


def test_atomic_write_keeps_the_old_file_when_the_disk_fails(data_dir, monkeypatch):
    path = data_dir / "progress.json"
    write_atomic(path, '{"version": 1, "best_grades": {"first_steps": "B"}}')

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", full_disk)
        with pytest.raises(OSError):
            write_atomic(path, "{}")
    assert Progress.load().best_grades == {"first_steps": "B"}
    assert [p.name for p in data_dir.iterdir() if p.name != ".lock"] == ["progress.json"]  # no temporary file left


def test_settings_change_the_ui_scale(app):
    from game.ui.scene_settings import SettingsScene

    app.push(MenuScene(app))
    app.push(SettingsScene(app))
    frames(app)
    key(app, pygame.K_3)
    assert app.theme.scale == 2.0
    frames(app)
    assert Settings.load().ui_scale == 2.0
    two = button(app.scene, "2x")
    assert two.rect.h >= 60  # laid out at twice the size


def test_headless_command_line_runs_and_quits_by_itself(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", MINERISK_DATA_DIR=str(tmp_path),
               PYTHONPATH=str(ROOT))
    shot = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "game", "play", "first_steps", "--autoplay", "land_release",
                           "--frames", "20", "--screenshot", str(shot)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)
    env["MINERISK_QUIT_AFTER_FRAMES"] = "5"
    done = subprocess.run([sys.executable, "-m", "game"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_game_saved_resumed_and_finished_in_the_window_verifies(app):
    """One record format through save, resume, end and verify (issue 8): the run record a game saved
    mid-way, resumed and finished in the real window replays to the result the debrief showed."""
    from game.run.record import read_record
    from game.run.verify import verify

    play = PlayScene.start(app, ROOT / "levels" / "01_first_steps.yaml", fresh_seed=True)
    app.reset_to(MenuScene(app))
    app.push(play)
    frames(app)
    key(app, pygame.K_n)
    play.set_draft_area("well_path")
    key(app, pygame.K_RETURN)
    play.set_speed(8)
    frames(app, 30)
    play.paused = True
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_s)  # save and quit
    saved = read_save("first_steps")
    assert saved is not None and saved.end is None
    app.scene.saved = saved
    key(app, pygame.K_c)  # continue
    resumed = app.scene
    assert isinstance(resumed, PlayScene) and resumed.link.session.run_id == saved.run_id
    key(app, pygame.K_END)
    key(app, pygame.K_END)  # end the level now
    frames(app, 5)
    record = resumed.link.session.record()
    assert record.finished and record.run_id == saved.run_id
    path = Path(os.environ["MINERISK_DATA_DIR"]) / "check.json"
    write_atomic(path, record.to_json())
    read, problems = read_record(path)
    assert not problems
    verdict = verify(read)
    assert verdict.ok, verdict.message
    assert verdict.card.grade == record.end.score["grade"]
    assert read_save("first_steps") is None  # the finished run removed its own save
