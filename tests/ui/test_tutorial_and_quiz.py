"""The guided tutorial of the first level and the quiz after it, played with real pygame events."""

from __future__ import annotations

import numpy as np
import pygame

from game import content
from game.ui.play_tutorial import PROMPT_BG
from game.ui.scene_debrief import DebriefScene
from game.ui.scene_play import PlayScene, resolve_level
from game.ui.scene_quiz import QuizScene

from ui_events import button, click, drag, frames, key


def start(app) -> PlayScene:
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    frames(app, 2)
    return scene


def zone_cell(scene, name: str) -> tuple[int, int]:
    """The cell of a zone nearest its centre."""
    obj = scene.link.scenario.map.object_named(name)
    ys, xs = np.nonzero(obj.mask)
    cx, cy = obj.centre_cell
    i = int(np.argmin((xs - cx) ** 2 + (ys - cy) ** 2))
    return int(xs[i]), int(ys[i])


def cell_pos(scene, cell) -> tuple[int, int]:
    return scene.renderer.camera.cell_rect(*cell).center


def run_until(app, scene, done, limit: int = 2000) -> None:
    for _ in range(limit):
        if done():
            return
        frames(app)
    raise AssertionError("the game did not get there in time")


def play_until(app, scene, done, limit: int = 3000) -> None:
    """Let time run, pressing Space whenever it stops (an alert, a new prompt), until ``done()``."""
    for _ in range(limit):
        if done():
            return
        assert not scene.link.ended, "the level ended first"
        if scene.paused:
            key(app, pygame.K_SPACE)
        frames(app)
    raise AssertionError("the game did not get there in time")


def news(link, code: str, area: str) -> bool:
    """Whether the news has told that a task of this kind finished on this area."""
    return any(e.code == code and e.params.get("area") == area for e in link.view.events)


def order_on_zone(app, scene, action_key: int, zone: str) -> None:
    """An action by its key, a click on the zone, Enter."""
    key(app, action_key)
    click(app, cell_pos(scene, zone_cell(scene, zone)))
    assert scene.draft is not None and scene.draft.area == zone
    key(app, pygame.K_RETURN)


def test_the_tutorial_plays_through_with_real_events(app):
    scene = start(app)
    tut, link = scene.tutorial, scene.link
    assert tut is not None and len(tut.steps) >= 9
    # the prompt has its own band above the map, and time stands still until Space
    assert scene.prompt_rect.h > 0 and scene.renderer.camera.viewport.top >= scene.prompt_rect.bottom
    assert tuple(app.screen.get_at((scene.prompt_rect.x + 3, scene.prompt_rect.y + 3)))[:3] == PROMPT_BG
    frames(app, 120)
    assert link.day == 1 and scene.paused
    # 1. continue: only the Next button (or Enter) goes on
    assert tut.step.wait_for == "continue"
    click(app, button(scene, "Next").rect.center)
    assert tut.index == 1 and tut.step.wait_for == "select_team"
    # 2. select the survey team: the wrong team does not count, a click on its marker does
    key(app, pygame.K_2)
    assert tut.index == 1
    with_markers = [b for b in scene.bar.buttons if b.label == "Next"]
    assert not with_markers  # no Next button on a step that waits for an action
    from game.ui.map_markers import team_positions

    nts = next(c for t, _n, c in team_positions(scene.renderer, link, scene.theme) if t.name == "nts-1")
    click(app, nts)
    assert scene.selected == "nts-1" and tut.index == 2
    # 3. survey the well path (key, click on the zone, Enter)
    order_on_zone(app, scene, pygame.K_n, "well_path")
    assert link.accepted[-1] == {"type": "Survey", "day": 1, "team": "nts-1", "area": "well_path"}
    assert tut.index == 3 and tut.step.wait_for == "task_done"
    # 4. time runs only once the student presses Space; the survey's end moves the tutorial on
    key(app, pygame.K_SPACE)
    run_until(app, scene, lambda: tut.index == 4)
    assert scene.paused  # a new prompt to act on stops time
    # 5. confirm the well path as a hazardous area
    order_on_zone(app, scene, pygame.K_f, "well_path")
    assert link.accepted[-1]["type"] == "Confirm" and tut.index == 5
    # 6. mark it, this time with a dragged rectangle over the zone
    key(app, pygame.K_k)
    obj = link.scenario.map.object_named("well_path")
    ys, xs = np.nonzero(obj.mask)
    drag(app, cell_pos(scene, (int(xs.min()), int(ys.min()))), cell_pos(scene, (int(xs.max()), int(ys.max()))))
    assert isinstance(scene.draft.area, tuple)
    key(app, pygame.K_RETURN)
    assert link.accepted[-1]["type"] == "Mark" and tut.index == 6
    # 7. hire a risk-education team (H, then its number in the hire list): the new team is selected
    key(app, pygame.K_h)
    key(app, pygame.K_1)
    assert link.accepted[-1]["type"] == "Hire" and scene.selected == "eore-1" and tut.index == 7
    # 8. educate Lindenholm: E, a click on the village, Enter
    key(app, pygame.K_e)
    click(app, cell_pos(scene, link.scenario.map.object_named("lindenholm").centre_cell))
    assert scene.draft is not None and scene.draft.area == "lindenholm"
    key(app, pygame.K_RETURN)
    assert link.accepted[-1]["type"] == "Educate" and tut.index == 8
    # 9. survey the north pasture with the survey team
    key(app, pygame.K_1)
    order_on_zone(app, scene, pygame.K_n, "north_pasture")
    assert link.accepted[-1]["type"] == "Survey" and tut.index == 9
    # 10. let the survey finish, then cancel the land that has no evidence
    key(app, pygame.K_SPACE)
    run_until(app, scene, lambda: news(link, "survey_done", "north_pasture"))
    key(app, pygame.K_SPACE)
    order_on_zone(app, scene, pygame.K_x, "north_pasture")
    assert link.accepted[-1]["type"] == "Cancel" and tut.index == 10
    assert (link.view.status[obj.mask] == 2).all()  # the well path is confirmed
    # 11. clear the confirmed well path with the clearance team
    key(app, pygame.K_2)
    order_on_zone(app, scene, pygame.K_c, "well_path")
    assert link.accepted[-1] == {"type": "Clear", "day": link.day, "team": "manual-1", "area": "well_path"}
    # 12-14. survey, confirm and mark the orchard edge (the farmer's report is in since day 2)
    key(app, pygame.K_1)
    order_on_zone(app, scene, pygame.K_n, "orchard_edge")
    order_on_zone(app, scene, pygame.K_f, "orchard_edge")
    order_on_zone(app, scene, pygame.K_k, "orchard_edge")
    assert [o["type"] for o in link.accepted][-3:] == ["Survey", "Confirm", "Mark"] and tut.index == 14
    for _ in range(3):  # the , and . keys change the speed: the fastest for the weeks to come
        key(app, pygame.K_PERIOD)
    # 15-16. stand down the risk-education team (3) and the survey team (1) once the news says they are done
    play_until(app, scene, lambda: news(link, "education_done", "lindenholm"))
    key(app, pygame.K_3)
    key(app, pygame.K_DELETE)
    key(app, pygame.K_RETURN)
    assert link.accepted[-1]["type"] == "StandDown" and link.accepted[-1]["team"] == "eore-1" and tut.index == 15
    play_until(app, scene, lambda: news(link, "survey_done", "orchard_edge"))
    key(app, pygame.K_1)
    key(app, pygame.K_DELETE)
    key(app, pygame.K_RETURN)
    assert link.accepted[-1]["team"] == "nts-1" and tut.index == 16
    assert [t.name for t in link.teams()] == ["manual-1"]  # the clearance team is number 1 now
    # 17-18. once the well path is cleared: quality assurance there, and the clearance team to the orchard edge
    play_until(app, scene, lambda: news(link, "clearance_done", "well_path"))
    assert link.day <= link.level.objectives[0].by_day  # the well path is safe by day 20, as the objective asks
    order_on_zone(app, scene, pygame.K_q, "well_path")
    key(app, pygame.K_1)
    order_on_zone(app, scene, pygame.K_c, "orchard_edge")
    assert [o["type"] for o in link.accepted][-2:] == ["QualityAssurance", "Clear"] and tut.index == 18
    # 19-20. once the orchard edge is cleared: quality assurance there, and the clearance team stood down
    play_until(app, scene, lambda: news(link, "clearance_done", "orchard_edge"))
    order_on_zone(app, scene, pygame.K_q, "orchard_edge")
    key(app, pygame.K_1)
    key(app, pygame.K_DELETE)
    key(app, pygame.K_RETURN)
    assert link.accepted[-1]["type"] == "StandDown" and tut.index == 20 and not link.teams()
    # 21. once the news says that quality assurance is done, End twice; the quiz comes before the debrief
    play_until(app, scene, lambda: news(link, "quality_assurance_done", "orchard_edge"))
    assert not link.ended
    key(app, pygame.K_END)
    key(app, pygame.K_END)
    frames(app, 2)
    assert tut.done
    assert isinstance(app.scene, QuizScene)
    assert [o["type"] for o in link.accepted] == [
        "Survey", "Confirm", "Mark", "Hire", "Educate", "Survey", "Cancel", "Clear", "Survey", "Confirm", "Mark",
        "StandDown", "StandDown", "QualityAssurance", "Clear", "QualityAssurance", "StandDown", "EndLevel"]
    assert "order" in app.sounds.played
    # following the prompts as written earns a good grade, every objective, and no grade cap
    card = link.session.score()
    assert card.grade in ("A", "B") and card.grade_caps == () and all(o.met for o in card.objectives), card


def test_the_quiz_is_answered_with_keys_and_clicks(app):
    scene = start(app)
    key(app, pygame.K_END)
    key(app, pygame.K_END)
    frames(app, 2)
    quiz = app.scene
    assert isinstance(quiz, QuizScene)
    questions = content.quiz()
    assert len(questions) >= 3 and quiz.questions == questions
    for n, q in enumerate(questions):
        assert quiz.index == n and quiz.chosen is None
        right = next(i for i, a in enumerate(q.answers) if a.correct)
        if n == 0:  # the first one wrong, by key
            key(app, pygame.K_1 + (right + 1) % len(q.answers))
        elif n % 2:  # by key
            key(app, pygame.K_1 + right)
        else:  # by a click on the answer
            hit = next(b for b in quiz.bar.buttons if b.hidden and b.key_name == str(right + 1))
            click(app, hit.rect.center)
        assert quiz.chosen is not None  # feedback with the explanation is showing
        key(app, pygame.K_1 + right)  # a second answer does not count
        key(app, pygame.K_RETURN)
    assert quiz.finished and quiz.score == len(questions) - 1
    key(app, pygame.K_RETURN)
    debrief = app.scene
    assert isinstance(debrief, DebriefScene)
    assert scene.quiz_score == (len(questions) - 1, len(questions))
    assert debrief.eore  # risk-education messages matched to the run


def test_a_level_without_tutorial_steps_has_no_prompt_and_no_quiz(app):
    scene = PlayScene.start(app, resolve_level("cancel_or_clear"))
    app.push(scene)
    frames(app, 2)
    assert scene.tutorial is None and scene.prompt_rect.h == 0
    key(app, pygame.K_END)
    key(app, pygame.K_END)
    frames(app, 2)
    assert isinstance(app.scene, DebriefScene)
