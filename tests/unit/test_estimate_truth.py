"""The order preview's days against what the simulation then really takes, on shipped levels.

The preview is an estimate (terrain, scrap, a technical survey's lanes drawn only when the order is given,
weather it cannot know), so it is held to "within reason": the work never ends before 60% of the estimate
nor after 150% of it plus the days bad weather stopped the team. A technical survey previewed at the cost of
searching all of its area (about four times too long) fails this."""

from __future__ import annotations

import pytest

from game.run.levels import resolve_level
from game.run.session import Session
from game.sim import Clear, Survey, TechnicalSurvey

CASES = [
    ("cancel_or_clear", TechnicalSurvey, "technical_survey-1", "river_crossing"),
    ("cancel_or_clear", TechnicalSurvey, "technical_survey-1", "brannock_fields"),
    ("cancel_or_clear", Clear, "manual-1", "pump_station"),
    ("cancel_or_clear", Survey, "nts-1", "hill_positions"),
    ("technical_survey", TechnicalSurvey, None, None),
]


def _days_taken(session, team: str) -> tuple[int, float]:
    """Days until the team is idle again, and the days of work the weather took from it (a storm a whole
    day, rain 0.3 of one)."""
    start, lost = session.day, 0.0
    kind = session.view().team(team).type
    rules = session.scenario.level.catalogue["weather"]
    while not session.ended:
        rule = rules.get(session.view().weather, {})
        lost += 1.0 if kind in rule.get("stops", ()) else 1.0 - float(rule.get("speed_factor", 1.0))
        session.step()
        if session.view().team(team).task_kind is None:
            return session.day - start, lost
    raise AssertionError("the level ended before the work did")


@pytest.mark.parametrize("level,order,team,zone", CASES)
def test_the_preview_days_are_what_the_work_takes(level, order, team, zone):
    with Session.start(resolve_level(level), seed=11) as session:
        view = session.view()
        if team is None:  # the level's first technical survey team on its first suspected area
            team = next(t.name for t in view.teams if t.type == "technical_survey")
            zone = next(o.name for o in session.scenario.map.objects if o.kind == "suspected_area")
        cmd = order(day=session.day, team=team, area=zone)
        est = session.estimate(cmd)
        assert session.apply(cmd).accepted
        taken, stopped = _days_taken(session, team)
        assert 0.6 * est.work_days - 1 <= taken <= 1.5 * est.work_days + stopped + 2, (est.work_days, taken, stopped)


def test_a_second_team_on_the_same_land_is_told_it_finishes_no_sooner():
    with Session.start(resolve_level("cancel_or_clear"), seed=11) as session:
        first = Clear(day=1, team="manual-1", area="pump_station")
        assert "same_ground" not in session.estimate(first).advice
        assert session.apply(first).accepted
        second = Clear(day=1, team="manual-2", area="pump_station")
        est = session.estimate(second)
        assert "same_ground" in est.advice
        assert session.apply(second).accepted
        taken, _stopped = _days_taken(session, "manual-2")
        assert session.view().team("manual-1").task_kind is None  # both end together: no sooner with two
