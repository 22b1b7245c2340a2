"""The classroom in the window: name and class in Settings, the check-in quiz before the first level and after
the campaign, every finished level kept with the student's name, Hand in results to a stick. Real pygame events
on the dummy driver."""

from __future__ import annotations

import sys
from pathlib import Path

import pygame
import pytest

from game.classroom import checkin, places
from game.classroom.checkin import Attempt, add_attempt, load_attempts
from game.classroom.handin import read_results_file
from game.classroom.results import keep_result, kept_results
from game.classroom.student import load_student, save_student
from game.store import notice_board
from game.store.folders import data_dir
from game.ui.app import App
from game.ui.scene_briefing import BriefingScene
from game.ui.scene_checkin import CheckinScene
from game.ui.scene_debrief import DebriefScene
from game.ui.scene_handin import HandInScene
from game.ui.scene_menu import MenuScene
from game.ui.scene_play import PlayScene, resolve_level
from game.ui.scene_settings import SettingsScene
from game.ui.scene_student import StudentScene

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from ui_events import button, frames, key  # noqa: E402


@pytest.fixture
def app(monkeypatch):
    monkeypatch.delenv("MINERISK_QUIT_AFTER_FRAMES", raising=False)
    notice_board.forget()
    checkin._offered.clear()  # each test is a new start of the game
    a = App(size=(1280, 720), max_frames=None, fixed_step=True)
    yield a
    for s in a.scenes:
        close = getattr(s, "close", None)
        if close:
            close()
    pygame.quit()


def type_text(app, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    frames(app)


def test_name_and_class_are_typed_in_settings(app):
    app.push(MenuScene(app))
    frames(app, 2)
    key(app, pygame.K_o)
    assert isinstance(app.scene, SettingsScene)
    frames(app)
    assert button(app.scene, "Name and class: not entered")
    key(app, pygame.K_n)
    assert isinstance(app.scene, StudentScene)
    type_text(app, "Amina Okafor")
    key(app, pygame.K_BACKSPACE)
    type_text(app, "r")
    key(app, pygame.K_RETURN)  # on to the class code
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, StudentScene) and "class code" in app.scene.problem  # not typed yet
    type_text(app, "7B")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SettingsScene)
    frames(app, 2)
    assert button(app.scene, "Name and class: Amina Okafor, 7B")
    assert load_student().player() == {"name": "Amina Okafor", "class_code": "7B"}


def test_checkin_before_the_first_level_then_the_briefing(app):
    save_student("Amina", "7B")
    app.push(MenuScene(app))
    frames(app, 2)
    key(app, pygame.K_RETURN)  # play the first level
    quiz = app.scene
    assert isinstance(quiz, CheckinScene) and quiz.run.stage == "before"
    frames(app)
    key(app, pygame.K_RETURN)  # Start
    for i in range(len(quiz.run.items)):
        key(app, pygame.K_0 if i % 3 == 0 else pygame.K_1)
    assert quiz.run.finished and quiz.kept == ""
    frames(app)
    key(app, pygame.K_RETURN)  # Continue: on to the level the student chose
    assert isinstance(app.scene, BriefingScene)
    kept = load_attempts()
    assert [a.stage for a in kept] == ["before"] and kept[0].player == {"name": "Amina", "class_code": "7B"}
    assert sum(a is None for a in kept[0].answers.values()) == 4  # "I don't know" kept as such


def test_later_skips_the_quiz_and_it_is_not_asked_again_in_this_start(app):
    save_student("Amina", "7B")
    app.push(MenuScene(app))
    frames(app, 2)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, CheckinScene)
    key(app, pygame.K_ESCAPE)  # Later
    assert isinstance(app.scene, BriefingScene)
    app.reset_to(MenuScene(app))
    frames(app, 2)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, BriefingScene) and load_attempts() == []


def test_no_quiz_without_a_name(app):
    app.push(MenuScene(app))
    frames(app, 2)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, BriefingScene)


def test_after_the_campaign_the_menu_offers_the_quiz_again(app):
    save_student("Amina", "7B")
    add_attempt(Attempt("before", "2026-12-01T09:00:00+00:00", "checkin-1", {"touch": "carry"},
                        {"name": "Amina", "class_code": "7B"}))
    menu = MenuScene(app)
    for level_id in menu.ids:
        app.progress.record(level_id, "B")
    app.push(menu)
    frames(app, 2)
    quiz = app.scene
    assert isinstance(quiz, CheckinScene) and quiz.run.stage == "after"
    key(app, pygame.K_RETURN)
    for _ in quiz.run.items:
        question, shown = quiz.run.current
        key(app, pygame.K_1 + [a.id for a in shown].index(question.right))
    assert quiz.run.result() == (10, 10) and quiz.before_score() == (0, 1)
    key(app, pygame.K_RETURN)
    assert app.scene is menu
    frames(app, 3)
    assert app.scene is menu  # offered once


def test_a_finished_level_is_kept_with_the_name_and_handed_in_to_a_stick(app, tmp_path, monkeypatch):
    save_student("Amina", "7B")
    stick = tmp_path / "STICK"
    stick.mkdir()
    monkeypatch.setattr(places, "removable_folders", lambda **_: [stick])
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.reset_to(MenuScene(app))
    app.push(scene)
    frames(app, 2)
    key(app, pygame.K_END)
    key(app, pygame.K_END)
    frames(app, 2)
    while not isinstance(app.scene, DebriefScene):  # the tutorial level's quiz comes first
        key(app, pygame.K_ESCAPE)
    assert app.scene.save_problem == ""
    records, problems = kept_results()
    assert not problems and len(records) == 1
    assert records[0].player == {"name": "Amina", "class_code": "7B"} and records[0].finished
    app.go("menu", how="reset")
    frames(app, 2)
    key(app, pygame.K_h)
    hand = app.scene
    assert isinstance(hand, HandInScene)
    frames(app)
    assert hand.places[0].path == stick and hand.places[0].removable
    key(app, pygame.K_RETURN)  # Hand in
    written = list(stick.iterdir())
    assert len(written) == 1 and written[0].name.startswith("MineRisk-7B-Amina-")
    assert hand.result[0].startswith("Handed in: 1 finished level. Written to STICK as MineRisk-7B-Amina-")
    read = read_results_file(written[0])
    assert read.ok and [p.record.run_id for p in read.pieces] == [records[0].run_id]
    key(app, pygame.K_RETURN)  # nothing new now: said in words
    assert "nothing new to hand in" in hand.result[0].lower()
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)


def test_hand_in_without_a_name_asks_for_it(app, tmp_path, monkeypatch):
    monkeypatch.setattr(places, "removable_folders", lambda **_: [])
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    app.push(MenuScene(app))
    frames(app, 2)
    key(app, pygame.K_h)
    frames(app)
    hand = app.scene
    assert not button(hand, "Hand in").enabled
    assert [p.label for p in hand.places] == ["Home folder"]
    key(app, pygame.K_n)
    assert isinstance(app.scene, StudentScene)
    type_text(app, "Ben")
    key(app, pygame.K_TAB)
    type_text(app, "7B")
    key(app, pygame.K_RETURN)
    frames(app, 2)
    assert app.scene is hand and hand.student.name == "Ben"
    assert button(hand, "Hand in").enabled
    assert button(hand, "Check-in quiz")


def test_a_scripted_players_run_is_a_demonstration_never_kept_or_counted(app):
    """`minerisk play LEVEL --autoplay NAME`: the record names the player; no result, no progress, no hand-in."""
    save_student("Amina", "7B")
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"), autoplay="land_release")
    assert scene.link.session.record().policy == "land_release"
    app.reset_to(MenuScene(app))
    app.push(scene)
    frames(app, 2)
    key(app, pygame.K_END)
    key(app, pygame.K_END)
    frames(app, 2)
    debrief = app.scene
    assert isinstance(debrief, DebriefScene) and debrief.demo
    assert debrief._grade_note() == "the grade of the scripted player's run (not recorded)"
    assert kept_results() == ([], []) and not (data_dir() / "results").exists()
    assert "cancel_or_clear" not in app.progress.best_grades
    assert keep_result(scene.link.session.record()) is None  # kept by no other path either
