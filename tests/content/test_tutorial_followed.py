"""The first level's tutorial, followed exactly as its prompts say, ends with a good grade.

A student who does what each prompt asks, and nothing else, must never be graded down for a procedure the
tutorial did not teach (GAME_MODEL: no grade can be high with a skipped procedure, so the tutorial teaches
every procedure the score judges on its level). The run goes through the run core's Session and the
tutorial's state machine (game.run.tutorial), the same two the play screen drives; each prompt's own
words say which team does an order and what news to wait for, and the test checks the words say so.
"""

from __future__ import annotations

import re

import pytest

from game import sim
from game.level import load_level
from game.paths import levels_dir
from game.run.learning import lessons
from game.run.session import Session
from game.run.tutorial import Tutorial

LEVEL = levels_dir() / "01_first_steps.yaml"
#: How a prompt tells the student to select a team: its number in the team list, "(1)", "(press 2, ...",
#: "(number 3)".
SELECT = re.compile(r"\((?:press |number )?(\d)\b")


def _done(code: str, area: str):
    return lambda s: any(e.code == code and e.params.get("area") == area for e in s.view().events)


def _idle(team: str):
    return lambda s: s.view().team(team) is not None and s.view().team(team).task_kind is None


#: Orders a prompt asks for only once the news says something: (order, zone or team) -> (the prompt's words,
#: what the news says). Without an entry, the order is given as soon as its prompt shows.
AFTER_NEWS = {
    ("cancel", "north_pasture"): ("until the north pasture's survey is done", _done("survey_done", "north_pasture")),
    ("stand_down", "nts-1"): ("the survey team has finished the orchard edge", _done("survey_done", "orchard_edge")),
    ("stand_down", "eore-1"): ("sessions in Lindenholm are done", lambda s: any(
        e.code == "education_done" for e in s.view().events)),
    ("quality_assurance", "well_path"): ("the clearance team has finished the well path",
                                         _done("clearance_done", "well_path")),
    ("quality_assurance", "orchard_edge"): ("the clearance team has finished the orchard edge",
                                            _done("clearance_done", "orchard_edge")),
    ("end_level", None): ("the quality assurance of the orchard edge is done",
                          _done("quality_assurance_done", "orchard_edge")),
}


def _command(step, day: int, team: str | None):
    kind = step.order
    if kind == "hire":
        return sim.Hire(day=day, team_type="eore")
    if kind == "educate":
        return sim.Educate(day=day, team=team, village=step.zone)
    if kind == "stand_down":
        return sim.StandDown(day=day, team=team)
    cls = {"survey": sim.Survey, "clear": sim.Clear}.get(kind)
    if cls is not None:
        return cls(day=day, team=team, area=step.zone)
    return {"mark": sim.Mark, "cancel": sim.Cancel, "confirm": sim.Confirm,
            "quality_assurance": sim.QualityAssurance}[kind](day=day, area=step.zone)


def follow(seed: int | None = None):
    """Play the tutorial as written; (session, tutorial). Time runs only while a prompt says to wait."""
    session = Session.start(LEVEL, seed=seed)
    spec, _map = load_level(LEVEL)
    tut = Tutorial(spec.tutorial)
    cursor = session.cursor()
    selected = None

    def run_day():
        nonlocal cursor
        assert not session.ended, f"the level ended while the tutorial waited at step {tut.index + 1}"
        session.step()
        changes = session.changes(cursor)
        cursor = session.cursor()
        tut.on_events(changes.events)
        tut.on_day(session.day)

    while not tut.done:
        step, at = tut.step, tut.index
        if step.wait_for == "continue":
            tut.next()
        elif step.wait_for == "select_team":
            selected = step.team
            tut.on_select(step.team)
        elif step.wait_for == "task_done":
            run_day()
        elif step.wait_for == "level_end":
            if "End twice" in step.say:  # the student ends the level once the news says the work is done
                words, news = AFTER_NEWS[("end_level", None)]
                assert words in step.say, step.say
                while not news(session):
                    run_day()
                assert session.apply(sim.EndLevel(day=session.day)).accepted
            while not session.ended:
                run_day()
            tut.on_level_end()
        else:
            assert step.wait_for == "order", step.wait_for
            number = SELECT.search(step.say)
            if number is not None:  # the prompt says which team to select: its number in the team list
                selected = [t for t in session.view().teams if t.deployed][int(number.group(1)) - 1].name
            waits = AFTER_NEWS.get((step.order, step.zone or step.team))
            if waits is not None:
                assert waits[0] in step.say, (at, step.say)
                while not waits[1](session):
                    run_day()
            cmd = _command(step, session.day, selected)
            outcome = session.apply(cmd)
            assert outcome.accepted, (at + 1, step.say, outcome.code, outcome.params)
            if step.order == "hire":
                selected = outcome.team  # the new team is selected
            area = getattr(cmd, "village", None) or getattr(cmd, "area", None)
            tut.on_order(step.order, area, getattr(cmd, "team", None))
        assert tut.index > at, f"step {at + 1} did not move on: {step.say}"
    return session, tut


@pytest.mark.parametrize("seed", [None, 1, 2])
def test_following_the_tutorial_as_written_earns_a_good_grade_and_every_objective(seed):
    session, tut = follow(seed)
    card = session.score()
    assert card.grade in ("A", "B"), (card.grade, card.total, card.points)
    assert card.grade_caps == ()
    assert all(o.met for o in card.objectives), card.objectives
    said = {lesson.code for lesson in lessons(session.view(), session.truth(), card, session.diary,
                                              session.all_events(), session.level)}
    # the debrief blames nothing the tutorial told the student to do
    assert not said & {"idle_team_days", "objective_missed", "decision_error", "money_ran_out"}, said


def test_every_procedure_the_score_judges_is_asked_for_by_a_tutorial_step():
    spec, _map = load_level(LEVEL)
    asked = {s.order for s in spec.tutorial if s.wait_for == "order"}
    assert {"mark", "educate", "quality_assurance", "stand_down"} <= asked
